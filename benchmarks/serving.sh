#!/usr/bin/env bash
# Serving at platform scale: the large simulated world's room recommender behind a LiveRoomIndex with 1k, 10k and
# 100k live rooms. Prints the cold start (against the embedder's own batch time), p50/p95/p99 and throughput on 1, 2
# and 4 request threads, allocation per request, heap, the retrieval's recall against scoring every live room, and
# the old path (every live room in the request). See ServingBenchmark's Javadoc.
#
#   benchmarks/serving.sh                                  # hashing embedder, 1k,10k,100k rooms (about 6 min)
#   benchmarks/serving.sh --model bge-small-zh             # the bundled model (about 20 min on 2 cores)
#   benchmarks/serving.sh --rooms 10000 --requests 1000
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -ntp -pl benchmarks -am package -DskipTests -Dmaven.javadoc.skip=true
exec java -Xmx12g -cp benchmarks/target/benchmarks.jar io.livecommerce.benchmarks.ServingBenchmark "$@"
