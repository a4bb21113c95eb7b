"""Turns Debian's own package index (the apt lists of bookworm main, amd64: real, public, maintained by people) into
an implicit interaction log at catalogue scale: user = a package, item = a package it depends on, weight = 2 for
Depends/Pre-Depends and 1 for Recommends (a real, coarse strength column). Item texts are the depended-on packages'
one-line descriptions. Version constraints, alternatives after the first and virtual packages without a description
are kept as names (a dependency is what the maintainer wrote). Items depended on by fewer than MIN_USERS packages and
packages with fewer than 2 such dependencies are left out, as any recommender benchmark does with cold rows.
Seeded 80/20 split of each package's dependencies (packages with 5+ dependencies give 1 in 5 to the test file); the
test file keeps only pairs whose item occurs in training.
Usage: debian_log.py PACKAGES_TEXT OUT_DIR SEED [MIN_USERS]
"""
import csv
import random
import re
import sys
from collections import Counter, defaultdict

FIELDS = {"Depends": 2, "Pre-Depends": 2, "Recommends": 1}


def parse(path):
    stanza = {}
    for line in open(path, encoding="utf-8", errors="replace"):
        if not line.strip():
            if "Package" in stanza:
                yield stanza
            stanza = {}
            continue
        if line[0] in " \t":
            continue
        key, _, value = line.partition(":")
        stanza[key] = value.strip()
    if "Package" in stanza:
        yield stanza


def main(src, out_dir, seed, min_users="5"):
    min_users = int(min_users)
    edges = defaultdict(dict)
    text = {}
    for s in parse(src):
        p = s["Package"]
        text.setdefault(p, s.get("Description", ""))
        for field, w in FIELDS.items():
            for clause in s.get(field, "").split(","):
                name = re.split(r"[\s(\[|:]", clause.strip(), maxsplit=1)[0]
                if name and name != p:
                    edges[p][name] = max(w, edges[p].get(name, 0))
    for _ in range(3):  # prune cold items and rows until stable enough
        users_per_item = Counter(i for d in edges.values() for i in d)
        edges = {p: {i: w for i, w in d.items() if users_per_item[i] >= min_users} for p, d in edges.items()}
        edges = {p: d for p, d in edges.items() if len(d) >= 2}
    rnd = random.Random(int(seed))
    train, test = [], []
    for p in sorted(edges):
        pairs = sorted(edges[p].items())
        rnd.shuffle(pairs)
        cut = len(pairs) // 5 if len(pairs) >= 5 else 0
        test += [(p, i, w) for i, w in pairs[:cut]]
        train += [(p, i, w) for i, w in pairs[cut:]]
    items = {i for _, i, _ in train}
    test = [r for r in test if r[1] in items]
    for name, part in (("train.csv", train), ("test.csv", test)):
        with open(f"{out_dir}/{name}", "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(["user", "item", "weight"])
            w.writerows(part)
    with open(f"{out_dir}/items.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["item", "text"])
        for i in sorted(items):
            w.writerow([i, f"{i} {text.get(i, '')}".strip()])
    print(f"{len(edges)} packages x {len(items)} depended-on packages: {len(train)} train, {len(test)} test pairs")


if __name__ == "__main__":
    main(*sys.argv[1:])
