#!/usr/bin/env bash
# Builds the fast-start app (Spring AOT, extracted jar, class-data archive) and measures its start-up:
#   ./bench/startup.sh [--runs=5] [--idle-ms=3000]. It prints its figures; see bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -pl bot-app -am clean package -Pfast-start -DskipTests
exec ./mvnw -B -q -pl bench -am verify -Pbench -DskipTests -Dbench.main=org.circlekeeper.bench.StartupBenchmark \
  "-Dbench.args=--app=$PWD/bot-app/target/fast-start $*"
