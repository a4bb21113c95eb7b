package io.livecommerce.recommend;

import io.livecommerce.Reason;
import io.livecommerce.Scored;
import io.livecommerce.domain.LiveRoom;
import io.livecommerce.math.Vectors;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The full blend of {@link HybridRoomRecommender} over a set of candidates, then diversification and explanations.
 * Both serving paths use it: explicit candidates ({@link HybridRoomRecommender#recommend}) and retrieved ones
 * ({@link LiveRoomIndex}).
 *
 * <p>Stateless and thread-safe. Package-private.
 */
final class RoomScorer {

  private static final int CF = 0;
  private static final int CONTENT = 1;
  private static final int POPULARITY = 2;
  private static final int MOMENTUM = 3;
  private static final int GROWTH = 4;
  private static final int ARRIVALS = 5;
  private static final int REPEAT = 6;
  private static final int BUCKET = 7;

  private RoomScorer() {}

  /**
   * Scores the first {@code n} candidates and returns the best {@code k} within the caps.
   *
   * @param anchors each candidate's anchor as a model index, -1 for an anchor the model does not know
   * @param meanCosine the mean cosine of the viewer's profile over the rooms live now, or NaN to take the mean
   *     over these candidates (content is the cosine above that mean: sentence embeddings give every pair a high
   *     baseline cosine, and only the difference says anything about taste)
   */
  static List<Scored<LiveRoom>> rank(ViewerContext ctx, LiveRoom[] rooms, float[][] vectors, int[] anchors, int n,
      double meanCosine, long atMillis, int k) {
    HybridRoomRecommender m = ctx.model;
    BlendWeights w = m.weights();
    float[] total = new float[n];
    double[] cosine = null;
    double mean = 0;
    if (ctx.profile != null && w.content() > 0) {
      cosine = new double[n];
      for (int c = 0; c < n; c++) {
        cosine[c] = Vectors.dot(ctx.profile, vectors[c]);
        mean += cosine[c] / n;
      }
      if (!Double.isNaN(meanCosine)) {
        mean = meanCosine;
      }
    }
    for (int c = 0; c < n; c++) {
      total[c] = (float) score(ctx, rooms[c], anchors[c], cosine == null ? 0 : cosine[c] - mean, atMillis, null);
    }
    int[] order = new RoomDiversifier(m.config.maxPerAnchor(), m.config.maxPerCategory()).pick(rooms, total, n, k);
    List<Scored<LiveRoom>> out = new ArrayList<>(order.length);
    double[] parts = new double[8];
    for (int c : order) {
      score(ctx, rooms[c], anchors[c], cosine == null ? 0 : cosine[c] - mean, atMillis, parts);
      out.add(new Scored<>(rooms[c], total[c], reasons(ctx, rooms[c], anchors[c], parts, vectors[c])));
    }
    return List.copyOf(out);
  }

  /** The blended score of one room; fills {@code parts} (length 8) for explanations when not null. */
  private static double score(ViewerContext ctx, LiveRoom room, int a, double content, long atMillis,
      double[] parts) {
    HybridRoomRecommender m = ctx.model;
    BlendWeights w = m.weights();
    double cf = a >= 0 && w.cf() > 0 ? ctx.cf(a) : 0;
    double pop = a >= 0 ? m.anchorPopularity[a] : 0;
    double mom = 0;
    double growth = 0;
    long recent = 0;
    if (w.momentum() > 0 || parts != null) {
      long packed = m.momentum().packedCounts(room.id(), atMillis);
      recent = RoomMomentum.recent(packed);
      long before = RoomMomentum.before(packed);
      growth = (recent - before) / (double) Math.max(before, 1);
      mom = recent + before < 5 ? 0 : Math.tanh(growth);
    }
    int bucket = a >= 0 && w.repeat() > 0 ? ctx.repeatBucket(a, atMillis) : -1;
    double rep = m.repeat.rateOf(bucket);
    if (parts != null) {
      parts[CF] = w.cf() * cf;
      parts[CONTENT] = w.content() * content;
      parts[POPULARITY] = w.popularity() * pop;
      parts[MOMENTUM] = w.momentum() * mom;
      parts[GROWTH] = growth;
      parts[ARRIVALS] = recent;
      parts[REPEAT] = w.repeat() * rep;
      parts[BUCKET] = bucket;
    }
    return w.cf() * cf + w.content() * content + w.popularity() * pop + w.momentum() * mom + w.repeat() * rep;
  }

  private static List<Reason> reasons(ViewerContext ctx, LiveRoom room, int a, double[] p, float[] vector) {
    HybridRoomRecommender m = ctx.model;
    List<Reason> reasons = new ArrayList<>(4);
    String anchor = m.config.anchorNames().getOrDefault(room.anchorId(), room.anchorId());
    if (p[CF] > 0.01) {
      reasons.add(new Reason("cf", p[CF], a >= 0 && ctx.watched(a)
          ? "you often watch " + anchor : "viewers with your taste watch " + anchor));
    }
    if (p[CONTENT] > 0.01) {
      reasons.add(new Reason("content", p[CONTENT], contentText(ctx, vector)));
    }
    if (p[POPULARITY] > 0.01) {
      reasons.add(new Reason("popularity", p[POPULARITY], anchor + " is popular with viewers"));
    }
    if (p[REPEAT] > 0.01) {
      reasons.add(new Reason("repeat", p[REPEAT], RepeatSignal.phrase(anchor, (int) p[BUCKET])));
    }
    if (p[MOMENTUM] > 0.01) {
      reasons.add(new Reason("momentum", p[MOMENTUM], String.format(Locale.ROOT,
          "rising: viewers up %.0f%% in %d min", p[GROWTH] * 100, m.momentum().windowMinutes())));
    }
    reasons.sort(Comparator.comparingDouble(Reason::contribution).reversed());
    return reasons;
  }

  private static String contentText(ViewerContext ctx, float[] vector) {
    if (ctx.fromInterests) {
      return "matches your interests";
    }
    if (ctx.session != null && ctx.session.lastLabel() != null
        && (ctx.u < 0 || ctx.model.profiles[ctx.u] == null
            || Vectors.dot(ctx.session.profile(), vector) >= Vectors.dot(ctx.model.profiles[ctx.u], vector))) {
      return "like the " + ctx.session.lastLabel() + " rooms you just watched";
    }
    String label = ctx.u >= 0 ? ctx.model.nearestWatchedLabel(ctx.u, vector) : null;
    return label == null ? "matches your interests" : "like the " + label + " rooms you watched";
  }
}
