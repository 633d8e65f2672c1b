#!/usr/bin/env bash
# Every benchmark in one run, then issue #15's figures as one table, each beside its anchor measured in the same run:
#   bench/all.sh            # the full figures: about 25 minutes by the benchmarks' own times, plus the builds
#   bench/all.sh --quick    # smaller runs of each: 7 minutes in all on a quiet 2-core machine, builds included
#   bench/all.sh --quick --skip=startup,scale   # leave some out (names: scheduler engine telegram discord replicated scale startup)
# Each benchmark's own output is printed and kept in bench/target/all/<name>.log; the table in bench/target/all/summary.md.
set -euo pipefail
cd "$(dirname "$0")/.."
quick=false
skip=","
for arg in "$@"; do
  case "$arg" in
    --quick) quick=true ;;
    --skip=*) skip=",${arg#--skip=}," ;;
    *) echo "usage: bench/all.sh [--quick] [--skip=name,...]" >&2; exit 2 ;;
  esac
done
out=bench/target/all
mkdir -p "$out"
summary="$PWD/$out/figures.tsv"
: > "$summary"
echo "bench/all.sh $* — $(date -u '+%Y-%m-%d %H:%M UTC'); load: $(uptime | sed 's/.*load average: //')"

wanted() { [[ "$skip" != *",$1,"* ]]; }

if wanted startup; then
  echo "== building the fast-start app (Spring AOT, class-data archive) for the start-up benchmark"
  ./mvnw -B -q -pl bot-app -am clean package -Pfast-start -DskipTests
fi
echo "== building the benchmarks"
./mvnw -B -q -pl bench -am package -DskipTests dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
cp="bench/target/classes:$(cat bench/target/classpath.txt)"

run() { # name, main class, arguments...
  local name="$1" main="$2"
  shift 2
  wanted "$name" || return 0
  echo
  echo "== $name: $main $* (load: $(uptime | sed 's/.*load average: //'))"
  java -Xms1g -Xmx2g -Dbench.summary="$summary" -cp "$cp" "org.circlekeeper.bench.$main" "$@" 2>&1 | tee "$out/$name.log"
}

if $quick; then
  run scheduler SchedulerBenchmark --jobs=10000 --window=5 --lead=3 --sparse-jobs=200
  run engine EngineBenchmark --seconds=3 --threads=1,4 --runs=1 --counted=50
  run telegram TelegramBenchmark --members=100 --runs=1 --warmup=50
  run discord DiscordBurstBenchmark --members=100 --replicas=2 --runs=1
  run replicated ReplicatedWriteBenchmark --writes=500 --rounds=2
  run scale ScaleBenchmark --sizes=20:7,100:2 --warmup=5:1
  run startup StartupBenchmark --app="$PWD/bot-app/target/fast-start" --runs=1 --idle-ms=1000
else
  run scheduler SchedulerBenchmark
  run engine EngineBenchmark
  run telegram TelegramBenchmark
  run discord DiscordBurstBenchmark
  run replicated ReplicatedWriteBenchmark
  run scale ScaleBenchmark
  run startup StartupBenchmark --app="$PWD/bot-app/target/fast-start"
fi

java -cp "$cp" org.circlekeeper.bench.Summary "$summary" | tee "$out/summary.md"
echo "load at the end: $(uptime | sed 's/.*load average: //'); the machine may be shared: re-measure quiet before quoting"
