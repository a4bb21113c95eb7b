#!/usr/bin/env bash
# The in-process trainer against the Spark jobs in local[2], both in a 2 GB heap, on watch logs of 1M, 5M and 20M
# events (ScaledWatchLog): wall time and peak heap after GC (from the GC log), or where it ran out of memory.
# Both train implicit ALS (32 factors, 10 iterations, no tuning) and write top 10 unseen anchors for every viewer.
# Usage: benchmarks/spark-scaling.sh [SIZES...]   (default: 1000000 5000000 20000000; results in target/scaling)
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("${@:-1000000 5000000 20000000}")
read -r -a sizes <<< "${sizes[*]}"
work=benchmarks/target/scaling
. benchmarks/scaling-common.sh
for n in "${sizes[@]}"; do
  log="$work/log-$n.csv"
  [ -f "$log" ] || java -cp "$bench" io.livecommerce.benchmarks.ScaledWatchLog "$n" "$log" >&2
  rm -rf "$work/recs-spark-$n" "$work/model-$n.lcm"
  run "inprocess-$n" "$work/gc-in-$n.log" java -Xmx2g -Xlog:gc:file="$work/gc-in-$n.log" -jar "$jar" recommend \
    --interactions "$log" --no-tune --model-family als --factors 32 --iterations 10 --k 10 --exclude-seen \
    --out "$work/recs-in-$n.csv"
  run "spark-train-$n" "$work/gc-st-$n.log" env DRIVER_MEMORY=2g JAVA_TOOL_OPTIONS="-Xlog:gc:file=$work/gc-st-$n.log" \
    livecommerce-spark/run-local.sh train-recommender --interactions "$log" --factors 32 --iterations 10 \
    --out "$work/model-$n.lcm"
  if [ -f "$work/model-$n.lcm" ]; then
    run "spark-recommend-$n" "$work/gc-sr-$n.log" env DRIVER_MEMORY=2g \
      JAVA_TOOL_OPTIONS="-Xlog:gc:file=$work/gc-sr-$n.log" livecommerce-spark/run-local.sh recommend \
      --interactions "$log" --model "$work/model-$n.lcm" --k 10 --exclude-seen --out "$work/recs-spark-$n"
  fi
done
