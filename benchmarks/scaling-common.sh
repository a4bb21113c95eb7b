# Sourced by the spark-*scaling.sh scripts: builds what they run and measures a run's wall time, exit code and peak
# heap. Expects $work (the results folder).
mkdir -p "$work"
mvn -B -ntp -q package -DskipTests -Dmaven.javadoc.skip=true -pl benchmarks,livecommerce-examples,livecommerce-spark -am
jar=livecommerce-examples/target/livecommerce.jar
bench=benchmarks/target/benchmarks.jar
peak() { # the largest heap in use before a collection, in MB, from a -Xlog:gc file
  grep -oE '[0-9]+M->[0-9]+M' "$1" | awk -F'M->' '{ if ($1 > m) m = $1 } END { print m + 0 }'
}
run() { # label, gc log, command...: prints the label, wall seconds, exit code and peak heap
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
printf '%-26s %8s %4s %8s\n' run seconds rc peak_MB
