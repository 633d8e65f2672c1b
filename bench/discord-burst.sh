#!/usr/bin/env bash
# Builds what the Discord burst benchmark needs and runs it: ./bench/discord-burst.sh [--members=300]
#   [--replicas=1,2] [--runs=2]. It prints its figures; see bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
exec ./mvnw -B -q -pl bench -am verify -Pbench -DskipTests -Dbench.main=org.circlekeeper.bench.DiscordBurstBenchmark "-Dbench.args=$*"
