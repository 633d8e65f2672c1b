#!/usr/bin/env bash
# Builds what the job-queue benchmark needs and runs it: one Redis node beside a three-primary Redis Cluster, same run.
# ./bench/job-queue-cluster.sh [--jobs=20000] [--rounds=3] [--threads=2] [--batch=20]; see bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "load before: $(uptime)"
./mvnw -B -q -pl bench -am verify -Pbench -DskipTests -Dbench.main=org.circlekeeper.bench.JobQueueClusterBenchmark "-Dbench.args=$*"
echo "load after: $(uptime)"
