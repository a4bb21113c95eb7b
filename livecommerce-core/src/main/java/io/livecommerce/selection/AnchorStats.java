package io.livecommerce.selection;

import io.livecommerce.domain.Product;
import io.livecommerce.domain.SalesRecord;
import io.livecommerce.math.Vectors;
import io.livecommerce.regress.TabularRow;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

/** Per-anchor statistics from training sales, and the row builder that uses them. Immutable once built. */
final class AnchorStats {
  final Map<String, float[]> profileSums; // Σ units·v over the anchor's sales
  final Map<String, Double> levelSums; // Σ log(1 + units)
  final Map<String, Integer> counts;
  final Map<String, Double> followersLog;
  final Map<String, String> usualSlot;
  final Map<String, String> usualWeekday;
  final ZoneId zone;

  AnchorStats(Map<String, float[]> profileSums, Map<String, Double> levelSums, Map<String, Integer> counts,
      Map<String, Double> followersLog, Map<String, String> usualSlot, Map<String, String> usualWeekday,
      ZoneId zone) {
    this.profileSums = profileSums;
    this.levelSums = levelSums;
    this.counts = counts;
    this.followersLog = followersLog;
    this.usualSlot = usualSlot;
    this.usualWeekday = usualWeekday;
    this.zone = zone;
  }

  /**
   * A row for (anchor, product) at {@code atMillis} (null: the anchor's usual slot and weekday). With
   * {@code ownSale} (a training row) the anchor's level leaves that sale out and its fit leaves out
   * {@code ownSum}, the product's own share of the profile, so the row does not see its own target.
   */
  TabularRow row(Product p, String anchorId, Long atMillis, SalesRecord ownSale, float[] ownSum, float[] v,
      double target) {
    Map<String, Double> num = new HashMap<>();
    num.put("price", p.priceCents() / 100.0);
    float[] sum = profileSums.get(anchorId);
    if (sum != null) {
      float[] profile = sum.clone();
      if (ownSum != null) {
        for (int j = 0; j < profile.length; j++) {
          profile[j] -= ownSum[j];
        }
      }
      if (Vectors.norm(profile) > 1e-6f) {
        num.put("anchor fit", (double) Vectors.cosine(profile, v));
      }
    }
    Integer n = counts.get(anchorId);
    if (n != null) {
      double s = levelSums.get(anchorId);
      int m = n;
      if (ownSale != null) {
        s -= Math.log1p(ownSale.units());
        m--;
      }
      if (m > 0) {
        num.put("anchor usual log units", s / m);
      }
    }
    Double f = followersLog.get(anchorId);
    if (f != null) {
      num.put("anchor log followers", f);
    }
    Map<String, String> cat = new HashMap<>();
    if (!p.category().isEmpty()) {
      cat.put("category", p.category());
    }
    if (!p.brand().isEmpty()) {
      cat.put("brand", p.brand());
    }
    SessionTime.putLevels(cat, atMillis, zone, usualSlot.get(anchorId), usualWeekday.get(anchorId));
    return new TabularRow(p.id(), p.text(), num, cat, target);
  }
}
