"""Turns vega-datasets' flights-airport.csv (real US flight counts between 303 origin and 304 destination airports)
into an implicit interaction log for the recommender benchmark: user = origin, item = destination, weight = the
number of flights (heavy-tailed, like many real weight columns). Seeded 80/20 split of the pairs; the test file keeps
only pairs whose origin and destination occur in training. Usage: flights_log.py CSV OUT_DIR SEED
"""
import csv
import random
import sys


def main(src, out_dir, seed):
    rows = list(csv.DictReader(open(src, encoding="utf-8")))
    random.Random(int(seed)).shuffle(rows)
    cut = int(len(rows) * 0.8)
    train, test = rows[:cut], rows[cut:]
    users = {r["origin"] for r in train}
    items = {r["destination"] for r in train}
    test = [r for r in test if r["origin"] in users and r["destination"] in items]
    for name, part in (("train.csv", train), ("test.csv", test)):
        with open(f"{out_dir}/{name}", "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(["user", "item", "weight"])
            for r in part:
                w.writerow([r["origin"], r["destination"], r["count"]])
    print(f"{len(rows)} origin-destination pairs: {len(train)} train, {len(test)} test")


if __name__ == "__main__":
    main(*sys.argv[1:])
