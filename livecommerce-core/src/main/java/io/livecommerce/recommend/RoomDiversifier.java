package io.livecommerce.recommend;

import io.livecommerce.domain.LiveRoom;
import io.livecommerce.math.Hit;
import io.livecommerce.math.TopK;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Picks the best rooms while no anchor and no category fills more than its cap, so a viewer's list is not one
 * anchor's rooms or one category. Immutable and thread-safe.
 *
 * @param maxPerAnchor rooms per anchor at most; 0 for no cap
 * @param maxPerCategory rooms per category at most; 0 for no cap (rooms without a category are never capped)
 */
record RoomDiversifier(int maxPerAnchor, int maxPerCategory) {

  /** Indexes into {@code live}, best first by {@code score}, at most {@code k}, within the caps. */
  List<Integer> pick(List<LiveRoom> live, float[] score, int k) {
    boolean capped = maxPerAnchor > 0 || maxPerCategory > 0;
    int want = capped ? Math.min(live.size(), Math.max(k * 20, 200)) : k;
    List<Integer> picked = pick(live, TopK.of(score, want), k);
    if (capped && picked.size() < k && want < live.size()) {
      picked = pick(live, TopK.of(score, live.size()), k); // the caps skipped too many of the best
    }
    return picked;
  }

  private List<Integer> pick(List<LiveRoom> live, List<Hit> ranked, int k) {
    List<Integer> out = new ArrayList<>(k);
    Map<String, Integer> perAnchor = new HashMap<>();
    Map<String, Integer> perCategory = new HashMap<>();
    for (Hit h : ranked) {
      LiveRoom r = live.get(h.index());
      if (maxPerAnchor > 0 && perAnchor.getOrDefault(r.anchorId(), 0) >= maxPerAnchor) {
        continue;
      }
      if (maxPerCategory > 0 && !r.category().isEmpty()
          && perCategory.getOrDefault(r.category(), 0) >= maxPerCategory) {
        continue;
      }
      perAnchor.merge(r.anchorId(), 1, Integer::sum);
      perCategory.merge(r.category(), 1, Integer::sum);
      out.add(h.index());
      if (out.size() == k) {
        break;
      }
    }
    return out;
  }
}
