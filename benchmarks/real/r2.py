"""The one metric code of the regression benchmark: R² of predictions against the test table's targets."""
import csv
import sys

import numpy as np


def r2(actual, predicted):
    actual = np.asarray(actual, dtype=float)
    predicted = np.asarray(predicted, dtype=float)
    return 1.0 - np.sum((actual - predicted) ** 2) / np.sum((actual - actual.mean()) ** 2)


def main(test_path, predictions_path, target):
    """R² of a CLI output (id,prediction) against the test table."""
    truth = {r["id"]: float(r[target]) for r in csv.DictReader(open(test_path, encoding="utf-8"))}
    pred = {r["id"]: float(r["prediction"]) for r in csv.DictReader(open(predictions_path, encoding="utf-8"))}
    ids = sorted(truth)
    print(f"{r2([truth[i] for i in ids], [pred[i] for i in ids]):.4f}")


if __name__ == "__main__":
    main(*sys.argv[1:])
