"""Turns vega-datasets' movies.json (3,201 real films) into the train and test tables of the regression benchmark.

Target: IMDB Rating. Text: Title (one title is empty in the data: a missing text, kept as such). Numeric: Production
Budget, Rotten Tomatoes Rating. Categorical: MPAA Rating, Major Genre, Creative Type, Source. Rows without a target are
dropped; the split is a seeded 80/20 shuffle. Usage: movies_table.py MOVIES_JSON OUT_DIR SEED
"""
import csv
import json
import random
import sys

NUMERIC = ["Production Budget", "Rotten Tomatoes Rating"]
CATEGORICAL = ["MPAA Rating", "Major Genre", "Creative Type", "Source"]


def main(src, out_dir, seed):
    rows = [r for r in json.load(open(src, encoding="utf-8")) if r.get("IMDB Rating") is not None]
    random.Random(int(seed)).shuffle(rows)
    cut = int(len(rows) * 0.8)
    header = ["id", "title"] + [c.lower().replace(" ", "_") for c in NUMERIC + CATEGORICAL] + ["rating"]
    for name, part in (("train.csv", rows[:cut]), ("test.csv", rows[cut:])):
        with open(f"{out_dir}/{name}", "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(header)
            for i, r in enumerate(part):
                title = r.get("Title")
                w.writerow([f"{name[:-4]}{i}", "" if title is None else str(title)]
                           + ["" if r.get(c) is None else r[c] for c in NUMERIC + CATEGORICAL]
                           + [r["IMDB Rating"]])
    print(f"{len(rows)} films with a rating: {cut} train, {len(rows) - cut} test")


if __name__ == "__main__":
    main(*sys.argv[1:])
