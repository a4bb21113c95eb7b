"""A synthetic sales table with a high-cardinality categorical column, for timing `regress` at scale (not for
accuracy claims: its tastes are planted here). ROWS rows; `shop` has LEVELS levels with Zipf-like frequencies, so a
few hundred cover most rows and thousands are seen once or twice; `category` has 12 levels; price and followers are
numeric (followers missing in 5% of rows); the target mixes a per-shop effect, a price threshold per category and
noise. Writes OUT/train.csv and OUT/test.csv (the last 1,000 rows).
Usage: levels_table.py OUT [ROWS] [LEVELS] [SEED]
"""
import csv
import os
import random
import sys


def main(out, rows=20000, levels=10000, seed=7):
    rows, levels, seed = int(rows), int(levels), int(seed)
    rnd = random.Random(seed)
    weights = [1.0 / (k + 1) ** 0.9 for k in range(levels)]
    # Every level at least once, the rest of the rows by popularity.
    shops = list(range(min(levels, rows))) + rnd.choices(range(levels), weights=weights, k=max(0, rows - levels))
    rnd.shuffle(shops)
    effect = [rnd.gauss(0, 1) for _ in range(levels)]
    os.makedirs(out, exist_ok=True)
    header = ["id", "shop", "category", "price", "followers", "sales"]
    table = []
    for i in range(rows):
        category = rnd.randrange(12)
        price = round(rnd.lognormvariate(4, 0.8), 2)
        followers = rnd.randrange(1, 100000)
        sales = effect[shops[i]] + (2.0 if price < 30 + 10 * category else 0.0) + 0.00001 * followers \
            + rnd.gauss(0, 0.5)
        table.append([f"r{i}", f"shop{shops[i]}", f"c{category}", price,
                      "" if rnd.random() < 0.05 else followers, round(sales, 4)])
    for name, part in (("train.csv", table[:-1000]), ("test.csv", table[-1000:])):
        with open(os.path.join(out, name), "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(header)
            w.writerows(part)


if __name__ == "__main__":
    main(*sys.argv[1:])
