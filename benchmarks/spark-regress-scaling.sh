#!/usr/bin/env bash
# The in-process selection regression (the CLI's regress) against the Spark regress job in local[2], both in a 2 GB
# heap, on product tables of 100k, 300k and 1M rows (ScaledSalesTable: title text with the hashing embedder, 512
# dimensions; price, rating with missing values, brand, category; log target): wall time, peak heap after GC (from
# the GC log) or where it ran out of memory, and whether the two predict the same.
# Usage: benchmarks/spark-regress-scaling.sh [ROWS...]   (default: 100000 300000 1000000; results in target/scaling)
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("${@:-100000 300000 1000000}")
read -r -a sizes <<< "${sizes[*]}"
work=benchmarks/target/scaling
. benchmarks/scaling-common.sh
flags=(--id-column id --target-column units --text-column title --numeric-columns price,rating
  --categorical-columns brand,category --log-target --model hashing)
for n in "${sizes[@]}"; do
  table="$work/sales-$n.csv"
  [ -f "$table" ] || java -cp "$bench" io.livecommerce.benchmarks.ScaledSalesTable "$n" "$table" >&2
  head -1001 "$table" > "$work/predict-$n.csv"
  rm -rf "$work/pred-spark-$n" "$work/pred-in-$n.csv" "$work/sales-$n.lcm"
  run "regress-inprocess-$n" "$work/gc-ri-$n.log" java -Xmx2g -Xlog:gc:file="$work/gc-ri-$n.log" -jar "$jar" \
    regress --train "$table" --predict "$work/predict-$n.csv" "${flags[@]}" --out "$work/pred-in-$n.csv"
  run "regress-spark-$n" "$work/gc-rs-$n.log" env DRIVER_MEMORY=2g JAVA_TOOL_OPTIONS="-Xlog:gc:file=$work/gc-rs-$n.log" \
    livecommerce-spark/run-local.sh regress --train "$table" --predict "$work/predict-$n.csv" "${flags[@]}" \
    --out "$work/pred-spark-$n" --save-model "$work/sales-$n.lcm"
  if [ -f "$work/pred-in-$n.csv" ] && [ -d "$work/pred-spark-$n" ]; then
    # Same predictions? The largest difference over the 1,000 predicted rows.
    paste -d, <(tail -n +2 "$work/pred-in-$n.csv") <(cat "$work"/pred-spark-"$n"/part-*.csv | grep -v '^id,') |
      awk -F, '{ d = $2 - $4; if (d < 0) d = -d; if (d > m) m = d } END { printf "  largest prediction difference %g\n", m }'
  fi
  grep -h "out-of-fold" "$work/regress-inprocess-$n.out" "$work/regress-spark-$n.out" 2>/dev/null | sed 's/^/  /' || true
done
