#!/usr/bin/env bash
# Cost at catalogue scale: a synthetic log shaped like a star-rating log (benchmarks/synth/star_log.py: Zipf
# popularity, 1-5 ratings; default 6,000 users x 10,000 items, 1M events) through `recommend --exclude-seen`, out of
# the box (tuned) and with --no-tune, timed as a user sees it (wall time and peak RSS of the whole process, JVM start
# and CSV writing included), beside Spark MLlib's and Mahout's ALS with their documented settings on the same file.
# Timing only: the simulator's tastes are ours, so no quality claim is made from this log (see recommend-real.sh).
#
#   benchmarks/recommend-scale.sh [USERS ITEMS EVENTS [SEED]]
set -euo pipefail
cd "$(dirname "$0")/.."
users=${1:-6000} items=${2:-10000} events=${3:-1000000} seed=${4:-7}
py=python3
[ -x /usr/bin/python3 ] && py=/usr/bin/python3
work=benchmarks/target/scale-$users-$items-$events-$seed
mkdir -p "$work"
[ -f "$work/log.csv" ] || $py benchmarks/synth/star_log.py "$work/log.csv" "$users" "$items" "$events" "$seed"
jar=livecommerce-examples/target/livecommerce.jar
[ -f "$jar" ] || mvn -q -B -ntp package -DskipTests -pl livecommerce-examples -am
timed() { # name, command...: wall seconds and peak RSS
  local name=$1
  shift
  /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" > "$work/run.log" 2>&1 || { tail -20 "$work/run.log" >&2; exit 1; }
  read -r secs kb < "$work/time.txt"
  printf '%-44s %8.1f s %8d MB\n' "$name" "$secs" "$((kb / 1024))"
}
printf '%-44s %10s %11s\n' run wall peak_RSS
timed "recommend (tuned, out of the box)" java -jar "$jar" recommend --interactions "$work/log.csv" \
  --out "$work/recs.csv" --exclude-seen --k 10 --seed "$seed"
grep -h "tuning chose" "$work/run.log" || true
sed -n '/tuning chose/,/wrote/p' "$work/run.log" | grep -E '^ ' || true
timed "recommend --no-tune" java -jar "$jar" recommend --interactions "$work/log.csv" --out "$work/recs.csv" \
  --exclude-seen --k 10 --seed "$seed" --no-tune
peers=benchmarks/peers
mvn -q -B -ntp -f "$peers/pom.xml" compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
opens="--add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED
  --add-opens=java.base/java.lang.invoke=ALL-UNNAMED"
# shellcheck disable=SC2086
timed "Spark MLlib ALS implicit, documented settings" java $opens \
  -cp "$peers/target/classes:$(cat "$peers/target/cp.txt")" peers.SparkAls "$work/log.csv" "$work/peer.csv" 10
# shellcheck disable=SC2086
timed "Mahout ALS-WR implicit, example settings" java $opens \
  -cp "$peers/target/classes:$(cat "$peers/target/cp.txt")" peers.MahoutAls "$work/log.csv" "$work/peer.csv" 10
