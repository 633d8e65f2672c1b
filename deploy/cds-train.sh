#!/usr/bin/env bash
# Makes circlekeeper's class-data sharing archive (README "Starting fast"):
#   deploy/cds-train.sh JAR DESTINATION [SETTING...]
# extracts the Spring Boot JAR into DESTINATION (plain jars, as class-data sharing needs), then runs it once as
# training: the console answers a scripted /help on a throwaway embedded Redis, and at exit the JVM writes every
# class it loaded into DESTINATION/circlekeeper.jsa. The JVM that trains must be the one that later runs
# the archive (same build). Extra SETTINGs (e.g. --circlekeeper.web.port=8080) shape the training run like
# the production one. The training asks for the AOT path; a jar without an AOT build, or settings other than the
# build's, start the normal way (AotStartPath), and the archive then holds that path's classes.
# Last it writes DESTINATION/circlekeeper.args, the production start's JVM options as a java argument file:
#   java @DESTINATION/circlekeeper.args -jar DESTINATION/circlekeeper.jar
set -euo pipefail
# The production JVM's own options, also used by the training (bench/README.md "StartupBenchmark" measures them):
# one GC thread and no G1 remembered sets (the Serial collector: a bot's heap is small, its pauses a few ms), and a
# heap that starts at 32 MiB and grows as the bot needs (the maximum stays the JVM's default or -XX:MaxRAMPercentage).
production=(-XX:+UseSerialGC -Xms32m)
jar=$1
dest=$2
shift 2
rm -rf "$dest/circlekeeper.jsa" "$dest/circlekeeper.args" "$dest/lib"
java -Djarmode=tools -jar "$jar" extract --destination "$dest" --force
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf '/help\n' > "$work/training.txt"
# No chat platform and a private Redis on a free port: the training never reaches out, whatever the environment says.
if ! env -u CIRCLEKEEPER_TELEGRAM_TOKEN -u CIRCLEKEEPER_DISCORD_TOKEN -u CIRCLEKEEPER_REDIS_URL \
    java -XX:ArchiveClassesAtExit="$dest/circlekeeper.jsa" "${production[@]}" -Dspring.aot.enabled=true -jar "$dest/circlekeeper.jar" \
    --circlekeeper.console.enabled=true --circlekeeper.redis.embedded.port=0 \
    --circlekeeper.redis.embedded.data-dir="$work/redis" "$@" "$work/training.txt" \
    > "$work/training.log" 2>&1; then
  cat "$work/training.log" >&2
  echo "cds-train: the training run failed" >&2
  exit 1
fi
if ! grep -q 'What you can do here' "$work/training.log"; then
  cat "$work/training.log" >&2
  echo "cds-train: the training run never answered /help" >&2
  exit 1
fi
grep -h 'start: ' "$work/training.log" | sed 's/^.* - /cds-train: /' || true
echo "cds-train: $dest/circlekeeper.jsa ($(du -h "$dest/circlekeeper.jsa" | cut -f1))"
# One option a line; the archive by its absolute path (quoted, as a java argument file allows), so the file works
# from any working directory.
{
  echo "\"-XX:SharedArchiveFile=$(cd "$dest" && pwd)/circlekeeper.jsa\""
  echo "-Dspring.aot.enabled=true"
  printf '%s\n' "${production[@]}"
} > "$dest/circlekeeper.args"
echo "cds-train: start with java @$dest/circlekeeper.args -jar $dest/circlekeeper.jar"
