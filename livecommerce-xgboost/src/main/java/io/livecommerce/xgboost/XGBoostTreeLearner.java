package io.livecommerce.xgboost;

import io.livecommerce.internal.Checks;
import io.livecommerce.regress.TreeEnsemble;
import io.livecommerce.regress.TreeLearner;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Gradient-boosted regression trees grown by XGBoost (squared error, histogram method), for {@link
 * io.livecommerce.regress.TabularRegressor.Builder#treeLearner}. It grows {@link Builder#rounds} trees; the regressor
 * keeps as many of them as cross-validation says, and blends them with ridge.
 *
 * <pre>{@code
 * TabularRegressor regressor = TabularRegressor.newBuilder()
 *     .numericColumns(List.of("price", "followers"))
 *     .categoricalColumns(List.of("category"))
 *     .treeLearner(XGBoostTreeLearner.newBuilder().build())
 *     .build();
 * }</pre>
 *
 * <p>The defaults (learning rate 0.1, depth 4, at least 10 rows a leaf, rows and columns sampled at 0.8, 500 rounds)
 * were chosen by out-of-fold R² inside the training data of a public table (vega-datasets' films, 10 seeded splits):
 * of five settings they had the best mean (0.4638; XGBoost's own defaults of depth 6 and 1 row a leaf at rate 0.05,
 * 0.4634) in half the time. {@code benchmarks/regress-real.sh} compares them with scikit-learn on held-out rows. The
 * booster is converted to core's {@link TreeEnsemble} and freed: nothing native outlives a fit.
 *
 * <p>Immutable and thread-safe: each fit has its own booster. Deterministic for a seed.
 */
public final class XGBoostTreeLearner implements TreeLearner {

  private final int rounds;
  private final double learningRate;
  private final int maxDepth;
  private final double minChildWeight;
  private final double subsample;
  private final double columnSample;
  private final double l2;
  private final int threads;

  private XGBoostTreeLearner(Builder b) {
    this.rounds = b.rounds;
    this.learningRate = b.learningRate;
    this.maxDepth = b.maxDepth;
    this.minChildWeight = b.minChildWeight;
    this.subsample = b.subsample;
    this.columnSample = b.columnSample;
    this.l2 = b.l2;
    this.threads = b.threads;
  }

  /** A builder with the defaults above. */
  public static Builder newBuilder() {
    return new Builder();
  }

  /**
   * Grows {@link Builder#rounds} trees on the rows of {@code x}.
   *
   * @throws IllegalArgumentException if {@code x} is empty or ragged, its length differs from {@code y}'s, or a
   *     target is not finite
   * @throws IllegalStateException if XGBoost fails (its message included)
   */
  @Override
  public TreeEnsemble fit(double[][] x, double[] y, long seed) {
    Checks.notNull(x, "x");
    Checks.notNull(y, "y");
    Checks.sameLength(x.length, y.length, "x", "y");
    if (x.length == 0) {
      throw new IllegalArgumentException("x has no rows");
    }
    int d = Checks.notNull(x[0], "x[0]").length;
    if (d == 0) {
      throw new IllegalArgumentException("x has no features");
    }
    float[] flat = new float[Math.multiplyExact(x.length, d)];
    float[] labels = new float[y.length];
    for (int i = 0; i < x.length; i++) {
      double[] row = Checks.notNull(x[i], "x[" + i + "]");
      if (row.length != d) {
        throw new IllegalArgumentException("x[" + i + "] has length " + row.length + " but x[0] has " + d);
      }
      for (int j = 0; j < d; j++) {
        flat[i * d + j] = (float) row[j];
      }
      labels[i] = (float) Checks.finite(y[i], "y[" + i + "]");
    }
    DMatrix data = null;
    Booster booster = null;
    try {
      data = new DMatrix(flat, x.length, d, Float.NaN);
      data.setLabel(labels);
      booster = XGBoost.train(data, parameters(seed), rounds, Map.of(), null, null);
      return BoosterTrees.read(booster.toByteArray("json"), d);
    } catch (XGBoostError e) {
      throw new IllegalStateException("XGBoost failed to train on " + x.length + " rows x " + d + " features: "
          + e.getMessage(), e);
    } finally {
      if (booster != null) {
        booster.dispose();
      }
      if (data != null) {
        data.dispose();
      }
    }
  }

  private Map<String, Object> parameters(long seed) {
    Map<String, Object> p = new HashMap<>();
    p.put("objective", "reg:squarederror");
    p.put("tree_method", "hist");
    p.put("eta", learningRate);
    p.put("max_depth", maxDepth);
    p.put("min_child_weight", minChildWeight);
    p.put("subsample", subsample);
    p.put("colsample_bytree", columnSample);
    p.put("lambda", l2);
    p.put("nthread", threads);
    p.put("seed", seed);
    p.put("verbosity", 0); // the native side would print to stdout
    return p;
  }

  /** The number of trees each fit grows. */
  public int rounds() {
    return rounds;
  }

  /** The shrinkage of each tree. */
  public double learningRate() {
    return learningRate;
  }

  /** The deepest a tree grows. */
  public int maxDepth() {
    return maxDepth;
  }

  /** The least training weight a leaf holds. */
  public double minChildWeight() {
    return minChildWeight;
  }

  @Override
  public String describe() {
    return String.format(Locale.ROOT, "xgboost(rounds=%d,eta=%s,maxDepth=%d,minChildWeight=%s,subsample=%s,"
        + "colsample=%s,lambda=%s)", rounds, learningRate, maxDepth, minChildWeight, subsample, columnSample, l2);
  }

  @Override
  public String toString() {
    return "XGBoostTreeLearner" + describe().substring("xgboost".length());
  }

  /** Builds an {@link XGBoostTreeLearner}. Not thread-safe; the setters may come in any order. */
  public static final class Builder {
    private int rounds = 500;
    private double learningRate = 0.1;
    private int maxDepth = 4;
    private double minChildWeight = 10;
    private double subsample = 0.8;
    private double columnSample = 0.8;
    private double l2 = 1;
    private int threads = Runtime.getRuntime().availableProcessors();

    private Builder() {}

    /** Trees each fit grows, in [1, {@link TreeEnsemble#MAX_TREES}]; default 500. */
    public Builder rounds(int rounds) {
      this.rounds = Checks.inRange(rounds, 1, TreeEnsemble.MAX_TREES, "rounds");
      return this;
    }

    /** Shrinkage of each tree (XGBoost's eta), in (0, 1]; default 0.1. */
    public Builder learningRate(double rate) {
      this.learningRate = checkFraction(rate, "learningRate");
      return this;
    }

    /** The deepest a tree grows, in [1, 16]; default 4. */
    public Builder maxDepth(int depth) {
      this.maxDepth = Checks.inRange(depth, 1, 16, "maxDepth");
      return this;
    }

    /** The least training weight (rows, under squared error) a leaf holds, >= 0; default 10. */
    public Builder minChildWeight(double weight) {
      this.minChildWeight = Checks.nonNegative(Checks.finite(weight, "minChildWeight"), "minChildWeight");
      return this;
    }

    /** The share of rows each tree samples, in (0, 1]; default 0.8. */
    public Builder subsample(double share) {
      this.subsample = checkFraction(share, "subsample");
      return this;
    }

    /** The share of features each tree samples, in (0, 1]; default 0.8. */
    public Builder columnSample(double share) {
      this.columnSample = checkFraction(share, "columnSample");
      return this;
    }

    /** The L2 penalty on leaf values (XGBoost's lambda), >= 0; default 1. */
    public Builder l2(double l2) {
      this.l2 = Checks.nonNegative(Checks.finite(l2, "l2"), "l2");
      return this;
    }

    /** Threads XGBoost trains with, at least 1; default the available processors. */
    public Builder threads(int threads) {
      this.threads = Checks.positive(threads, "threads");
      return this;
    }

    /** Builds the learner. */
    public XGBoostTreeLearner build() {
      return new XGBoostTreeLearner(this);
    }

    private static double checkFraction(double v, String name) {
      if (!(v > 0 && v <= 1)) {
        throw new IllegalArgumentException(name + " must be in (0, 1] but was " + v);
      }
      return v;
    }
  }
}
