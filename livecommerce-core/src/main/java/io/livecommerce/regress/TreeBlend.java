package io.livecommerce.regress;

import io.livecommerce.internal.Checks;
import java.util.function.LongToIntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tree half of a {@link TabularModel}: which features the trees read, the ensemble, and the weight of its
 * prediction against ridge's; and the cross-validation that chooses them. Immutable and thread-safe.
 *
 * @param trees the ensemble, cut at the number of rounds cross-validation chose
 * @param columns for each tree feature, its index in the pipeline's feature vector
 * @param weight the trees' share of the prediction, in (0, 1]; ridge has the rest
 * @param learner the learner's {@link TreeLearner#describe()}
 */
record TreeBlend(TreeEnsemble trees, int[] columns, double weight, String learner) implements java.io.Serializable {

  private static final Logger LOG = LoggerFactory.getLogger(TreeBlend.class);

  /** The blend weights cross-validation chooses from; 0 is ridge alone. */
  static final double[] WEIGHTS = {0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1};

  TreeBlend {
    Checks.notNull(trees, "trees");
    Checks.notNull(columns, "columns");
    Checks.inRange(weight, 0, 1, "weight");
    Checks.notNull(learner, "learner");
    if (columns.length != trees.features()) {
      throw new IllegalArgumentException("columns has " + columns.length + " entries but the trees take "
          + trees.features() + " features");
    }
  }

  /** The trees' features out of the pipeline's. */
  double[] select(double[] x) {
    double[] out = new double[columns.length];
    for (int j = 0; j < columns.length; j++) {
      out[j] = x[columns[j]];
    }
    return out;
  }

  /** What the fit chose, and the out-of-fold predictions of the chosen blend. */
  record Choice(TreeBlend blend, double[] outOfFold, String summary) {}

  /**
   * Grows trees on each fold's training rows, reads their out-of-fold predictions after 25, 50, 100, ... rounds,
   * picks the round count with the lowest out-of-fold error and then the blend weight, and refits on all rows.
   *
   * @param x the pipeline's features per row
   * @param ridgeOutOfFold ridge's out-of-fold predictions on the same folds
   * @return the choice; its blend is null when ridge alone had the lowest error
   */
  static Choice fit(TreeLearner learner, double[][] x, double[] y, int[] columns, double[] ridgeOutOfFold,
      int folds, LongToIntFunction foldOf, long seed) {
    int n = y.length;
    double[][] xs = new double[n][];
    int[] fold = new int[n];
    for (int i = 0; i < n; i++) {
      xs[i] = new double[columns.length];
      for (int j = 0; j < columns.length; j++) {
        xs[i][j] = x[i][columns[j]];
      }
      fold[i] = foldOf.applyAsInt(i);
    }
    double[][] oof = null; // per checkpoint, per row
    int[] counts = null;
    for (int f = 0; f < folds; f++) {
      int m = 0;
      for (int i = 0; i < n; i++) {
        m += fold[i] != f ? 1 : 0;
      }
      double[][] tx = new double[m][];
      double[] ty = new double[m];
      for (int i = 0, k = 0; i < n; i++) {
        if (fold[i] != f) {
          tx[k] = xs[i];
          ty[k++] = y[i];
        }
      }
      TreeEnsemble e = learner.fit(tx, ty, seed + f);
      if (counts == null) {
        counts = checkpoints(e.size());
        oof = new double[counts.length][n];
      } else if (e.size() < counts[counts.length - 1]) {
        throw new IllegalStateException("the learner grew " + e.size() + " trees on fold " + f + " but "
            + counts[counts.length - 1] + " on fold 0; it must grow the same number on every fold");
      }
      for (int i = 0; i < n; i++) {
        if (fold[i] == f) {
          double[] p = e.predictPrefixes(xs[i], counts);
          for (int k = 0; k < counts.length; k++) {
            oof[k][i] = p[k];
          }
        }
      }
    }
    int best = 0;
    for (int k = 1; k < counts.length; k++) {
      if (sse(oof[k], y) < sse(oof[best], y)) {
        best = k;
      }
    }
    double[] trees = oof[best];
    double bestWeight = 0;
    double bestError = Double.POSITIVE_INFINITY;
    double[] blended = new double[n];
    for (double w : WEIGHTS) {
      for (int i = 0; i < n; i++) {
        blended[i] = (1 - w) * ridgeOutOfFold[i] + w * trees[i];
      }
      double e = sse(blended, y);
      if (e < bestError) {
        bestError = e;
        bestWeight = w;
      }
    }
    String summary = String.format(java.util.Locale.ROOT,
        "trees out-of-fold SSE %.6g at %d rounds, ridge %.6g, blend weight %.1f: %.6g", sse(trees, y),
        counts[best], sse(ridgeOutOfFold, y), bestWeight, bestError);
    LOG.info("tree blend on {} rows: {}", n, summary);
    if (bestWeight == 0) {
      return new Choice(null, ridgeOutOfFold, summary);
    }
    for (int i = 0; i < n; i++) {
      blended[i] = (1 - bestWeight) * ridgeOutOfFold[i] + bestWeight * trees[i];
    }
    TreeEnsemble all = learner.fit(xs, y, seed).limit(counts[best]);
    return new Choice(new TreeBlend(all, columns.clone(), bestWeight, learner.describe()), blended, summary);
  }

  /** 25, 35, 50, 71, 100, ... (25 times powers of the square root of 2) up to and including {@code size}. */
  static int[] checkpoints(int size) {
    if (size < 1) {
      throw new IllegalStateException("the tree learner grew no tree");
    }
    java.util.List<Integer> c = new java.util.ArrayList<>();
    for (int h = 0; 25 * Math.pow(2, h / 2.0) < size; h++) {
      c.add((int) Math.round(25 * Math.pow(2, h / 2.0)));
    }
    c.add(size);
    return c.stream().mapToInt(Integer::intValue).toArray();
  }

  private static double sse(double[] p, double[] y) {
    double s = 0;
    for (int i = 0; i < y.length; i++) {
      double d = y[i] - p[i];
      s += d * d;
    }
    return s;
  }
}
