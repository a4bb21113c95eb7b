package io.livecommerce.recommend;

import io.livecommerce.internal.Checks;
import io.livecommerce.math.Vectors;
import io.livecommerce.persist.ModelCodec;
import io.livecommerce.persist.ModelFiles;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Latent factors learned by {@link ImplicitAls}: a user's affinity for an item is the dot product of their factor
 * vectors.
 *
 * <p>Immutable and thread-safe; accessors return copies.
 */
public final class AlsModel {

  /** The codec that {@link ModelFiles} uses for this model. */
  public static final ModelCodec<AlsModel> CODEC = new Codec();

  private final List<String> userIds;
  private final List<String> itemIds;
  private final Map<String, Integer> userIndex;
  private final Map<String, Integer> itemIndex;
  private final int factors;
  private final float[] userFactors;
  private final float[] itemFactors;
  private final double[] lossHistory;
  private volatile double[] itemGram;
  private volatile ByDimension byFactor; // the item factors by factor, for scoring every item at once

  AlsModel(List<String> userIds, List<String> itemIds, int factors, float[] userFactors, float[] itemFactors,
      double[] lossHistory) {
    this.userIds = List.copyOf(userIds);
    this.itemIds = List.copyOf(itemIds);
    this.userIndex = index(this.userIds, "userIds");
    this.itemIndex = index(this.itemIds, "itemIds");
    this.factors = factors;
    if (userFactors.length != userIds.size() * factors || itemFactors.length != itemIds.size() * factors) {
      throw new IllegalArgumentException("factor arrays do not match " + userIds.size() + " users, "
          + itemIds.size() + " items and " + factors + " factors");
    }
    this.userFactors = userFactors;
    this.itemFactors = itemFactors;
    this.lossHistory = lossHistory;
  }

  /** The user factors, row-major, shared: callers must not modify them. */
  float[] userFactorArray() {
    return userFactors;
  }

  /** The item factors, row-major, shared: callers must not modify them. */
  float[] itemFactorArray() {
    return itemFactors;
  }

  /** A one-factor model of zeros: indexes users and items for a recommender whose affinity comes from elsewhere. */
  static AlsModel indexOnly(List<String> userIds, List<String> itemIds) {
    return new AlsModel(userIds, itemIds, 1, new float[userIds.size()], new float[itemIds.size()], new double[0]);
  }

  private static Map<String, Integer> index(List<String> ids, String name) {
    Map<String, Integer> m = new HashMap<>(ids.size() * 2);
    for (int i = 0; i < ids.size(); i++) {
      if (m.put(ids.get(i), i) != null) {
        throw new IllegalArgumentException(name + " contains " + Checks.quote(ids.get(i)) + " twice");
      }
    }
    return Map.copyOf(m);
  }

  /** The number of latent factors. */
  public int factors() {
    return factors;
  }

  /** Users the model knows, in index order. */
  public List<String> userIds() {
    return userIds;
  }

  /** Items the model knows, in index order. */
  public List<String> itemIds() {
    return itemIds;
  }

  /** The index of {@code user}, if known. */
  public Optional<Integer> userIndex(String user) {
    return Optional.ofNullable(userIndex.get(user));
  }

  /** The index of {@code item}, if known. */
  public Optional<Integer> itemIndex(String item) {
    return Optional.ofNullable(itemIndex.get(item));
  }

  /** The index of {@code item}, or -1 when unknown; no allocation, for per-candidate lookups. */
  int itemIndexOf(String item) {
    Integer i = itemIndex.get(item);
    return i == null ? -1 : i;
  }

  /** The index of {@code user}, or -1 when unknown. */
  int userIndexOf(String user) {
    Integer i = userIndex.get(user);
    return i == null ? -1 : i;
  }

  /** The affinity of user index {@code u} for item index {@code i}. */
  public float score(int u, int i) {
    java.util.Objects.checkIndex(u, userIds.size());
    java.util.Objects.checkIndex(i, itemIds.size());
    return Vectors.dot(userFactors, u * factors, itemFactors, i * factors, factors);
  }

  /** User {@code u}'s affinity for every item, in item index order. */
  float[] scoreAll(int u) {
    ByDimension by = byFactor;
    if (by == null) {
      // Built on first use (a benign race: two threads may both build it); the room recommender never needs it.
      by = ByDimension.ofRowMajor(itemFactors, itemIds.size(), factors);
      byFactor = by;
    }
    return by.dotAll(userFactors, u * factors);
  }

  /** The dot product of a user vector of length {@link #factors()} with item {@code i}'s factors. */
  float score(float[] user, int i) {
    return Vectors.dot(user, 0, itemFactors, i * factors, factors);
  }

