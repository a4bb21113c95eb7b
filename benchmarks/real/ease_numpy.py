"""EASE (Steck 2019) as a numpy user would write it, the peer of our item-to-item family: binary X, G = XᵀX + λI,
P = inv(G), B = -P / diag(P) with zero diagonal, scores X·B, seen items excluded. Writes user,rank,item,score.
Usage: ease_numpy.py TRAIN OUT K LAMBDA"""
import csv
import sys

import numpy as np


def main(train_path, out_path, k, lam):
    k, lam = int(k), float(lam)
    rows = list(csv.DictReader(open(train_path, encoding="utf-8")))
    users = sorted({r["user"] for r in rows})
    items = sorted({r["item"] for r in rows})
    ui = {u: i for i, u in enumerate(users)}
    ii = {t: i for i, t in enumerate(items)}
    x = np.zeros((len(users), len(items)))
    for r in rows:
        x[ui[r["user"]], ii[r["item"]]] = 1.0
    g = x.T @ x
    g[np.diag_indices_from(g)] += lam
    p = np.linalg.inv(g)
    b = -p / np.diag(p)
    b[np.diag_indices_from(b)] = 0.0
    scores = x @ b
    scores[x > 0] = -np.inf
    with open(out_path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["user", "rank", "item", "score"])
        for u, name in enumerate(users):
            top = np.argsort(-scores[u], kind="stable")[:k]
            for rank, i in enumerate(top):
                if np.isfinite(scores[u, i]):
                    w.writerow([name, rank + 1, items[i], f"{scores[u, i]:.6f}"])


if __name__ == "__main__":
    main(*sys.argv[1:])
