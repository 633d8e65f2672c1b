#!/usr/bin/env bash
# The Telegram adapter beside a bare TelegramBots consumer on the same fake Bot API:
#   ./bench/telegram.sh [--members=300] [--concurrency=8] [--runs=2] [--warmup=100]. It prints its figures; see bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
exec ./mvnw -B -q -pl bench -am verify -Pbench -DskipTests -Dbench.main=org.circlekeeper.bench.TelegramBenchmark "-Dbench.args=$*"
