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

/** The file format of {@link RegressionPromotionRanker} (type {@code promotion-ranker}). Stateless and thread-safe. */
final class PromotionRankerCodec implements ModelCodec<RegressionPromotionRanker> {
  @Override
  public String type() {
    return "promotion-ranker";
  }

  @Override
  public int version() {
    return 3; // the nested tabular model's version (3: optional boosted trees)
  }

  @Override
  public void write(RegressionPromotionRanker r, DataOutput out) throws IOException {
    TabularModel.CODEC.write(r.model, out);
    out.writeUTF(r.stats.zone().getId());
    List<String> anchors = new ArrayList<>(new java.util.TreeSet<>(r.stats.sums().keySet()));
    ModelFiles.writeStrings(out, anchors);
    for (String a : anchors) {
      ModelFiles.writeDoubles(out, r.stats.sums().get(a));
      out.writeUTF(r.stats.usualSlot().getOrDefault(a, ""));
      out.writeUTF(r.stats.usualWeekday().getOrDefault(a, ""));
      Map<String, Integer> counts = new java.util.TreeMap<>(r.stats.categoryCounts().getOrDefault(a, Map.of()));
      ModelFiles.writeStrings(out, new ArrayList<>(counts.keySet()));
      for (int c : counts.values()) {
        out.writeInt(c);
      }
    }
  }

  @Override
  public RegressionPromotionRanker read(DataInput in, int version) throws IOException {
    TabularModel model = TabularModel.CODEC.read(in, version); // the same number, by design
    ZoneId zone = ZoneId.of(in.readUTF());
    List<String> anchors = ModelFiles.readStrings(in, 100_000_000);
    Map<String, double[]> sums = new HashMap<>();
    Map<String, String> slots = new HashMap<>();
    Map<String, String> days = new HashMap<>();
    Map<String, Map<String, Integer>> categoryCounts = new HashMap<>();
    for (String a : anchors) {
      sums.put(a, ModelFiles.readDoubles(in, 3));
      String slot = in.readUTF();
      String day = in.readUTF();
      if (!slot.isEmpty()) {
        slots.put(a, slot);
      }
      if (!day.isEmpty()) {
        days.put(a, day);
      }
      List<String> cats = ModelFiles.readStrings(in, 1_000_000);
      Map<String, Integer> counts = new HashMap<>();
      for (String c : cats) {
        counts.put(c, in.readInt());
      }
      categoryCounts.put(a, Map.copyOf(counts));
    }
    return new RegressionPromotionRanker(model, null, new RegressionPromotionRanker.Stats(Map.copyOf(sums),
        Map.copyOf(categoryCounts), Map.copyOf(slots), Map.copyOf(days), zone));
  }
}
