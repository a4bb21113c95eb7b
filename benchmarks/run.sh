#!/usr/bin/env bash
# Runs one JMH benchmark (a class or method name pattern) with settings short enough for a 2-core machine,
# and prints the JMH table. Extra arguments go to JMH, e.g. `benchmarks/run.sh TopK -p rows=10000`.
#
#   benchmarks/run.sh TopKBenchmark
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -lt 1 ]; then
  echo "usage: benchmarks/run.sh BENCHMARK_PATTERN [JMH options...]" >&2
  exit 2
fi
pattern=$1
shift
mvn -q -B -ntp -pl benchmarks -am package -DskipTests
exec java -jar benchmarks/target/benchmarks.jar "$pattern" -f 1 -wi 2 -w 2s -i 3 -r 2s "$@"
