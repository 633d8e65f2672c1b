#!/usr/bin/env bash
# The engine on Redis beside bare Redis round trips: ./bench/engine.sh [--seconds=8] [--threads=1,4] [--runs=2]
#   [--counted=200]. It prints its figures; see bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
exec ./mvnw -B -q -pl bench -am verify -Pbench -DskipTests -Dbench.main=org.circlekeeper.bench.EngineBenchmark "-Dbench.args=$*"
