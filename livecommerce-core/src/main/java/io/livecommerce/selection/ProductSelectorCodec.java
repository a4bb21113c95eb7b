package io.livecommerce.selection;

import io.livecommerce.persist.ModelCodec;
import io.livecommerce.persist.ModelFiles;
import io.livecommerce.regress.TabularModel;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The file format of {@link RegressionProductSelector} (type {@code product-selector}). Stateless and thread-safe. */
final class ProductSelectorCodec implements ModelCodec<RegressionProductSelector> {
  @Override
  public String type() {
    return "product-selector";
  }

  @Override
  public int version() {
    return 3; // the nested tabular model's version (3: optional boosted trees)
  }

  @Override
  public void write(RegressionProductSelector s, DataOutput out) throws IOException {
    TabularModel.CODEC.write(s.model, out);
    AnchorStats st = s.stats;
    out.writeUTF(st.zone.getId());
    List<String> anchors = new ArrayList<>(new java.util.TreeSet<>(st.counts.keySet()));
    ModelFiles.writeStrings(out, anchors);
    for (String a : anchors) {
      ModelFiles.writeFloats(out, st.profileSums.get(a));
      out.writeDouble(st.levelSums.get(a));
      out.writeInt(st.counts.get(a));
      out.writeUTF(st.usualSlot.getOrDefault(a, ""));
      out.writeUTF(st.usualWeekday.getOrDefault(a, ""));
      int[] past = s.anchorPast.getOrDefault(a, new int[0]);
      out.writeInt(past.length);
      for (int i : past) {
        out.writeInt(i);
      }
    }
    List<String> followed = new ArrayList<>(new java.util.TreeSet<>(st.followersLog.keySet()));
    ModelFiles.writeStrings(out, followed);
    for (String a : followed) {
      out.writeDouble(st.followersLog.get(a));
    }
    ModelFiles.writeStrings(out, s.pastIds);
    ModelFiles.writeStrings(out, s.pastTitles);
    for (float[] v : s.pastVectors) {
      ModelFiles.writeFloats(out, v);
    }
    ModelFiles.writeDoubles(out, s.pastUnits);
  }

  @Override
  public RegressionProductSelector read(DataInput in, int version) throws IOException {
    TabularModel model = TabularModel.CODEC.read(in, version); // the same number, by design
    ZoneId zone = ZoneId.of(in.readUTF());
    List<String> anchors = ModelFiles.readStrings(in, 100_000_000);
    Map<String, float[]> sums = new HashMap<>();
    Map<String, Double> levels = new HashMap<>();
    Map<String, Integer> counts = new HashMap<>();
    Map<String, String> slots = new HashMap<>();
    Map<String, String> days = new HashMap<>();
    Map<String, int[]> past = new HashMap<>();
    for (String a : anchors) {
      sums.put(a, ModelFiles.readFloats(in, 1 << 16));
      levels.put(a, in.readDouble());
      counts.put(a, in.readInt());
      String slot = in.readUTF();
      String day = in.readUTF();
      if (!slot.isEmpty()) {
        slots.put(a, slot);
      }
      if (!day.isEmpty()) {
        days.put(a, day);
      }
      int n = ModelFiles.readCount(in, 100_000_000, Integer.BYTES, "past product count");
      int[] p = new int[n];
      for (int i = 0; i < n; i++) {
        p[i] = in.readInt();
      }
      past.put(a, p);
    }
    List<String> followed = ModelFiles.readStrings(in, 100_000_000);
    Map<String, Double> followers = new HashMap<>();
    for (String a : followed) {
      followers.put(a, in.readDouble());
    }
    List<String> ids = ModelFiles.readStrings(in, 100_000_000);
    List<String> titles = ModelFiles.readStrings(in, ids.size());
    float[][] vs = new float[ids.size()][];
    for (int i = 0; i < vs.length; i++) {
      vs[i] = ModelFiles.readFloats(in, 1 << 16);
    }
    double[] units = ModelFiles.readDoubles(in, ids.size());
    for (int[] p : past.values()) {
      for (int i : p) {
        java.util.Objects.checkIndex(i, ids.size());
      }
    }
    AnchorStats stats = new AnchorStats(Map.copyOf(sums), Map.copyOf(levels), Map.copyOf(counts),
        Map.copyOf(followers), Map.copyOf(slots), Map.copyOf(days), zone);
    return new RegressionProductSelector(model, null, stats, ids, titles, vs, units, past);
  }
}
