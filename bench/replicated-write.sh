#!/usr/bin/env bash
# Builds what the WAIT benchmark needs and runs it: ./bench/replicated-write.sh [--writes=2000] [--rounds=5].
# It prints its figures; see bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
exec ./mvnw -B -q -pl bench -am verify -Pbench -DskipTests -Dbench.main=org.circlekeeper.bench.ReplicatedWriteBenchmark "-Dbench.args=$*"
