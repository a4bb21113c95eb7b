#!/usr/bin/env bash
# Tokens per second of the local llama.cpp backend (livecommerce-llm-local) on a GGUF model, by default the tiny
# shared test model beside the checkout. Generation only (short prompt), 3 warm-up runs, then RUNS timed runs.
#
#   benchmarks/local-llm.sh [GGUF] [THREADS] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
gguf=${1:-../shared/models/tiny-livesales-v3.gguf}
threads=${2:-1}
runs=${3:-10}
mvn -q -B -ntp -pl benchmarks -am package -DskipTests
exec java -cp benchmarks/target/benchmarks.jar io.livecommerce.benchmarks.LocalModelTiming "$gguf" "$threads" "$runs"
