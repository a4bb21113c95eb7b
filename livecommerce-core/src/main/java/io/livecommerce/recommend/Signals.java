package io.livecommerce.recommend;

import io.livecommerce.embed.TextEmbedder;
import io.livecommerce.math.Vectors;
import java.util.List;

/** Signal computations shared by the recommenders. Package-private; stateless and thread-safe. */
final class Signals {

  private Signals() {}

  /**
   * Per-item popularity in [0, 1]: log(1 + Σ positive weight) over the item's users, divided by the largest.
   */
  static float[] popularity(InteractionMatrix m) {
    return popularity(m, false);
  }

  /**
   * Per-item popularity as {@link #popularity(InteractionMatrix)}; with {@code netOfDislikes}, negative weights (a
   * user's dislike) count against the item: log(1 + max(0, Σ positive − Σ |negative|)).
   */
  static float[] popularity(InteractionMatrix m, boolean netOfDislikes) {
    double[] sum = new double[m.items()];
    for (int u = 0; u < m.users(); u++) {
      for (int e = m.userPtr[u]; e < m.userPtr[u + 1]; e++) {
        if (m.userWeight[e] > 0 || netOfDislikes) {
          sum[m.userItems[e]] += m.userWeight[e];
        }
      }
    }
    for (int i = 0; i < sum.length; i++) {
      sum[i] = Math.max(0, sum[i]);
    }
    double max = 0;
    for (int i = 0; i < sum.length; i++) {
      sum[i] = Math.log1p(sum[i]);
      max = Math.max(max, sum[i]);
    }
    float[] out = new float[sum.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = max == 0 ? 0f : (float) (sum[i] / max);
    }
    return out;
  }

  /** A unit-length taste profile: Σ weight·vector over positive items, normalized; null when there are none. */
  static float[] profile(int[] items, float[] weights, int from, int to, float[][] vectors) {
    float[] p = null;
    for (int e = from; e < to; e++) {
      float[] v = vectors[items[e]];
      if (weights[e] <= 0 || v == null) {
        continue;
      }
      if (p == null) {
        p = new float[v.length];
      }
      Vectors.addScaled(p, v, weights[e]);
    }
    if (p == null || Vectors.norm(p) == 0) {
      return null;
    }
    return Vectors.normalizeInPlace(p);
  }

  /** Embeds non-blank texts; blank or missing ones get null. */
  static float[][] embed(TextEmbedder embedder, List<String> texts) {
    float[][] out = new float[texts.size()][];
    java.util.List<String> batch = new java.util.ArrayList<>();
    java.util.List<Integer> where = new java.util.ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      String t = texts.get(i);
      if (t != null && !t.isBlank()) {
        batch.add(t);
        where.add(i);
      }
    }
    if (!batch.isEmpty()) {
      List<float[]> vs = embedder.embedAll(batch);
      for (int j = 0; j < vs.size(); j++) {
        out[where.get(j)] = vs.get(j);
      }
    }
    return out;
  }

  /** Exponential decay with the given half-life; 1 when the half-life is 0 (no decay). */
  static double decay(long ageMillis, double halfLifeDays) {
    if (halfLifeDays <= 0 || ageMillis <= 0) {
      return 1.0;
    }
    return Math.pow(0.5, ageMillis / (halfLifeDays * 86_400_000.0));
  }
}
