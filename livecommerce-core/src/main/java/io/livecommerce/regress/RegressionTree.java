package io.livecommerce.regress;

import io.livecommerce.internal.Checks;

/**
 * One binary regression tree in array form, as gradient-boosting libraries export them: node 0 is the root; an inner
 * node {@code i} sends a row to {@code left[i]} when its feature value is below {@code threshold[i]}, to {@code
 * right[i]} otherwise, and a missing value (NaN) to {@code left[i]} when {@code defaultLeft[i]}; a leaf has {@code
 * left[i] == right[i] == -1} and predicts {@code value[i]}. {@code cover[i]} is the training weight that reached the
 * node (the row count under squared error), which SHAP values need. Feature values are compared in single precision,
 * as the boosting libraries that grow such trees compare them.
 *
 * <p>The constructor validates everything a hostile model file could get wrong: array lengths, child indices (each
 * node below the root has exactly one parent, with a larger index, so there is no cycle), depth at most {@link
 * #MAX_DEPTH}, finite numbers, positive covers. Immutable and thread-safe.
 */
public final class RegressionTree implements java.io.Serializable {

  private static final long serialVersionUID = 1L;

  /** The deepest tree accepted; boosting libraries grow 6 by default, and evaluation recurses this deep. */
  public static final int MAX_DEPTH = 64;

  /** The most nodes one tree may have. */
  public static final int MAX_NODES = 1 << 20;

  final int[] feature;
  final double[] threshold;
  final int[] left;
  final int[] right;
  final boolean[] defaultLeft;
  final double[] value;
  final double[] cover;
  private final int depth;

  /**
   * A tree from its node arrays (copied).
   *
   * @param feature per node, the feature an inner node splits on (ignored on leaves)
   * @param threshold per node, the split value of an inner node (ignored on leaves)
   * @param left per node, its left child, or -1 on a leaf
   * @param right per node, its right child, or -1 on a leaf
   * @param defaultLeft per node, whether a missing value goes left
   * @param value per node, the prediction of a leaf (ignored on inner nodes)
   * @param cover per node, the training weight that reached it
   * @throws IllegalArgumentException naming the node and the field when the arrays do not make a valid tree
   */
  public RegressionTree(int[] feature, double[] threshold, int[] left, int[] right, boolean[] defaultLeft,
      double[] value, double[] cover) {
    int n = Checks.notNull(left, "left").length;
    if (n < 1 || n > MAX_NODES) {
      throw new IllegalArgumentException("a tree needs 1 to " + MAX_NODES + " nodes but has " + n);
    }
    Checks.sameLength(Checks.notNull(feature, "feature").length, n, "feature", "left");
    Checks.sameLength(Checks.notNull(threshold, "threshold").length, n, "threshold", "left");
    Checks.sameLength(Checks.notNull(right, "right").length, n, "right", "left");
    Checks.sameLength(Checks.notNull(defaultLeft, "defaultLeft").length, n, "defaultLeft", "left");
    Checks.sameLength(Checks.notNull(value, "value").length, n, "value", "left");
    Checks.sameLength(Checks.notNull(cover, "cover").length, n, "cover", "left");
    this.feature = feature.clone();
    this.threshold = threshold.clone();
    this.left = left.clone();
    this.right = right.clone();
    this.defaultLeft = defaultLeft.clone();
    this.value = value.clone();
    this.cover = cover.clone();
    int[] parents = new int[n];
    int[] depthOf = new int[n];
    int deepest = 0;
    for (int i = 0; i < n; i++) {
      if (!(this.cover[i] > 0) || Double.isInfinite(this.cover[i])) {
        throw new IllegalArgumentException("node " + i + " cover is " + this.cover[i] + "; it must be finite and > 0");
      }
      boolean leaf = this.left[i] == -1;
      if (leaf != (this.right[i] == -1)) {
        throw new IllegalArgumentException("node " + i + " has left " + this.left[i] + " and right " + this.right[i]
            + "; a node has two children or none");
      }
      if (leaf) {
        Checks.finite(this.value[i], "node " + i + " value");
        continue;
      }
      Checks.finite(this.threshold[i], "node " + i + " threshold");
      if (this.feature[i] < 0) {
        throw new IllegalArgumentException("node " + i + " splits on feature " + this.feature[i]);
      }
      for (int child : new int[] {this.left[i], this.right[i]}) {
        if (child <= i || child >= n) {
          throw new IllegalArgumentException("node " + i + " has child " + child + "; children must lie in ("
              + i + ", " + n + ")");
        }
        if (++parents[child] > 1) {
          throw new IllegalArgumentException("node " + child + " has more than one parent");
        }
        depthOf[child] = depthOf[i] + 1;
        if (depthOf[child] > MAX_DEPTH) {
          throw new IllegalArgumentException("the tree is deeper than " + MAX_DEPTH + " at node " + child);
        }
        deepest = Math.max(deepest, depthOf[child]);
      }
    }
    for (int i = 1; i < n; i++) {
      if (parents[i] != 1) {
        throw new IllegalArgumentException("node " + i + " is not reachable from the root");
      }
    }
    this.depth = deepest;
  }

  /** The number of nodes. */
  public int size() {
    return left.length;
  }

  /** The length of the longest root-to-leaf path (0 for a single leaf). */
  public int depth() {
    return depth;
  }

  /** The largest feature index an inner node splits on, or -1 for a single leaf. */
  int maxFeature() {
    int max = -1;
    for (int i = 0; i < left.length; i++) {
      if (left[i] != -1) {
        max = Math.max(max, feature[i]);
      }
    }
    return max;
  }

