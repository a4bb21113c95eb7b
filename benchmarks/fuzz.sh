#!/usr/bin/env bash
# Fuzzes one Jazzer target for real, e.g. `benchmarks/fuzz.sh ComplianceFuzzTest#checker 5`.
# Targets: ComplianceFuzzTest#checker, ComplianceFuzzTest#redactor, ModelFilesFuzzTest#loader (core),
# SseReaderFuzzTest#reader (llm), GgufValidatorFuzzTest#validator (llm-local), CsvTableFuzzTest#reader (examples).
# Inputs that crash are written next to the committed corpus in src/test/resources/.../<Class>Inputs/<method>/,
# which `mvn verify` replays from then on; fix the bug and keep the file. The working corpus stays in .cifuzz-corpus.
# A 1 GB heap makes an allocation sized from untrusted input fail loudly instead of passing on a large machine.
# Jazzer 0.24 ignores a duration given on the command line, so the targets allow 24 h and this script ends the run
# with SIGINT after MINUTES; libFuzzer stops cleanly and every finding is already on disk by then.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -lt 2 ]; then
  echo "usage: benchmarks/fuzz.sh CLASS#METHOD MINUTES" >&2
  exit 2
fi
target=$1
minutes=$2
class=${target%%#*}
module=$(grep -rl --include="${class}.java" "class ${class}" livecommerce-*/src/test | head -1 | cut -d/ -f1)
if [ -z "$module" ]; then
  echo "no fuzz test class ${class}" >&2
  exit 2
fi
mvn -q -B -ntp install -DskipTests -pl "$module" -am
set +e
JAZZER_FUZZ=1 timeout --signal=INT --kill-after=60 "${minutes}m" mvn -B -ntp -pl "$module" test \
  -Dtest="$target" -Dsurefire.failIfNoSpecifiedTests=false -DargLine="-Xmx1g" 2>&1 | tee "target-fuzz-${class}.log" \
  | grep -E '^(#[0-9]+.*(NEW|REDUCE|pulse)|==[0-9]+==|Done|INFO: (Running|Seed)|.*(Exception|Error|crash-))' | tail -n 40
code=${PIPESTATUS[0]}
set -e
# 124: stopped by the timer, which is how a run without findings ends.
if [ "$code" -ne 0 ] && [ "$code" -ne 124 ]; then
  echo "fuzzing ended with exit code $code: see target-fuzz-${class}.log and any new crash-* file in the corpus" >&2
  exit "$code"
fi
echo "fuzzed ${target} for ${minutes} minute(s): $(grep -Eo 'Done [0-9]+ runs|#[0-9]+' "target-fuzz-${class}.log" | tail -1)"
