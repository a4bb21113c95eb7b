#!/usr/bin/env bash
# Regression on a real table we did not generate: vega-datasets' movies (3,201 films, npm package vega-datasets),
# target IMDB Rating, title as text, two numeric and four categorical columns, seeded 80/20 split. Runs our CLI
# `regress` without text, with the title through bge-small-zh and through all-MiniLM-L6, and scikit-learn's RidgeCV
# with and without TF-IDF on the title (Debian's python3-sklearn), and prints R² on the same test rows with the same
# metric code (benchmarks/real/r2.py). The data is fetched from its package, never committed.
#
#   benchmarks/regress-real.sh [SEED]
set -euo pipefail
cd "$(dirname "$0")/.."
seed=${1:-42}
work=benchmarks/target/real-movies
mkdir -p "$work"
if [ ! -f "$work/package/data/movies.json" ]; then
  (cd "$work" && npm pack --silent vega-datasets@3.2.1 >/dev/null && tar xzf vega-datasets-3.2.1.tgz package/data/movies.json)
fi
py=/usr/bin/python3
if ! $py -c "import sklearn, pandas" 2>/dev/null; then
  echo "installing Debian's python3-sklearn and python3-pandas for the peer" >&2
  apt-get install -y -qq python3-sklearn python3-pandas >/dev/null
fi
$py benchmarks/real/movies_table.py "$work/package/data/movies.json" "$work" "$seed"
jar=livecommerce-examples/target/livecommerce.jar
[ -f "$jar" ] || mvn -q -B -ntp package -DskipTests -pl livecommerce-examples -am
cols=(--id-column id --target-column rating --numeric-columns production_budget,rotten_tomatoes_rating
  --categorical-columns mpaa_rating,major_genre,creative_type,source)
run() { # name, extra args...
  local name=$1
  shift
  local start end
  start=$(date +%s.%N)
  java -jar "$jar" regress --train "$work/train.csv" --predict "$work/test.csv" "${cols[@]}" "$@" \
    --out "$work/pred.csv" > "$work/run.log" 2>&1 || { cat "$work/run.log" >&2; exit 1; }
  end=$(date +%s.%N)
  printf '%s\t%s\t%.1f s\t%s\n' "$name" "$($py benchmarks/real/r2.py "$work/test.csv" "$work/pred.csv" rating)" \
    "$(echo "$end - $start" | bc)" "$(grep 'cross-validation chose' "$work/run.log" | sed 's/cross-validation chose: //')"
}
echo -e "model\tR² (test)\twall\twhat CV chose"
run "livecommerce regress, no text"
run "livecommerce regress --text-column title (bge-small-zh)" --text-column title
run "livecommerce regress --text-column title (all-MiniLM-L6)" --text-column title --model all-minilm-l6
(cd benchmarks/real && $py sklearn_ridge.py "../../$work/train.csv" "../../$work/test.csv")
