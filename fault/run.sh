#!/usr/bin/env bash
# Builds the app and the suite and runs the fault-injection suite: ./fault/run.sh [--reminders=10000]
#   [--stall-reminders=2000] [--window=2] [--kill-at=0.3] [--checkin-seconds=60] [--redis-down=5] [--members=3000]
#   [--workers=16] [--scenarios=1,2,3]. It prints a table and exits non-zero unless every count is 0; see fault/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
exec ./mvnw -B -q -pl bot-app,fault -am verify -Pfault -DskipTests "-Dfault.args=$*"
