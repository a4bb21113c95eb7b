package io.livecommerce.recommend;

import io.livecommerce.persist.ModelCodec;
import io.livecommerce.persist.ModelFiles;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * Item-to-item weights learned by {@link EaseTrainer}: a user's score for item {@code j} is
 * {@code Σ_i x_ui · B[i][j]} over the items {@code i} they interacted with. {@code B}'s diagonal is zero, so an item
 * never recommends itself. Items are the recommender's catalogue indexes; items the model does not cover score 0.
 *
 * <p>Immutable and thread-safe.
 */
public final class EaseModel {

  /** The codec {@link ModelFiles} uses for this model. */
  public static final ModelCodec<EaseModel> CODEC = new Codec();

  private final int[] covered;
  private final int[] sortedItems;
  private final int[] sortedSlots;
  private final float[] b;
  private final double lambda;
  // How long the inverse took when this model was trained (0 when read from a file): the tuner scales it to predict
  // the cost of a wider fit. Not part of the model's value.
  final long inverseNanos;

  EaseModel(int[] covered, float[] b, double lambda) {
    this(covered, b, lambda, 0);
  }

  EaseModel(int[] covered, float[] b, double lambda, long inverseNanos) {
    if ((long) covered.length * covered.length != b.length) {
      throw new IllegalArgumentException("B has " + b.length + " weights for " + covered.length + " items");
    }
    this.covered = covered;
    this.b = b;
    this.lambda = lambda;
    this.inverseNanos = inverseNanos;
    // A sorted lookup instead of an index-sized array: a model file cannot make us allocate by naming a huge index.
    Integer[] order = new Integer[covered.length];
    for (int s = 0; s < covered.length; s++) {
      if (covered[s] < 0) {
        throw new IllegalArgumentException("covered item index " + covered[s] + " is negative");
      }
      order[s] = s;
    }
    Arrays.sort(order, (x, y) -> Integer.compare(covered[x], covered[y]));
    this.sortedItems = new int[covered.length];
    this.sortedSlots = new int[covered.length];
    for (int r = 0; r < order.length; r++) {
      sortedItems[r] = covered[order[r]];
      sortedSlots[r] = order[r];
      if (r > 0 && sortedItems[r] == sortedItems[r - 1]) {
        throw new IllegalArgumentException("covered item index " + sortedItems[r] + " is repeated");
      }
    }
  }

  /** How many items the model covers. */
  public int size() {
    return covered.length;
  }

  /** The λ the model was trained with (absolute). */
  public double lambda() {
    return lambda;
  }

  /** The weight from catalogue item {@code i} to catalogue item {@code j}; 0 when either is not covered. */
  public float weight(int i, int j) {
    int si = slot(i);
    int sj = slot(j);
    return si < 0 || sj < 0 ? 0 : b[si * covered.length + sj];
  }

  /** The largest catalogue index covered, or -1 for none. */
  int largestItem() {
    return sortedItems.length == 0 ? -1 : sortedItems[sortedItems.length - 1];
  }

  int slot(int item) {
    int r = Arrays.binarySearch(sortedItems, item);
    return r >= 0 ? sortedSlots[r] : -1;
  }

  /** Adds to {@code out} (indexed by catalogue item) the scores of a user with these items and strengths. */
  void addScores(int[] items, float[] strengths, float[] out) {
    int m = covered.length;
    float[] acc = new float[m];
    for (int e = 0; e < items.length; e++) {
      int s = slot(items[e]);
      float x = strengths[e];
      if (s < 0 || !(x > 0)) {
        continue;
      }
      int row = s * m;
      for (int j = 0; j < m; j++) {
        acc[j] += x * b[row + j];
      }
    }
    for (int s = 0; s < m; s++) {
      out[covered[s]] += acc[s];
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EaseModel e && Arrays.equals(covered, e.covered) && Arrays.equals(b, e.b)
        && Double.compare(lambda, e.lambda) == 0;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(covered) * 31 + Arrays.hashCode(b);
  }

  @Override
  public String toString() {
    return "EaseModel{items=" + covered.length + ", lambda=" + lambda + "}";
  }

  private static final class Codec implements ModelCodec<EaseModel> {
    @Override
    public String type() {
      return "ease";
    }

    @Override
    public int version() {
      return 1;
    }

    @Override
    public void write(EaseModel m, DataOutput out) throws IOException {
      out.writeDouble(m.lambda);
      out.writeInt(m.covered.length);
      for (int c : m.covered) {
        out.writeInt(c);
      }
      ModelFiles.writeFloats(out, m.b);
    }

    @Override
    public EaseModel read(DataInput in, int version) throws IOException {
      double lambda = in.readDouble();
      int n = ModelFiles.readCount(in, 20_000, Integer.BYTES, "EASE item count");
      int[] covered = new int[n];
      for (int s = 0; s < n; s++) {
        covered[s] = in.readInt();
      }
      float[] b = ModelFiles.readFloats(in, n * n);
      try {
        return new EaseModel(covered, b, lambda);
      } catch (IllegalArgumentException e) {
        throw new IOException(e.getMessage(), e);
      }
    }
  }
}
