package io.livecommerce.recommend;

import io.livecommerce.persist.ModelCodec;
import io.livecommerce.persist.ModelFiles;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The file format of {@link HybridRoomRecommender}: its trained state, not the live momentum. Stateless and
 * thread-safe.
 */
final class HybridRoomCodec implements ModelCodec<HybridRoomRecommender> {
  @Override
  public String type() {
    return "hybrid-room";
  }

  @Override
  public int version() {
    return 3;
  }

  @Override
  public void write(HybridRoomRecommender r, DataOutput out) throws IOException {
    HybridRoomRecommender.Config c = r.config;
    out.writeDouble(c.weights().cf());
    out.writeDouble(c.weights().content());
    out.writeDouble(c.weights().popularity());
    out.writeDouble(c.weights().momentum());
    out.writeInt(c.maxPerAnchor());
    out.writeInt(c.maxPerCategory());
    out.writeInt(c.momentumWindowMinutes());
    out.writeInt(c.cacheSize());
    out.writeInt(c.threads());
    List<String> keys = new ArrayList<>(new java.util.TreeMap<>(c.anchorNames()).keySet());
    ModelFiles.writeStrings(out, keys);
    List<String> names = new ArrayList<>();
    keys.forEach(k -> names.add(c.anchorNames().get(k)));
    ModelFiles.writeStrings(out, names);
    AlsModel.CODEC.write(r.cf, out);
    ModelFiles.writeFloats(out, r.anchorPopularity);
    ModelFiles.writeStrings(out, r.watchedLabels);
    out.writeInt(r.watchedVectors.length);
    for (float[] v : r.watchedVectors) {
      ModelFiles.writeFloats(out, v);
    }
    for (int u = 0; u < r.profiles.length; u++) {
      out.writeBoolean(r.profiles[u] != null);
      if (r.profiles[u] != null) {
        ModelFiles.writeFloats(out, r.profiles[u]);
      }
      out.writeInt(r.viewerRooms[u].length);
      for (int i : r.viewerRooms[u]) {
        out.writeInt(i);
      }
      ModelFiles.writeFloats(out, r.viewerAnchorWeights[u]);
    }
    // Version 2: the family and, when it has one, the item-to-item model; the repeat weight and signal.
    out.writeUTF(r.family.name());
    if (r.ease != null) {
      EaseModel.CODEC.write(r.ease, out);
    }
    out.writeDouble(c.weights().repeat());
    out.writeLong(r.repeat.trainedUntil);
    ModelFiles.writeFloats(out, r.repeat.rates);
    for (float[] hours : r.repeat.hoursBefore) {
      ModelFiles.writeFloats(out, hours);
    }
    // Version 3: what in-session updates need (event weights, the ALS fold-in's alpha and λ, the session weight).
    HybridRoomRecommender.Live live = c.live();
    ConfidenceWeights cw = live.confidence();
    for (double x : new double[] {cw.shortViewSeconds(), cw.shortViewPenalty(), cw.watch(), cw.like(), cw.comment(),
        cw.share(), cw.gift(), cw.order()}) {
      out.writeDouble(x);
    }
    out.writeDouble(live.alpha());
    out.writeDouble(live.regularization());
    out.writeDouble(live.sessionWeight());
  }

  private static double finite(double x, String name) throws IOException {
    if (!Double.isFinite(x) || x < 0) {
      throw new IOException(name + " must be finite and >= 0 but was " + x);
    }
    return x;
  }

  @Override
  public HybridRoomRecommender read(DataInput in, int version) throws IOException {
    BlendWeights w = new BlendWeights(in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble());
    int maxPerAnchor = in.readInt();
    int maxPerCategory = in.readInt();
    int window = in.readInt();
    int cacheSize = in.readInt();
    int threads = in.readInt();
    List<String> keys = ModelFiles.readStrings(in, 10_000_000);
    List<String> names = ModelFiles.readStrings(in, keys.size());
    Map<String, String> anchorNames = new HashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      anchorNames.put(keys.get(i), names.get(i));
    }
    AlsModel cf = AlsModel.CODEC.read(in, 1);
    float[] pop = ModelFiles.readFloats(in, cf.itemIds().size());
    List<String> labels = ModelFiles.readStrings(in, 100_000_000);
    int nv = ModelFiles.readCount(in, labels.size(), Integer.BYTES, "watched room vectors");
    if (nv != labels.size()) {
      throw new IOException("watched rooms: " + nv + " vectors for " + labels.size() + " labels");
    }
    float[][] vectors = new float[nv][];
    for (int i = 0; i < nv; i++) {
      vectors[i] = ModelFiles.readFloats(in, 1 << 16);
    }
    int users = cf.userIds().size();
    float[][] profiles = new float[users][];
    int[][] viewerRooms = new int[users][];
    float[][] anchorWeights = new float[users][];
    for (int u = 0; u < users; u++) {
      if (in.readBoolean()) {
        profiles[u] = ModelFiles.readFloats(in, 1 << 16);
      }
      int n = ModelFiles.readCount(in, nv, Integer.BYTES, "viewer room count");
      viewerRooms[u] = new int[n];
      for (int j = 0; j < n; j++) {
        viewerRooms[u][j] = java.util.Objects.checkIndex(in.readInt(), nv);
      }
      anchorWeights[u] = ModelFiles.readFloats(in, cf.itemIds().size());
    }
    ModelFamily family = ModelFamily.ALS;
    EaseModel ease = null;
    if (version >= 2) {
      family = ModelFamily.read(in);
      if (family.usesEase()) {
        ease = EaseModel.CODEC.read(in, 1);
        if (ease.largestItem() >= cf.itemIds().size()) {
          throw new IOException("item-to-item model names anchor " + ease.largestItem() + " of "
              + cf.itemIds().size());
        }
      }
    }
    RepeatSignal repeat = RepeatSignal.none(users, cf.itemIds().size());
    if (version >= 2) {
      w = new BlendWeights(w.cf(), w.content(), w.popularity(), w.momentum(), in.readDouble());
      long trainedUntil = in.readLong();
      float[] rates = ModelFiles.readFloats(in, RepeatSignal.EDGES_HOURS.length + 1);
      float[][] hours = new float[users][];
      for (int u = 0; u < users; u++) {
        hours[u] = ModelFiles.readFloats(in, cf.itemIds().size());
        if (hours[u].length != cf.itemIds().size()) {
          throw new IOException("repeat signal: " + hours[u].length + " anchors, not " + cf.itemIds().size());
        }
      }
      try {
        repeat = new RepeatSignal(trainedUntil, rates, hours);
      } catch (IllegalArgumentException e) {
        throw new IOException(e.getMessage(), e);
      }
    }
    HybridRoomRecommender.Live live = HybridRoomRecommender.Live.DEFAULT;
    if (version >= 3) {
      try {
        ConfidenceWeights cw = new ConfidenceWeights(in.readDouble(), in.readDouble(), in.readDouble(),
            in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble());
        live = new HybridRoomRecommender.Live(cw, finite(in.readDouble(), "alpha"),
            finite(in.readDouble(), "regularization"), finite(in.readDouble(), "sessionWeight"));
      } catch (IllegalArgumentException e) {
        throw new IOException(e.getMessage(), e);
      }
    }
    HybridRoomRecommender.Config config = new HybridRoomRecommender.Config(w, maxPerAnchor, maxPerCategory, window,
        Math.max(1, cacheSize), Math.max(1, threads), Map.copyOf(anchorNames), live);
    return new HybridRoomRecommender(config, null, family, cf, ease, pop, profiles, labels, vectors, viewerRooms,
        anchorWeights, repeat);
  }
}
