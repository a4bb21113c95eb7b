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

  /** The affinity of user index {@code u} for item index {@code i}. */
  public float score(int u, int i) {
    java.util.Objects.checkIndex(u, userIds.size());
    java.util.Objects.checkIndex(i, itemIds.size());
    return Vectors.dot(userFactors, u * factors, itemFactors, i * factors, factors);
  }

  /** Fills {@code out} (length items) with user {@code u}'s affinity for every item. */
  void scoreAll(int u, float[] out) {
    int k = factors;
    for (int i = 0; i < itemIds.size(); i++) {
      out[i] = Vectors.dot(userFactors, u * k, itemFactors, i * k, k);
    }
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
