#!/usr/bin/env bash
# Builds what the benchmark needs and runs it: ./bench/run.sh [--jobs=100000] [--window=25] [--lead=5] [--sparse-jobs=1000]
#   [--instances=2] [--interval-ms=1000] [--timeout=120]. It prints its figures; see bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
exec ./mvnw -B -q -pl bench -am verify -Pbench -DskipTests "-Dbench.args=$*"
