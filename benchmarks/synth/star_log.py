"""A synthetic log shaped like a public star-rating log, for timing at catalogue scale (never for quality claims):
USERS x ITEMS with Zipf item popularity (exponent 1), 40 taste groups that each favour their own slice of the
catalogue, EVENTS distinct (user, item) pairs with a 1-5 rating as the weight, and activity per user drawn from a
log-normal (a few heavy raters, many light ones). Seeded; writes user,item,weight to OUT.
Usage: star_log.py OUT USERS ITEMS EVENTS SEED
"""
import csv
import math
import random
import sys


def main(out, users, items, events, seed):
    users, items, events = int(users), int(items), int(events)
    rnd = random.Random(int(seed))
    weights = [1.0 / (i + 1) for i in range(items)]
    order = list(range(items))
    rnd.shuffle(order)  # popularity rank is not the id order
    groups = 40
    activity = [math.exp(rnd.gauss(0, 1)) for _ in range(users)]
    total = sum(activity)
    with open(out, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["user", "item", "weight"])
        written = 0
        for u in range(users):
            n = max(3, min(items // 2, round(events * activity[u] / total)))
            g = u % groups
            seen = set()
            while len(seen) < n:
                if rnd.random() < 0.5:  # from the user's taste group's slice
                    i = order[(g * items // groups + int(rnd.paretovariate(1.2)) - 1) % items]
                else:  # from the whole catalogue by popularity
                    i = order[rnd.choices(range(items), weights)[0]] if n < 50 else order[
                        min(items - 1, int(rnd.paretovariate(0.8)) - 1)]
                seen.add(i)
            for i in sorted(seen):
                w.writerow([f"u{u}", f"i{i}", rnd.randint(1, 5)])
            written += len(seen)
    print(f"{users} users x {items} items: {written} events")


if __name__ == "__main__":
    main(*sys.argv[1:])
