#!/usr/bin/env bash
# Regression on a real table we did not generate: vega-datasets' movies (3,201 films, npm package vega-datasets),
# target IMDB Rating, title as text, two numeric and four categorical columns, over seeded 80/20 splits (default
# seeds 1-10). Per split it runs our CLI `regress` with ridge alone (--no-trees), as shipped (ridge, boosted trees
# or their blend, as cross-validation chooses), and as shipped with the title as text (--model auto reads these English
# titles with all-minilm-l6) and with the title through bge-small-zh (the Chinese model); and scikit-learn's
# RidgeCV (with and without TF-IDF on the title) and HistGradientBoosting (Debian's python3-sklearn). Every model's
# R² is scored on the same test rows by the same code (benchmarks/real/r2.py); the summary gives mean, standard
# deviation, and on how many splits each model beat HistGradientBoosting. The data is fetched from its package,
# never committed.
#
#   benchmarks/regress-real.sh [SEED...]
set -euo pipefail
cd "$(dirname "$0")/.."
seeds=("$@")
[ ${#seeds[@]} -gt 0 ] || seeds=(1 2 3 4 5 6 7 8 9 10)
work=benchmarks/target/real-movies
mkdir -p "$work"
if [ ! -f "$work/package/data/movies.json" ]; then
  (cd "$work" && npm pack --silent vega-datasets@3.2.1 >/dev/null && tar xzf vega-datasets-3.2.1.tgz package/data/movies.json)
fi
py=/usr/bin/python3
if ! $py -c "import sklearn, pandas" 2>/dev/null; then
  echo "installing Debian's python3-sklearn and python3-pandas for the peers" >&2
  apt-get install -y -qq python3-sklearn python3-pandas >/dev/null
fi
jar=livecommerce-examples/target/livecommerce.jar
[ -f "$jar" ] || mvn -q -B -ntp package -DskipTests -pl livecommerce-examples -am
cols=(--id-column id --target-column rating --numeric-columns production_budget,rotten_tomatoes_rating
  --categorical-columns mpaa_rating,major_genre,creative_type,source)
results="$work/results.tsv"
: > "$results"
run() { # seed, name, extra args...
  local seed=$1 name=$2
  shift 2
  local start end
  start=$(date +%s.%N)
  java -jar "$jar" regress --train "$work/train.csv" --predict "$work/test.csv" "${cols[@]}" "$@" \
    --out "$work/pred.csv" > "$work/run.log" 2>&1 || { cat "$work/run.log" >&2; exit 1; }
  end=$(date +%s.%N)
  printf '%s\t%s\t%s\t%.1f\t%s\n' "$seed" "$name" "$($py benchmarks/real/r2.py "$work/test.csv" "$work/pred.csv" rating)" \
    "$(echo "$end - $start" | bc)" "$(grep 'cross-validation chose' "$work/run.log" | sed 's/cross-validation chose: //' | cut -d';' -f1)" \
    | tee -a "$results"
}
echo -e "seed\tmodel\tR² (test)\twall s\tlearner CV chose"
for seed in "${seeds[@]}"; do
  $py benchmarks/real/movies_table.py "$work/package/data/movies.json" "$work" "$seed" > /dev/null
  run "$seed" "livecommerce --no-trees" --no-trees
  run "$seed" "livecommerce" 
  run "$seed" "livecommerce --text-column title" --text-column title
  run "$seed" "livecommerce --text-column title --model bge-small-zh" --text-column title --model bge-small-zh
  (cd benchmarks/real && $py sklearn_peers.py "../../$work/train.csv" "../../$work/test.csv") \
    | while IFS=$'\t' read -r name r2; do printf '%s\t%s\t%s\t\t\n' "$seed" "$name" "$r2"; done | tee -a "$results"
done
echo
$py - "$results" <<'PY'
import collections, statistics, sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
by = collections.OrderedDict()
for seed, name, r2, *_ in rows:
    by.setdefault(name, {})[seed] = float(r2)
hgb = by.get("sklearn HistGradientBoosting", {})
print("model\tmean R²\tsd\tsplits\tbeats HGB on")
for name, r in by.items():
    v = list(r.values())
    wins = sum(1 for s in r if s in hgb and r[s] > hgb[s])
    sd = statistics.stdev(v) if len(v) > 1 else 0.0
    print(f"{name}\t{statistics.mean(v):.4f}\t{sd:.4f}\t{len(v)}\t{wins}")
PY
