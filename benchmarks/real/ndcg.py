"""The one ranking metric of the recommender benchmark: NDCG@k of a user,rank,item,score file against test pairs
(binary relevance, ideal DCG over min(k, relevant) items), averaged over test users. Usage: ndcg.py TEST RECS K"""
import csv
import math
import sys
from collections import defaultdict


def main(test_path, recs_path, k):
    k = int(k)
    relevant = defaultdict(set)
    for r in csv.DictReader(open(test_path, encoding="utf-8")):
        relevant[r["user"]].add(r["item"])
    ranked = defaultdict(list)
    for r in csv.DictReader(open(recs_path, encoding="utf-8")):
        ranked[r["user"]].append((int(r["rank"]), r["item"]))
    total = 0.0
    for user, rel in relevant.items():
        items = [i for _, i in sorted(ranked.get(user, []))][:k]
        dcg = sum(1 / math.log2(p + 2) for p, i in enumerate(items) if i in rel)
        ideal = sum(1 / math.log2(p + 2) for p in range(min(k, len(rel))))
        total += dcg / ideal
    print(f"{total / len(relevant):.4f}")


if __name__ == "__main__":
    main(*sys.argv[1:])