  /**
   * Solves for the factors of a user from their items alone, as one ALS user step would with the item factors held
   * fixed: {@code (YᵀY + Σ alpha|w|·yᵢyᵢᵀ + λI) x = Σ_{w>0} (1 + alpha|w|)·yᵢ}. This is how a viewer unknown at
   * training time, or one with new events, gets a collaborative vector without retraining (fold-in).
   *
   * @param items item indexes
   * @param weights the summed weight per item; positive is a preference, negative only adds confidence
   * @param n how many of the arrays' entries to use
   * @return the user's factors; all zeros when no weight is positive
   */
  float[] foldIn(int[] items, float[] weights, int n, double alpha, double regularization) {
    int k = factors;
    double[] a = itemGram().clone();
    double[] b = new double[k];
    for (int d = 0; d < k; d++) {
      a[d * k + d] += regularization;
    }
    for (int e = 0; e < n; e++) {
      int off = items[e] * k;
      double ex = alpha * Math.abs(weights[e]);
      for (int p = 0; p < k; p++) {
        double w = ex * itemFactors[off + p];
        int row = p * k;
        for (int q = 0; q <= p; q++) {
          a[row + q] += w * itemFactors[off + q];
        }
        if (weights[e] > 0) {
          b[p] += (1 + ex) * itemFactors[off + p];
        }
      }
    }
    float[] x = new float[k];
    if (!io.livecommerce.math.Cholesky.factorInPlace(a, k, 0)) {
      return x; // only with λ = 0 and degenerate factors; no preference is the honest answer
    }
    double[] sol = io.livecommerce.math.Cholesky.solve(a, k, b);
    for (int p = 0; p < k; p++) {
      x[p] = (float) sol[p];
    }
    return x;
  }

  /** YᵀY, lower triangle, computed once: the part of every fold-in that does not depend on the user. */
  private double[] itemGram() {
    double[] g = itemGram;
    if (g == null) {
      int k = factors;
      g = new double[k * k];
      for (int r = 0; r < itemIds.size(); r++) {
        int off = r * k;
        for (int p = 0; p < k; p++) {
          double fp = itemFactors[off + p];
          int row = p * k;
          for (int q = 0; q <= p; q++) {
            g[row + q] += fp * itemFactors[off + q];
          }
        }
      }
      itemGram = g; // racy but idempotent: every thread computes the same array
    }
    return g;
  }

  /** A copy of user {@code u}'s factors. */
  public float[] userFactors(int u) {
    java.util.Objects.checkIndex(u, userIds.size());
    return java.util.Arrays.copyOfRange(userFactors, u * factors, (u + 1) * factors);
  }

  /** A copy of item {@code i}'s factors. */
  public float[] itemFactors(int i) {
    java.util.Objects.checkIndex(i, itemIds.size());
    return java.util.Arrays.copyOfRange(itemFactors, i * factors, (i + 1) * factors);
  }

  /** The training loss after each iteration (weighted squared error plus penalty); non-increasing. */
  public double[] lossHistory() {
    return lossHistory.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AlsModel m
        && factors == m.factors
        && userIds.equals(m.userIds)
        && itemIds.equals(m.itemIds)
        && java.util.Arrays.equals(userFactors, m.userFactors)
        && java.util.Arrays.equals(itemFactors, m.itemFactors);
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(userFactors) * 31 + java.util.Arrays.hashCode(itemFactors);
  }

  @Override
  public String toString() {
    return "AlsModel{users=" + userIds.size() + ", items=" + itemIds.size() + ", factors=" + factors + "}";
  }

  private static final class Codec implements ModelCodec<AlsModel> {
    @Override
    public String type() {
      return "als";
    }

    @Override
    public int version() {
      return 1;
    }

    @Override
    public void write(AlsModel m, DataOutput out) throws IOException {
      out.writeInt(m.factors);
      ModelFiles.writeStrings(out, m.userIds);
      ModelFiles.writeStrings(out, m.itemIds);
      ModelFiles.writeFloats(out, m.userFactors);
      ModelFiles.writeFloats(out, m.itemFactors);
      ModelFiles.writeDoubles(out, m.lossHistory);
    }

    @Override
    public AlsModel read(DataInput in, int version) throws IOException {
      int factors = in.readInt();
      if (factors < 1 || factors > 4096) {
        throw new IOException("factors " + factors + " out of range");
      }
      List<String> users = ModelFiles.readStrings(in, Integer.MAX_VALUE / factors);
      List<String> items = ModelFiles.readStrings(in, Integer.MAX_VALUE / factors);
      float[] uf = ModelFiles.readFloats(in, users.size() * factors);
      float[] itf = ModelFiles.readFloats(in, items.size() * factors);
      double[] loss = ModelFiles.readDoubles(in, 1_000_000);
      return new AlsModel(users, items, factors, uf, itf, loss);
    }
  }
}
