package io.livecommerce.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livecommerce.Scored;
import io.livecommerce.domain.LiveRoom;
import io.livecommerce.domain.WatchEvent;
import io.livecommerce.embed.HashingTextEmbedder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepeatSignalTest {

  static final long HOUR = 3_600_000L;
  static final long DAY = 24 * HOUR;

  @Test
  void bucketsHaveTheDocumentedEdges() {
    assertEquals(0, RepeatSignal.bucket(0));
    assertEquals(0, RepeatSignal.bucket(23.9));
    assertEquals(1, RepeatSignal.bucket(24));
    assertEquals(2, RepeatSignal.bucket(100));
    assertEquals(3, RepeatSignal.bucket(168));
    assertEquals(4, RepeatSignal.bucket(720));
  }

  @Test
  void ratesAreTheShareOfPairsThatCameBackInTheLastDay() {
    // Viewers 0-3 are active in the last day (after the cut at end - 24 h). Before the cut, pairs were last watched
    // 10 h before it (bucket 0: viewers 0, 1, 2 with anchor 0) or 10 days before it (bucket 3: viewers 0-3 with
    // anchor 1). In the last day viewers 0 and 1 return to anchor 0 and viewer 3 watches anchor 2 only.
    long end = 100 * DAY;
    long cut = end - DAY;
    List<int[]> va = new ArrayList<>();
    List<Long> t = new ArrayList<>();
    for (int v = 0; v < 3; v++) {
      va.add(new int[] {v, 0});
      t.add(cut - 10 * HOUR);
    }
    for (int v = 0; v < 4; v++) {
      va.add(new int[] {v, 1});
      t.add(cut - 10 * DAY);
    }
    va.add(new int[] {0, 0});
    t.add(cut + HOUR);
    va.add(new int[] {1, 0});
    t.add(end);
    va.add(new int[] {2, 2});
    t.add(cut + 2 * HOUR);
    va.add(new int[] {3, 2});
    t.add(cut + 2 * HOUR);
    int[] viewers = va.stream().mapToInt(x -> x[0]).toArray();
    int[] anchors = va.stream().mapToInt(x -> x[1]).toArray();
    RepeatSignal s = RepeatSignal.fit(4, 3, viewers, anchors, t.stream().mapToLong(Long::longValue).toArray());
    assertEquals((2 + 1) / (3 + 2.0), s.rates[0], 1e-6, "2 of 3 pairs in bucket 0 came back");
    assertEquals((0 + 1) / (4 + 2.0), s.rates[3], 1e-6, "none of 4 pairs in bucket 3 came back");
    assertEquals(0.5, s.rates[1], 1e-6, "no pair: the prior");
    // As seen at the end: viewer 1 watched anchor 0 just now, viewer 3 never watched anchor 0.
    assertEquals(0, s.bucketAt(1, 0, end));
    assertEquals(-1, s.bucketAt(3, 0, end));
    assertEquals(0, s.rateOf(s.bucketAt(3, 0, end)));
    // Two days later, viewer 1's last watch of anchor 0 has moved to the 1-3 day bucket.
    assertEquals(1, s.bucketAt(1, 0, end + 2 * DAY));
  }

  /** Rooms of anchors a0 and a1, live now; viewer "me" watched a1 a lot 20 days ago and a0 once an hour ago. */
  static List<WatchEvent> log(long now, List<LiveRoom> rooms) {
    List<WatchEvent> events = new ArrayList<>();
    // Many viewers come back to an anchor within a day, rarely after weeks: the rate the signal learns.
    for (int v = 0; v < 40; v++) {
      for (int d = 30; d >= 1; d--) {
        String anchor = d > 10 ? "a1" : "a0";
        events.add(new WatchEvent("v" + v, "r-" + anchor + "-" + d, now - d * DAY, 600, 0, 0, 0, 0, 0));
      }
    }
    for (int d = 25; d >= 20; d--) {
      events.add(new WatchEvent("me", "r-a1-" + d, now - d * DAY, 1800, 0, 0, 0, 0, 0));
    }
    events.add(new WatchEvent("me", "r-a0-1", now - HOUR, 300, 0, 0, 0, 0, 0));
    return events;
  }

  static List<LiveRoom> rooms(long now) {
    List<LiveRoom> rooms = new ArrayList<>();
    for (int d = 0; d <= 30; d++) {
      for (String a : List.of("a0", "a1")) {
        long start = d == 0 ? now - HOUR : now - d * DAY - HOUR;
        rooms.add(new LiveRoom("r-" + a + "-" + d, a, "直播 " + a, "", List.of(), "美妆", start, start + 4 * HOUR));
      }
    }
    return rooms;
  }

  @Test
  void recentViewingLiftsTheAnchorAndSaysWhy(@TempDir Path dir) throws Exception {
    long now = 200 * DAY;
    List<LiveRoom> rooms = rooms(now);
    HybridRoomTrainer trainer = HybridRoomRecommender.newBuilder().embedder(HashingTextEmbedder.create())
        .halfLifeDays(0).als(ImplicitAls.newBuilder().factors(2).iterations(5).seed(1).build());
    List<LiveRoom> live = rooms.stream().filter(r -> r.isLiveAt(now)).toList();
    HybridRoomRecommender cfOnly = trainer.weights(new BlendWeights(0, 0, 1, 0)).train(rooms, log(now, rooms));
    HybridRoomRecommender withRepeat = cfOnly.withWeights(new BlendWeights(0, 0, 1, 0, 1));
    List<Scored<LiveRoom>> recs = withRepeat.recommend(RoomQuery.of("me", live, now, 2));
    assertEquals("a0", recs.get(0).item().anchorId(), recs.toString());
    assertEquals("you watched a0 in the last day", recs.get(0).reasons().get(0).text());
    // Saved and loaded, the signal and its weight are kept.
    Path file = dir.resolve("rooms.model");
    withRepeat.save(file);
    HybridRoomRecommender back = HybridRoomRecommender.load(file, HashingTextEmbedder.create());
    assertEquals(1.0, back.weights().repeat());
    assertEquals(recs.stream().map(s -> s.item().id() + s.score()).toList(),
        back.recommend(RoomQuery.of("me", live, now, 2)).stream().map(s -> s.item().id() + s.score()).toList());
  }

  @Test
  void theGenericRecommenderRefusesARepeatWeightInsteadOfDroppingIt() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ImplicitRecommender.newBuilder().weights(new BlendWeights(1, 0, 0, 0, 0.5)));
    assertTrue(e.getMessage().contains("repeat") && e.getMessage().contains("0.5"), e.getMessage());
  }
}
