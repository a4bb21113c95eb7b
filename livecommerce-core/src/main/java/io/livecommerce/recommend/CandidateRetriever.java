package io.livecommerce.recommend;

import io.livecommerce.Scored;
import io.livecommerce.domain.LiveRoom;
import io.livecommerce.math.Vectors;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Gathers a {@link LiveRoomIndex} request's candidates from a few cheap channels, then ranks only those with
 * {@link RoomScorer}. When the request's filter, hidden rooms or the diversity caps leave fewer than k, it scores
 * every live room instead, so a narrow filter still gets its best rooms.
 *
 * <p>Thread-safe: the per-minute list of popular and rising rooms is published through a volatile field and
 * recomputed once a minute (or after a bulk load), by the first request that needs it; others asking then wait.
 */
final class CandidateRetriever {

  private static final long MINUTE = 60_000L;

  private final HybridRoomRecommender model;
  private final RoomStore store;
  private final int candidates;
  private final int searchBeam;
  private final Object trendingLock = new Object();
  private volatile Trending trending = new Trending(Long.MIN_VALUE, 0, new RoomEntry[0]);

  /** The rooms with the best popularity and momentum as of one minute, and how many rooms were live then. */
  private record Trending(long minute, int live, RoomEntry[] rooms) {}

  CandidateRetriever(HybridRoomRecommender model, RoomStore store, int candidates, int searchBeam) {
    this.model = model;
    this.store = store;
    this.candidates = candidates;
    this.searchBeam = searchBeam;
  }

  List<Scored<LiveRoom>> recommend(LiveQuery q, ViewerSession.View session, boolean exact) {
    RoomStore.Snapshot s = store.snapshot();
    ViewerContext ctx = ViewerContext.of(model, q.viewerId(), session, q.interests());
    if (!exact) {
      // A long list needs deeper channels: each gives at least twice k. When the filter or the diversity caps leave
      // fewer than k, retrieve four times deeper once before scoring every room.
      int depth = (int) Math.min(Integer.MAX_VALUE / 8, Math.max(candidates, 2L * q.k()));
      for (int attempt = 0; attempt < 2; attempt++, depth = (int) Math.min(Integer.MAX_VALUE / 8, 4L * depth)) {
        List<RoomEntry> found = retrieve(ctx, s, q.atMillis(), depth);
        List<Scored<LiveRoom>> out = rank(ctx, s, found, q);
        if (out.size() == q.k() || out.size() == s.live() || found.size() >= s.live()) {
          return out;
        }
      }
    }
    List<RoomEntry> all = new ArrayList<>(s.base().size() + s.fresh().length);
    Collections.addAll(all, s.base().entries);
    Collections.addAll(all, s.fresh());
    return rank(ctx, s, all, q);
  }

  private List<Scored<LiveRoom>> rank(ViewerContext ctx, RoomStore.Snapshot s, List<RoomEntry> found, LiveQuery q) {
    int n = 0;
    LiveRoom[] rooms = new LiveRoom[found.size()];
    float[][] vectors = new float[found.size()][];
    int[] anchors = new int[found.size()];
    for (RoomEntry e : found) {
      LiveRoom r = e.room;
      if (e.removed || !r.isLiveAt(q.atMillis()) || q.hiddenRoomIds().contains(r.id()) || !q.filter().test(r)) {
        continue;
      }
      rooms[n] = r;
      vectors[n] = e.vector;
      anchors[n++] = e.anchor;
    }
    if (n == 0) {
      return List.of();
    }
    double mean = ctx.profile == null ? Double.NaN : Vectors.dot(ctx.profile, s.meanVector());
    return RoomScorer.rank(ctx, rooms, vectors, anchors, n, mean, q.atMillis(), q.k());
  }

