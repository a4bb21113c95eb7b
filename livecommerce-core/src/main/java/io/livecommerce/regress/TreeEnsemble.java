package io.livecommerce.regress;

import io.livecommerce.internal.Checks;
import io.livecommerce.persist.ModelFiles;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;

/**
 * A sum of regression trees: a boosted model's prediction is {@code baseScore} plus one leaf value of each tree.
 * Evaluated in pure Java, so a saved model predicts and explains without the native library that trained it, and a
 * model file is validated here before anything trusts it.
 *
 * <p>{@link #contributions} gives exact TreeSHAP values: per feature, its share of the move from {@link
 * #expectedValue()} to the prediction; they add up to {@code predict(x) - expectedValue()}.
 *
 * <p>Immutable and thread-safe.
 */
public final class TreeEnsemble implements java.io.Serializable {

  private static final long serialVersionUID = 1L;

  /** The most trees an ensemble may hold. */
  public static final int MAX_TREES = 100_000;

  private static final int NODE_BYTES = 3 * Integer.BYTES + 3 * Double.BYTES + 1;

  private final int features;
  private final double baseScore;
  private final List<RegressionTree> trees;
  private final double expectedValue;

  private TreeEnsemble(int features, double baseScore, List<RegressionTree> trees) {
    this.features = features;
    this.baseScore = baseScore;
    this.trees = trees;
    double e = baseScore;
    for (RegressionTree t : trees) {
      e += t.expectedValue();
    }
    this.expectedValue = e;
  }

  /**
   * An ensemble over feature vectors of length {@code features}.
   *
   * @throws IllegalArgumentException if a tree splits on a feature index {@code >= features}, the base score is not
   *     finite, or there are more than {@link #MAX_TREES} trees
   */
  public static TreeEnsemble of(int features, double baseScore, List<RegressionTree> trees) {
    Checks.positive(features, "features");
    Checks.finite(baseScore, "baseScore");
    List<RegressionTree> list = Checks.copyNoNulls(Checks.notNull(trees, "trees"), "trees");
    if (list.size() > MAX_TREES) {
      throw new IllegalArgumentException("trees holds " + list.size() + " trees; at most " + MAX_TREES);
    }
    for (int t = 0; t < list.size(); t++) {
      int max = list.get(t).maxFeature();
      if (max >= features) {
        throw new IllegalArgumentException("trees[" + t + "] splits on feature " + max + " but there are "
            + features + " features");
      }
    }
    return new TreeEnsemble(features, baseScore, list);
  }

  /** The length of the feature vectors. */
  public int features() {
    return features;
  }

  /** The number of trees. */
  public int size() {
    return trees.size();
  }

  /** The constant every prediction starts from. */
  public double baseScore() {
    return baseScore;
  }

  /** The trees, in boosting order. */
  public List<RegressionTree> trees() {
    return trees;
  }

  /** The first {@code count} trees, as boosting had stopped there. */
  public TreeEnsemble limit(int count) {
    Checks.inRange(count, 0, trees.size(), "count");
    return count == trees.size() ? this : new TreeEnsemble(features, baseScore, trees.subList(0, count));
  }

  /**
   * The prediction for {@code x} (NaN entries are missing values).
   *
   * @throws IllegalArgumentException if {@code x} has the wrong length
   */
  public double predict(double[] x) {
    check(x);
    double sum = baseScore;
    for (RegressionTree t : trees) {
      sum += t.predict(x);
    }
    return sum;
  }

  /**
   * The predictions of the first {@code counts[k]} trees for each {@code k}, in one pass: what choosing the number
   * of boosting rounds by cross-validation needs.
   *
   * @param counts ascending tree counts, each in [0, size()]
   * @throws IllegalArgumentException if {@code x} has the wrong length or the counts are not ascending and in range
   */
  public double[] predictPrefixes(double[] x, int[] counts) {
    check(x);
    Checks.notNull(counts, "counts");
    double[] out = new double[counts.length];
    double sum = baseScore;
    int done = 0;
    for (int k = 0; k < counts.length; k++) {
      if (counts[k] < done || counts[k] > trees.size()) {
        throw new IllegalArgumentException("counts[" + k + "] is " + counts[k] + "; counts must ascend within [0, "
            + trees.size() + "]");
      }
      for (; done < counts[k]; done++) {
        sum += trees.get(done).predict(x);
      }
      out[k] = sum;
    }
    return out;
  }

  /** The prediction when no feature is known: the base score plus each tree's cover-weighted mean leaf. */
  public double expectedValue() {
    return expectedValue;
  }

  /**
   * Each feature's TreeSHAP value for {@code x}; they add up to {@code predict(x) - expectedValue()}.
   *
   * @throws IllegalArgumentException if {@code x} has the wrong length
   */
  public double[] contributions(double[] x) {
    check(x);
    double[] phi = new double[features];
    RegressionTree.Scratch scratch = new RegressionTree.Scratch();
    for (RegressionTree t : trees) {
      t.addShap(x, phi, scratch);
    }
    return phi;
  }

  private void check(double[] x) {
    Checks.notNull(x, "x");
    if (x.length != features) {
      throw new IllegalArgumentException("x has length " + x.length + " but the trees take " + features);
    }
  }

  /** Writes the ensemble; for the codecs of models that hold one. */
  static void write(TreeEnsemble e, DataOutput out) throws IOException {
    out.writeInt(e.features);
    out.writeDouble(e.baseScore);
    out.writeInt(e.trees.size());
    for (RegressionTree t : e.trees) {
      out.writeInt(t.size());
      for (int i = 0; i < t.size(); i++) {
        out.writeInt(t.left[i]);
        out.writeInt(t.right[i]);
        out.writeInt(t.feature[i]);
        out.writeDouble(t.threshold[i]);
        out.writeDouble(t.value[i]);
        out.writeDouble(t.cover[i]);
        out.writeBoolean(t.defaultLeft[i]);
      }
    }
  }

  /** Reads what {@link #write} wrote, validating every tree; a bad file gets an IOException naming the tree. */
  static TreeEnsemble read(DataInput in) throws IOException {
    int features = in.readInt();
    double base = in.readDouble();
    int count = ModelFiles.readCount(in, MAX_TREES, Integer.BYTES + NODE_BYTES, "tree count");
    RegressionTree[] trees = new RegressionTree[count];
    for (int t = 0; t < count; t++) {
      int n = ModelFiles.readCount(in, RegressionTree.MAX_NODES, NODE_BYTES, "tree " + t + " node count");
      int[] left = new int[n];
      int[] right = new int[n];
      int[] feature = new int[n];
      double[] threshold = new double[n];
      double[] value = new double[n];
      double[] cover = new double[n];
      boolean[] defaultLeft = new boolean[n];
      for (int i = 0; i < n; i++) {
        left[i] = in.readInt();
        right[i] = in.readInt();
        feature[i] = in.readInt();
        threshold[i] = in.readDouble();
        value[i] = in.readDouble();
        cover[i] = in.readDouble();
        defaultLeft[i] = in.readBoolean();
      }
      try {
        trees[t] = new RegressionTree(feature, threshold, left, right, defaultLeft, value, cover);
      } catch (IllegalArgumentException e) {
        throw new IOException("tree " + t + ": " + e.getMessage(), e);
      }
    }
    try {
      return of(features, base, List.of(trees));
    } catch (IllegalArgumentException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "TreeEnsemble{trees=" + trees.size() + ", features=" + features + "}";
  }
}
