#!/usr/bin/env bash
# Builds what the simulation needs and runs it: ./bench/scale.sh [--sizes=100:30,1000:3] [--full] [--members=30]
#   [--tick-minutes=10] [--warmup=10:2]. Sizes are communities:days. It prints its figures; see bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
exec ./mvnw -B -q -pl bench -am verify -Pbench -DskipTests -Dbench.main=org.circlekeeper.bench.ScaleBenchmark "-Dbench.args=$*"