  private List<RoomEntry> retrieve(ViewerContext ctx, RoomStore.Snapshot s, long atMillis, int depth) {
    Set<RoomEntry> seen = Collections.newSetFromMap(new IdentityHashMap<>(depth * 4));
    List<RoomEntry> out = new ArrayList<>(depth * 4);
    int anchorsEach = Math.max(1, depth / 2);
    // Anchors the viewer watched, heaviest first: repeat viewing is the strongest regularity of live streaming.
    int start = out.size();
    if (ctx.session != null) {
      for (int i = 0; i < ctx.session.anchors().length; i++) {
        if (ctx.session.weights()[i] > 0) {
          addRooms(store.ofAnchor(ctx.session.anchors()[i]), seen, out, start, depth);
        }
      }
    }
    if (ctx.u >= 0) {
      addAnchors(top(model.viewerAnchorWeights[ctx.u], anchorsEach, true), seen, out, start, depth);
    }
    // The anchors the collaborative model likes best among those live now.
    if (ctx.alsVector != null || ctx.easeScores != null) {
      int m = store.anchors();
      float[] score = new float[m];
      for (int a = 0; a < m; a++) {
        score[a] = store.ofAnchor(a) != null ? (float) ctx.cf(a) : Float.NEGATIVE_INFINITY;
      }
      addAnchors(top(score, anchorsEach, false), seen, out, out.size(), depth);
    }
    // Rooms like what the viewer watches.
    if (ctx.profile != null && model.weights().content() > 0) {
      EntryHeap near = new EntryHeap(depth);
      s.base().search(ctx.profile, Math.max(searchBeam, depth), near);
      for (RoomEntry e : s.fresh()) {
        if (!e.removed) {
          near.offer(e, Vectors.dot(ctx.profile, e.vector));
        }
      }
      for (int i = 0; i < near.size(); i++) {
        add(near.entry(i), seen, out);
      }
    }
    RoomEntry[] trend = trending(s, atMillis).rooms();
    for (int i = 0; i < trend.length && i < depth / 2; i++) {
      add(trend[i], seen, out);
    }
    return out;
  }

  /** Adds the anchors' rooms in the order given, until the channel that began at {@code start} is full. */
  private void addAnchors(int[] anchors, Set<RoomEntry> seen, List<RoomEntry> out, int start, int depth) {
    for (int a : anchors) {
      if (!addRooms(store.ofAnchor(a), seen, out, start, depth)) {
        return;
      }
    }
  }

  /** Adds rooms while the channel that began at {@code start} holds fewer than {@code depth}; false when full. */
  private static boolean addRooms(RoomEntry[] rooms, Set<RoomEntry> seen, List<RoomEntry> out, int start,
      int depth) {
    if (rooms != null) {
      for (RoomEntry e : rooms) {
        if (out.size() - start >= depth) {
          return false;
        }
        add(e, seen, out);
      }
    }
    return out.size() - start < depth;
  }

  private static void add(RoomEntry e, Set<RoomEntry> seen, List<RoomEntry> out) {
    if (!e.removed && seen.add(e)) {
      out.add(e);
    }
  }

  /**
   * The indexes of the {@code k} largest values whose anchor is live, best first (ties: the smaller index).
   * {@link Float#NEGATIVE_INFINITY} never qualifies, and with {@code positiveOnly} nothing at or below 0 does.
   */
  private int[] top(float[] values, int k, boolean positiveOnly) {
    IntTopK best = new IntTopK(k);
    for (int a = 0; a < values.length; a++) {
      if (values[a] != Float.NEGATIVE_INFINITY && (!positiveOnly || values[a] > 0)
          && store.ofAnchor(a) != null) {
        best.offer(a, values[a]);
      }
    }
    return best.drainBestFirst();
  }

  /**
   * The popular and rising rooms for the minute of {@code atMillis}: recomputed (one pass over the live rooms) by
   * the first request of a new minute, or once the live rooms have changed by a tenth; rooms added since join then.
   */
  private Trending trending(RoomStore.Snapshot s, long atMillis) {
    long minute = atMillis / MINUTE;
    Trending t = trending;
    if (fresh(t, minute, s.live())) {
      return t;
    }
    synchronized (trendingLock) {
      t = trending;
      if (fresh(t, minute, s.live())) {
        return t;
      }
      // Ranked by the part of the blend that is the same for every viewer (popularity and momentum), so a viewer
      // with no history gets exactly the exact scan's answer; by popularity alone when the blend weighs neither.
      BlendWeights w = model.weights();
      double pw = w.popularity() == 0 && w.momentum() == 0 ? 1 : w.popularity();
      EntryHeap top = new EntryHeap(candidates);
      for (RoomEntry[] part : List.of(s.base().entries, s.fresh())) {
        for (RoomEntry e : part) {
          if (e.removed || !e.room.isLiveAt(atMillis)) {
            continue;
          }
          double score = e.anchor >= 0 ? pw * model.anchorPopularity[e.anchor] : 0;
          if (w.momentum() > 0) {
            long packed = model.momentum().packedCounts(e.room.id(), atMillis);
            long recent = RoomMomentum.recent(packed);
            long before = RoomMomentum.before(packed);
            if (recent + before >= 5) {
              score += w.momentum() * Math.tanh((recent - before) / (double) Math.max(before, 1));
            }
          }
          top.offer(e, (float) score);
        }
      }
      RoomEntry[] both = top.drainBestFirst();
      t = new Trending(minute, s.live(), both);
      trending = t;
      return t;
    }
  }

  /** Current: the same minute, and the live rooms have not grown or shrunk by a tenth since (a bulk load). */
  private static boolean fresh(Trending t, long minute, int live) {
    return t.minute() == minute && Math.abs(live - t.live()) <= t.live() / 10;
  }
}
