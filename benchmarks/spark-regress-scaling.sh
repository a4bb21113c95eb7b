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
mkdir -p "$work"
mvn -B -ntp -q package -DskipTests -Dmaven.javadoc.skip=true -pl benchmarks,livecommerce-examples,livecommerce-spark -am
jar=livecommerce-examples/target/livecommerce.jar
bench=benchmarks/target/benchmarks.jar
peak() { # the largest heap in use before a collection, in MB, from a -Xlog:gc file
  grep -oE '[0-9]+M->[0-9]+M' "$1" | awk -F'M->' '{ if ($1 > m) m = $1 } END { print m + 0 }'
}
run() { # label, gc log, command...: prints wall seconds, exit code and peak heap
  local label=$1 log=$2
  shift 2
  local t0 t1 rc
  t0=$(date +%s.%N)
  set +e
  "$@" > "$work/$label.out" 2> "$work/$label.err"
  rc=$?
  set -e
  t1=$(date +%s.%N)
  printf '%-26s %8.1f %4d %8s\n' "$label" "$(echo "$t1 - $t0" | bc)" "$rc" "$(peak "$log")"
}
flags=(--id-column id --target-column units --text-column title --numeric-columns price,rating
  --categorical-columns brand,category --log-target --model hashing)
printf '%-26s %8s %4s %8s\n' run seconds rc peak_MB
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
