#!/usr/bin/env bash
# Makes circlekeeper's class-data sharing archive (README "Starting fast"):
#   deploy/cds-train.sh JAR DESTINATION [SETTING...]
# extracts the Spring Boot JAR into DESTINATION (plain jars, as class-data sharing needs), then runs it once as
# training: the console answers a scripted /help on a throwaway embedded Redis, and at exit the JVM writes every
# class it loaded into DESTINATION/circlekeeper.jsa. The JVM that trains must be the one that later runs
# the archive (same build). Extra SETTINGs (e.g. --circlekeeper.web.port=8080) shape the training run like
# the production one. The training asks for the AOT path; a jar without an AOT build, or settings other than the
# build's, start the normal way (AotStartPath), and the archive then holds that path's classes.
set -euo pipefail
jar=$1
dest=$2
shift 2
rm -rf "$dest/circlekeeper.jsa" "$dest/lib"
java -Djarmode=tools -jar "$jar" extract --destination "$dest" --force
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf '/help\n' > "$work/training.txt"
# No chat platform and a private Redis on a free port: the training never reaches out, whatever the environment says.
if ! env -u CIRCLEKEEPER_TELEGRAM_TOKEN -u CIRCLEKEEPER_DISCORD_TOKEN -u CIRCLEKEEPER_REDIS_URL \
    java -XX:ArchiveClassesAtExit="$dest/circlekeeper.jsa" -Dspring.aot.enabled=true -jar "$dest/circlekeeper.jar" \
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