  /** The leaf value for {@code x}. */
  double predict(double[] x) {
    int node = 0;
    while (left[node] != -1) {
      node = next(node, x[feature[node]]);
    }
    return value[node];
  }

  private int next(int node, double v) {
    if (Double.isNaN(v)) {
      return defaultLeft[node] ? left[node] : right[node];
    }
    // In single precision, as the boosting libraries that grow these trees store features and thresholds.
    return (float) v < threshold[node] ? left[node] : right[node];
  }

  /** The cover-weighted mean of the leaves: the tree's prediction when no feature is known. */
  double expectedValue() {
    return expected(0);
  }

  private double expected(int node) {
    if (left[node] == -1) {
      return value[node];
    }
    return (cover[left[node]] * expected(left[node]) + cover[right[node]] * expected(right[node])) / cover[node];
  }

  /**
   * Adds this tree's SHAP values for {@code x} to {@code phi} (one slot per feature), by the exact path-dependent
   * algorithm of Lundberg et al. (2018): each feature's share of the move from {@link #expectedValue()} to the
   * prediction, the covers standing in for the data distribution.
   */
  void addShap(double[] x, double[] phi, Scratch scratch) {
    recurse(0, x, phi, scratch.levels(depth), 0, 0, 1, 1, -1);
  }

  /**
   * The paths of one explanation, one per tree level, reused for every tree and node instead of a copy per node
   * (which dominated the cost). Not thread-safe: one per {@code contributions} call.
   */
  static final class Scratch {
    private Path[] levels = new Path[0];

    Path[] levels(int depth) {
      if (levels.length < depth + 2) {
        levels = new Path[depth + 2];
        for (int i = 0; i < levels.length; i++) {
          levels[i] = new Path(depth + 2);
        }
      }
      return levels;
    }
  }

  private void recurse(int node, double[] x, double[] phi, Path[] levels, int level, int length,
      double zeroFraction, double oneFraction, int splitFeature) {
    Path p = levels[level];
    if (level > 0) {
      p.copyFrom(levels[level - 1], length);
    }
    p.extend(length, zeroFraction, oneFraction, splitFeature);
    int m = length + 1; // elements on the path, the first a placeholder
    if (left[node] == -1) {
      for (int i = 1; i < m; i++) {
        double w = p.unwoundSum(m - 1, i);
        phi[p.feature[i]] += w * (p.one[i] - p.zero[i]) * value[node];
      }
      return;
    }
    int f = feature[node];
    int hot = next(node, x[f]);
    int cold = hot == left[node] ? right[node] : left[node];
    double incomingZero = 1;
    double incomingOne = 1;
    int k = 1;
    while (k < m && p.feature[k] != f) {
      k++;
    }
    if (k < m) { // the feature split higher up: undo its earlier extension
      incomingZero = p.zero[k];
      incomingOne = p.one[k];
      p.unwind(m - 1, k);
      m--;
    }
    // Each child copies this level's path into the next level, so the second child sees it unchanged.
    recurse(hot, x, phi, levels, level + 1, m, incomingZero * cover[hot] / cover[node], incomingOne, f);
    recurse(cold, x, phi, levels, level + 1, m, incomingZero * cover[cold] / cover[node], 0, f);
  }

  /** The path of features from the root, with the permutation weights TreeSHAP keeps along it. */
  private static final class Path {
    final int[] feature;
    final double[] zero;
    final double[] one;
    final double[] weight;

    Path(int capacity) {
      feature = new int[capacity];
      zero = new double[capacity];
      one = new double[capacity];
      weight = new double[capacity];
    }

    void copyFrom(Path other, int length) {
      System.arraycopy(other.feature, 0, feature, 0, length);
      System.arraycopy(other.zero, 0, zero, 0, length);
      System.arraycopy(other.one, 0, one, 0, length);
      System.arraycopy(other.weight, 0, weight, 0, length);
    }

    /** Appends an element at {@code l} (the path had l elements) and updates the weights. */
    void extend(int l, double z, double o, int f) {
      feature[l] = f;
      zero[l] = z;
      one[l] = o;
      weight[l] = l == 0 ? 1 : 0;
      for (int i = l - 1; i >= 0; i--) {
        weight[i + 1] += o * weight[i] * (i + 1) / (l + 1);
        weight[i] = z * weight[i] * (l - i) / (l + 1);
      }
    }

    /** Removes element {@code i} from a path whose last index is {@code l}. */
    void unwind(int l, int i) {
      double o = one[i];
      double z = zero[i];
      double n = weight[l];
      for (int j = l - 1; j >= 0; j--) {
        if (o != 0) {
          double t = weight[j];
          weight[j] = n * (l + 1) / ((j + 1) * o);
          n = t - weight[j] * z * (l - j) / (l + 1);
        } else {
          weight[j] = weight[j] * (l + 1) / (z * (l - j));
        }
      }
      for (int j = i; j < l; j++) {
        feature[j] = feature[j + 1];
        zero[j] = zero[j + 1];
        one[j] = one[j + 1];
      }
    }

    /** The sum of the weights the path would have without element {@code i}, leaving the path as it is. */
    double unwoundSum(int l, int i) {
      double o = one[i];
      double z = zero[i];
      double n = weight[l];
      double total = 0;
      for (int j = l - 1; j >= 0; j--) {
        if (o != 0) {
          double w = n * (l + 1) / ((j + 1) * o);
          total += w;
          n = weight[j] - w * z * (l - j) / (l + 1);
        } else {
          total += weight[j] * (l + 1) / (z * (l - j));
        }
      }
      return total;
    }
  }
}
