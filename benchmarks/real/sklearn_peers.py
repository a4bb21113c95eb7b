"""The established peers of the regression benchmark, on the same tables as our CLI:
- scikit-learn's Ridge with the penalty chosen by cross-validation (RidgeCV): numeric columns median-imputed with
  missing indicators and standardized, categorical columns one-hot; and the same with the title as TF-IDF word and
  character n-grams;
- scikit-learn's HistGradientBoostingRegressor with its documented defaults, the categorical columns as native
  categorical features (ordinal codes), missing numbers left to the trees.
Prints one R² per peer on the test table, with the metric code shared by the benchmark (r2.py).
Usage: sklearn_peers.py TRAIN TEST
"""
import sys

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import RidgeCV
from sklearn.pipeline import make_pipeline, make_union
from sklearn.preprocessing import OneHotEncoder, OrdinalEncoder, StandardScaler

from r2 import r2

NUMERIC = ["production_budget", "rotten_tomatoes_rating"]
CATEGORICAL = ["mpaa_rating", "major_genre", "creative_type", "source"]


def model(tfidf):
    parts = [
        ("num", make_pipeline(SimpleImputer(strategy="median", add_indicator=True), StandardScaler()), NUMERIC),
        ("cat", OneHotEncoder(handle_unknown="ignore"), CATEGORICAL),
    ]
    if tfidf:
        text = make_union(TfidfVectorizer(analyzer="word", ngram_range=(1, 2), min_df=1),
                          TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4), min_df=2))
        parts.append(("title", text, "title"))
    return make_pipeline(ColumnTransformer(parts), RidgeCV(alphas=np.logspace(-3, 5, 17)))


def boosted():
    codes = OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=np.nan, encoded_missing_value=np.nan)
    columns = ColumnTransformer([("cat", codes, CATEGORICAL), ("num", "passthrough", NUMERIC)])
    categorical = [True] * len(CATEGORICAL) + [False] * len(NUMERIC)
    return make_pipeline(columns, HistGradientBoostingRegressor(categorical_features=categorical, random_state=0))


def main(train_path, test_path):
    train = pd.read_csv(train_path, keep_default_na=False, na_values={c: [""] for c in NUMERIC})
    test = pd.read_csv(test_path, keep_default_na=False, na_values={c: [""] for c in NUMERIC})
    for t in (train, test):
        for c in CATEGORICAL:
            t[c] = t[c].astype(str)
        t["title"] = t["title"].astype(str)
    for name, tfidf in (("sklearn Ridge", False), ("sklearn Ridge + TF-IDF title", True)):
        m = model(tfidf).fit(train, train["rating"])
        print(f"{name}\t{r2(test['rating'].to_numpy(), m.predict(test)):.4f}")
    m = boosted().fit(train, train["rating"])
    print(f"sklearn HistGradientBoosting\t{r2(test['rating'].to_numpy(), m.predict(test)):.4f}")


if __name__ == "__main__":
    main(*sys.argv[1:])
