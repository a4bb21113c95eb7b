package io.livecommerce.recommend;

import io.livecommerce.Scored;
import io.livecommerce.domain.LiveRoom;
import io.livecommerce.domain.WatchEvent;
import io.livecommerce.internal.Checks;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Next-room replay, as the live-streaming literature measures recommenders (LiveRec, Rappaz et al., RecSys 2021):
 * a held-out window streams in time order; at each arrival (a watch that counts as positive under the model's
 * event weights) every method ranks the rooms live at that moment for that viewer, using only what came before,
 * and scores whether the room the viewer entered is in its top k. Then the event is fed to the methods that learn
 * from it. Arrivals split into <em>repeat</em> (an anchor the viewer watched before, in training or earlier in the
 * window) and <em>new</em>.
 *
 * <p>Methods: {@code in-session} (a {@link LiveRoomIndex} fed every event), {@code in-session exact} (the same,
 * scoring every live room instead of retrieving), {@code static} (the trained model, events feeding momentum only,
 * as an offline snapshot serves), {@code popularity} (the room's arrivals so far in the window, then the anchor's
 * trained popularity) and {@code repeat-last} (the viewer's anchors by their last watch, then popularity).
 *
 * <p>Stateless and thread-safe; each run works on fresh copies of the model's live state, never the model's own.
 */
public final class NextRoomReplay {

  private static final int K = 10;

  private NextRoomReplay() {}

  /**
   * Replays {@code window} against {@code model}.
   *
   * @param rooms rooms that may be live during the window (more is fine); ids unique
   * @param window the held-out events, any order (sorted by time here; ties keep their order)
   * @param maxArrivals score at most this many arrivals, the first ones in time, {@code > 0}; later events are still
   *     fed to the methods
   * @throws IllegalArgumentException if an argument is null, an event names a room not in {@code rooms}, or ids
   *     repeat
   * @throws InterruptedException if interrupted while the index embeds the rooms
   */
  public static Report run(HybridRoomRecommender model, List<LiveRoom> rooms, List<WatchEvent> window,
      int maxArrivals) throws InterruptedException {
    Checks.notNull(model, "model");
    List<LiveRoom> roomList = Checks.copyNoNulls(Checks.notNull(rooms, "rooms"), "rooms");
    List<WatchEvent> events = new ArrayList<>(Checks.copyNoNulls(Checks.notNull(window, "window"), "window"));
    Checks.positive(maxArrivals, "maxArrivals");
    Map<String, LiveRoom> byId = new HashMap<>();
    for (LiveRoom r : roomList) {
      if (byId.put(r.id(), r) != null) {
        throw new IllegalArgumentException("rooms contains id " + Checks.quote(r.id()) + " twice");
      }
    }
    for (int i = 0; i < events.size(); i++) {
      if (!byId.containsKey(events.get(i).roomId())) {
        throw new IllegalArgumentException("window[" + i + "].roomId " + Checks.quote(events.get(i).roomId())
            + " is not among rooms");
      }
    }
    events.sort(Comparator.comparingLong(WatchEvent::timestampMillis));
    HybridRoomRecommender staticModel = model.withoutLiveState();
    ConfidenceWeights confidence = model.config.live().confidence();
    Map<String, Tally> tallies = new LinkedHashMap<>();
    for (String m : List.of("in-session", "in-session exact", "static", "popularity", "repeat-last")) {
      tallies.put(m, new Tally());
    }
    try (LiveRoomIndex live = LiveRoomIndex.newBuilder(model.withoutLiveState()).build();
        LiveRoomIndex still = LiveRoomIndex.newBuilder(staticModel).build()) {
      live.addAll(roomList);
      still.addAll(roomList);
      live.awaitIndexed();
      still.awaitIndexed();
      Map<String, Integer> arrivals = new HashMap<>();
      Map<String, Map<String, Long>> lastWatch = new HashMap<>(); // viewer -> anchor -> time, in the window
      int scored = 0;
      for (WatchEvent e : events) {
        LiveRoom room = byId.get(e.roomId());
        boolean arrival = confidence.score(e) > 0 && room.isLiveAt(e.timestampMillis());
        if (arrival && scored < maxArrivals) {
          scored++;
          long t = e.timestampMillis();
          int u = model.cf.userIndexOf(e.viewerId());
          int a = model.cf.itemIndexOf(room.anchorId());
          Map<String, Long> mine = lastWatch.getOrDefault(e.viewerId(), Map.of());
          boolean repeat = mine.containsKey(room.anchorId())
              || (u >= 0 && a >= 0 && !Double.isNaN(model.repeat.hoursAgo(u, a, t)));
          LiveQuery q = LiveQuery.of(e.viewerId(), t, K);
          tallies.get("in-session").add(rank(ids(live.recommend(q)), e.roomId()), repeat);
          tallies.get("in-session exact").add(rank(ids(live.recommendExact(q)), e.roomId()), repeat);
          tallies.get("static").add(rank(ids(still.recommend(q)), e.roomId()), repeat);
          List<LiveRoom> liveNow = roomList.stream().filter(r -> r.isLiveAt(t)).toList();
          tallies.get("popularity").add(rank(byPopularity(model, liveNow, arrivals), e.roomId()), repeat);
          tallies.get("repeat-last").add(rank(byRepeat(model, liveNow, arrivals, u, mine, t), e.roomId()),
              repeat);
        }
        live.observe(e);
        staticModel.observe(e);
        arrivals.merge(e.roomId(), 1, Integer::sum);
        if (confidence.score(e) > 0) {
          lastWatch.computeIfAbsent(e.viewerId(), v -> new HashMap<>()).merge(room.anchorId(),
              e.timestampMillis(), Math::max);
        }
      }
    }
    List<Row> rows = new ArrayList<>();
    tallies.forEach((name, t) -> rows.addAll(t.rows(name)));
    return new Report(List.copyOf(rows));
  }

  private static List<String> ids(List<Scored<LiveRoom>> s) {
    List<String> out = new ArrayList<>(s.size());
    s.forEach(x -> out.add(x.item().id()));
    return out;
  }

  /** 1-based rank of {@code room} in {@code ranked}'s first K, or 0. */
  private static int rank(List<String> ranked, String room) {
    int i = ranked.subList(0, Math.min(K, ranked.size())).indexOf(room);
    return i + 1;
  }

  private static List<String> byPopularity(HybridRoomRecommender m, List<LiveRoom> live,
      Map<String, Integer> arrivals) {
    return live.stream().sorted(Comparator.<LiveRoom>comparingInt(r -> arrivals.getOrDefault(r.id(), 0)).reversed()
        .thenComparing(Comparator.<LiveRoom>comparingDouble(r -> popularity(m, r)).reversed())
        .thenComparing(LiveRoom::id)).limit(K).map(LiveRoom::id).toList();
  }

  private static double popularity(HybridRoomRecommender m, LiveRoom r) {
    int a = m.cf.itemIndexOf(r.anchorId());
    return a < 0 ? 0 : m.anchorPopularity[a];
  }

  private static List<String> byRepeat(HybridRoomRecommender m, List<LiveRoom> live, Map<String, Integer> arrivals,
      int u, Map<String, Long> mine, long t) {
    Map<String, Double> hoursAgo = new HashMap<>();
    for (LiveRoom r : live) {
      int a = m.cf.itemIndexOf(r.anchorId());
      double h = u >= 0 && a >= 0 ? m.repeat.hoursAgo(u, a, t) : Double.NaN;
      Long w = mine.get(r.anchorId());
      if (w != null) {
        h = Double.isNaN(h) ? (t - w) / 3.6e6 : Math.min(h, (t - w) / 3.6e6);
      }
      if (!Double.isNaN(h)) {
        hoursAgo.put(r.id(), h);
      }
    }
    List<String> popular = byPopularity(m, live, arrivals);
    List<String> out = new ArrayList<>(hoursAgo.keySet());
    out.sort(Comparator.<String>comparingDouble(hoursAgo::get).thenComparing(Comparator.naturalOrder()));
    for (String id : popular) {
      if (out.size() >= K) {
        break;
      }
      if (!hoursAgo.containsKey(id)) {
        out.add(id);
      }
    }
    return out.subList(0, Math.min(K, out.size()));
  }

  /** Hits and gains of one method, for all arrivals and per segment. */
  private static final class Tally {
    final double[][] sums = new double[3][5]; // segment x (n, hr1, hr5, hr10, ndcg10)

    void add(int rank, boolean repeat) {
      for (int s : new int[] {0, repeat ? 1 : 2}) {
        sums[s][0]++;
        sums[s][1] += rank == 1 ? 1 : 0;
        sums[s][2] += rank >= 1 && rank <= 5 ? 1 : 0;
        sums[s][3] += rank >= 1 ? 1 : 0;
        sums[s][4] += rank >= 1 ? 1 / (Math.log(rank + 1) / Math.log(2)) : 0;
      }
    }

    List<Row> rows(String method) {
      List<Row> out = new ArrayList<>();
      String[] names = {"all", "repeat", "new"};
      for (int s = 0; s < 3; s++) {
        double n = Math.max(1, sums[s][0]);
        out.add(new Row(method, names[s], (int) sums[s][0], sums[s][1] / n, sums[s][2] / n, sums[s][3] / n,
            sums[s][4] / n));
      }
      return out;
    }
  }

  /**
   * One method on one segment of arrivals.
   *
   * @param method in-session, in-session exact, static, popularity or repeat-last
   * @param segment all, repeat or new
   * @param arrivals arrivals scored
   * @param hr1 share of arrivals whose room was ranked first
   * @param hr5 share within the top 5
   * @param hr10 share within the top 10
   * @param ndcg10 mean 1/log2(rank + 1) within the top 10, 0 outside
   */
  public record Row(String method, String segment, int arrivals, double hr1, double hr5, double hr10,
      double ndcg10) {}

  /**
   * A replay's rows, method by method, segment by segment. Immutable and thread-safe.
   *
   * @param rows every method × segment
   */
  public record Report(List<Row> rows) {

    /** Copies the rows. */
    public Report {
      rows = List.copyOf(rows);
    }

    /** The row of {@code method} and {@code segment}. */
    public Row row(String method, String segment) {
      return rows.stream().filter(r -> r.method().equals(method) && r.segment().equals(segment)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("no row for " + method + " / " + segment));
    }

    /** A text table: one line per method and segment. */
    public String table() {
      StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-18s %-7s %8s %6s %6s %6s %8s%n", "method",
          "segment", "arrivals", "HR@1", "HR@5", "HR@10", "NDCG@10"));
      for (Row r : rows) {
        sb.append(String.format(Locale.ROOT, "%-18s %-7s %8d %6.3f %6.3f %6.3f %8.3f%n", r.method(), r.segment(),
            r.arrivals(), r.hr1(), r.hr5(), r.hr10(), r.ndcg10()));
      }
      return sb.toString();
    }
  }
}
