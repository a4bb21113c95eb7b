"""Turns lme4's InstEval (real ETH Zurich lecture evaluations: 2,972 students rate 1,128 lecturers from 1 to 5,
73,421 ratings) into an interaction log for the recommender benchmark: user = student, item = lecturer, weight = the
rating, as a star-rating log arrives. Seeded 80/20 split of the ratings; the test file keeps the pairs whose student
and lecturer occur in training and that training does not already hold. Usage: insteval_log.py CSV OUT_DIR SEED
"""
import csv
import random
import sys


def main(src, out_dir, seed):
    rows = list(csv.DictReader(open(src, encoding="utf-8")))
    random.Random(int(seed)).shuffle(rows)
    cut = int(len(rows) * 0.8)
    train, test = rows[:cut], rows[cut:]
    users = {r["s"] for r in train}
    items = {r["d"] for r in train}
    pairs = {(r["s"], r["d"]) for r in train}
    test = [r for r in test if r["s"] in users and r["d"] in items and (r["s"], r["d"]) not in pairs]
    for name, part in (("train.csv", train), ("test.csv", test)):
        with open(f"{out_dir}/{name}", "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(["user", "item", "weight"])
            for r in part:
                w.writerow(["s" + r["s"], "d" + r["d"], r["y"]])
    print(f"{len(rows)} ratings: {len(train)} train, {len(test)} test")


if __name__ == "__main__":
    main(*sys.argv[1:])
