package io.livecommerce.recommend;

import io.livecommerce.persist.ModelCodec;
import io.livecommerce.persist.ModelFiles;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;

/**
 * The file format of {@link ImplicitModel} (payload version 2: family, users, then each part the family has; version 1
 * had the factor model only and still loads). The embedder is not saved. Stateless and thread-safe.
 */
final class ImplicitModelCodec implements ModelCodec<ImplicitModel> {
  @Override
  public String type() {
    return "implicit-hybrid";
  }

  @Override
  public int version() {
    return 2;
  }

  @Override
  public void write(ImplicitModel m, DataOutput out) throws IOException {
    // Version 2: family, users, then each part present; version 1 had the factor model only.
    out.writeUTF(m.family.name());
    ModelFiles.writeStrings(out, m.users);
    if (m.cf != null) {
      AlsModel.CODEC.write(m.cf, out);
    }
    ModelFiles.writeStrings(out, m.catalogue);
    if (m.ease != null) {
      EaseModel.CODEC.write(m.ease, out);
    }
    writeVectors(out, m.itemVectors);
    writeVectors(out, m.profiles);
    ModelFiles.writeFloats(out, m.popularity);
    out.writeInt(m.seen.length);
    for (int u = 0; u < m.seen.length; u++) {
      out.writeInt(m.seen[u].length);
      for (int i : m.seen[u]) {
        out.writeInt(i);
      }
      ModelFiles.writeFloats(out, m.seenWeights[u]);
    }
    out.writeDouble(m.weights.cf());
    out.writeDouble(m.weights.content());
    out.writeDouble(m.weights.popularity());
    out.writeDouble(m.weights.momentum());
  }

  @Override
  public ImplicitModel read(DataInput in, int version) throws IOException {
    ModelFamily family = ModelFamily.ALS;
    List<String> users = null;
    if (version >= 2) {
      family = ModelFamily.read(in);
      users = ModelFiles.readStrings(in, 100_000_000);
    }
    AlsModel cf = family.usesAls() ? AlsModel.CODEC.read(in, 1) : null;
    if (users == null) {
      users = cf.userIds();
    } else if (cf != null && !cf.userIds().equals(users)) {
      throw new IOException("the factor model's users differ from the model's");
    }
    List<String> catalogue = ModelFiles.readStrings(in, 100_000_000);
    EaseModel ease = family.usesEase() ? EaseModel.CODEC.read(in, 1) : null;
    if (ease != null && ease.largestItem() >= catalogue.size()) {
      throw new IOException("item-to-item model names item " + ease.largestItem() + " of " + catalogue.size());
    }
    float[][] itemVectors = readVectors(in);
    float[][] profiles = readVectors(in);
    float[] pop = ModelFiles.readFloats(in, catalogue.size());
    int userCount = in.readInt();
    if (userCount != users.size() || itemVectors.length != catalogue.size()) {
      throw new IOException("inconsistent sizes");
    }
    int[][] seen = new int[userCount][];
    float[][] seenWeights = new float[userCount][];
    for (int u = 0; u < userCount; u++) {
      int n = ModelFiles.readCount(in, catalogue.size(), Integer.BYTES, "seen count");
      seen[u] = new int[n];
      for (int j = 0; j < n; j++) {
        seen[u][j] = java.util.Objects.checkIndex(in.readInt(), catalogue.size());
      }
      seenWeights[u] = ModelFiles.readFloats(in, n);
    }
    BlendWeights w = new BlendWeights(in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble());
    try {
      return new ImplicitModel(family, users, cf, ease, catalogue, itemVectors, profiles, pop, seen, seenWeights, w,
          null);
    } catch (IllegalArgumentException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  private static void writeVectors(DataOutput out, float[][] vs) throws IOException {
    out.writeInt(vs.length);
    for (float[] v : vs) {
      out.writeBoolean(v != null);
      if (v != null) {
        ModelFiles.writeFloats(out, v);
      }
    }
  }

  private static float[][] readVectors(DataInput in) throws IOException {
    int n = ModelFiles.readCount(in, 100_000_000, 1, "vector count");
    float[][] vs = new float[n][];
    for (int i = 0; i < n; i++) {
      if (in.readBoolean()) {
        vs[i] = ModelFiles.readFloats(in, 1 << 16);
      }
    }
    return vs;
  }
}
