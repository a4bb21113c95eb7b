package io.livecommerce.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livecommerce.Scored;
import io.livecommerce.domain.LiveRoom;
import io.livecommerce.domain.WatchEvent;
import io.livecommerce.embed.HashingTextEmbedder;
import io.livecommerce.embed.TextEmbedder;
import io.livecommerce.math.Vectors;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiveRoomIndexTest {

  static LiveWorld world;
  static HybridRoomRecommender rec;

  @BeforeAll
  static void train() {
    world = new LiveWorld(400, 3, 21);
    rec = HybridRoomRecommender.newBuilder()
        .embedder(HashingTextEmbedder.create())
        .anchors(world.anchors)
        .als(ImplicitAls.newBuilder().factors(16).iterations(10).seed(3).build())
        .train(world.rooms, world.train);
  }

  private static LiveRoomIndex index(HybridRoomRecommender model) throws InterruptedException {
    LiveRoomIndex index = LiveRoomIndex.newBuilder(model).build();
    index.addAll(world.liveNow);
    index.awaitIndexed();
    return index;
  }

  private static List<String> ids(List<Scored<LiveRoom>> s) {
    return s.stream().map(x -> x.item().id()).collect(Collectors.toList());
  }

  private static String category(String roomId) {
    return world.liveNow.stream().filter(r -> r.id().equals(roomId)).findFirst().orElseThrow().category();
  }

  /** A long, engaged watch of {@code room} at {@code at}. */
  private static WatchEvent engaged(String viewer, LiveRoom room, long at) {
    return new WatchEvent(viewer, room.id(), at, 900, 10, 2, 0, 0, 1);
  }

  @Test
  void servesWhatTheModelServesForExplicitCandidates() throws Exception {
    HybridRoomRecommender fresh = rec.withWeights(rec.weights());
    try (LiveRoomIndex index = index(fresh)) {
      for (String v : List.of("v0", "v1", "v17", "v123", "nobody")) {
        List<String> served = ids(index.recommend(LiveQuery.of(v, world.now, 10)));
        assertEquals(ids(index.recommendExact(LiveQuery.of(v, world.now, 10))), served, v);
        assertEquals(ids(fresh.recommend(RoomQuery.of(v, world.liveNow, world.now, 10))), served, v);
      }
    }
  }

  @Test
  void aViewerUnknownAtTrainingBecomesKnownFromTheirFirstEvents() throws Exception {
    try (LiveRoomIndex index = index(rec.withWeights(rec.weights()))) {
      String viewer = "newcomer";
      List<Scored<LiveRoom>> before = index.recommend(LiveQuery.of(viewer, world.now, 10));
      assertTrue(before.stream().noneMatch(s -> s.explanation().contains("you")), before.toString());
      List<LiveRoom> digital = world.liveNow.stream().filter(r -> r.category().equals("数码")).toList();
      index.observe(engaged(viewer, digital.get(0), world.now - 600_000));
      index.observe(engaged(viewer, digital.get(1), world.now - 300_000));
      List<Scored<LiveRoom>> after = index.recommend(LiveQuery.of(viewer, world.now, 10));
      long digitalBefore = before.stream().filter(s -> s.item().category().equals("数码")).count();
      long digitalAfter = after.subList(0, 5).stream().filter(s -> s.item().category().equals("数码")).count();
      assertTrue(digitalAfter >= 3 && digitalAfter > digitalBefore / 2, before + "\n" + after);
      assertTrue(after.get(0).explanation().contains("you"), after.get(0).explanation());
      assertEquals(1, index.stats().sessions());
    }
  }

  @Test
  void whatAViewerWatchedInTheLastFifteenMinutesChangesTheirList() throws Exception {
    try (LiveRoomIndex index = index(rec.withWeights(rec.weights()))) {
      String viewer = "v0";
      List<String> before = ids(index.recommend(LiveQuery.of(viewer, world.now, 10)));
      String usual = category(before.get(0));
      List<LiveRoom> other = world.liveNow.stream().filter(r -> !r.category().equals(usual))
          .filter(r -> r.category().equals("茶酒") || r.category().equals("家居")).toList();
      String target = other.get(0).category();
      List<LiveRoom> targetRooms = other.stream().filter(r -> r.category().equals(target)).toList();
      for (int i = 0; i < 5; i++) {
        index.observe(engaged(viewer, targetRooms.get(i % targetRooms.size()), world.now - 15 * 60_000 + i * 120_000));
      }
      List<String> after = ids(index.recommend(LiveQuery.of(viewer, world.now, 10)));
      long inBefore = before.stream().filter(id -> category(id).equals(target)).count();
      long inAfter = after.stream().filter(id -> category(id).equals(target)).count();
      assertNotEquals(before, after);
      assertTrue(inAfter >= inBefore + 2, target + ": " + before + " -> " + after);
      // The static model, with the same events only as momentum, does not move the same way.
      List<String> staticList = ids(index.model().recommend(RoomQuery.of(viewer, world.liveNow, world.now, 10)));
      assertEquals(inBefore, staticList.stream().filter(id -> category(id).equals(target)).count());
    }
  }

  @Test
  void foldingInATrainedViewerGivesBackTheirTrainedVector() {
    for (int u = 0; u < 20; u++) {
      float[] weights = rec.viewerAnchorWeights[u];
      int[] items = new int[weights.length];
      float[] w = new float[weights.length];
      int n = 0;
      for (int a = 0; a < weights.length; a++) {
        if (weights[a] != 0) {
          items[n] = a;
          w[n++] = weights[a];
        }
      }
      float[] folded = rec.cf.foldIn(items, w, n, 5, 0.1);
      float[] trained = rec.cf.userFactors(u);
      assertTrue(Vectors.cosine(folded, trained) > 0.97, "viewer " + u + ": " + Vectors.cosine(folded, trained));
    }
  }

  @Test
  void sessionsExpireAndStayBounded() throws Exception {
    try (LiveRoomIndex index = LiveRoomIndex.newBuilder(rec.withWeights(rec.weights()))
        .sessionTtl(Duration.ofMinutes(30)).maxSessions(10).build()) {
      index.addAll(world.liveNow);
      index.awaitIndexed();
      List<String> cold = ids(index.recommend(LiveQuery.of("stranger", world.now, 10)));
      index.observe(engaged("stranger", world.liveNow.get(37), world.now - 1000));
      assertNotEquals(cold, ids(index.recommend(LiveQuery.of("stranger", world.now, 10))));
      long later = world.now + Duration.ofMinutes(31).toMillis();
      assertEquals(ids(index.recommend(LiveQuery.of("stranger-2", later, 10))),
          ids(index.recommend(LiveQuery.of("stranger", later, 10))), "an expired session counts for nothing");
      for (int v = 0; v < 100; v++) {
        index.observe(engaged("x" + v, world.liveNow.get(v % world.liveNow.size()), world.now + v));
      }
      assertTrue(index.stats().sessions() <= 10, index.stats().toString());
    }
  }

  @Test
  void removedHiddenFilteredAndNotYetLiveRoomsNeverAppear() throws Exception {
    try (LiveRoomIndex index = index(rec.withWeights(rec.weights()))) {
      List<String> top = ids(index.recommend(LiveQuery.of("v3", world.now, 10)));
      assertTrue(index.remove(top.get(0)));
      assertFalse(index.remove(top.get(0)));
      List<String> after = ids(index.recommend(LiveQuery.of("v3", world.now, 10).hiding(Set.of(top.get(1)))));
      assertFalse(after.contains(top.get(0)) || after.contains(top.get(1)), after.toString());
      List<Scored<LiveRoom>> tea = index.recommend(
          LiveQuery.of("v3", world.now, 5).filter(r -> r.category().equals("茶酒")));
      assertEquals(5, tea.size());
      assertTrue(tea.stream().allMatch(s -> s.item().category().equals("茶酒")), tea.toString());
      LiveRoom tomorrow = new LiveRoom("later", "a1", "明晚 口红专场", "", List.of("口红"), "美妆",
          world.now + 86_400_000L, LiveRoom.ONGOING);
      index.add(tomorrow);
      index.awaitIndexed();
      assertEquals(world.liveNow.size(), index.stats().liveRooms());
      assertFalse(ids(index.recommend(LiveQuery.of("v3", world.now, 40))).contains("later"));
    }
  }

  /** Counts the texts it embeds. */
  private static final class CountingEmbedder implements TextEmbedder {
    final TextEmbedder inner = HashingTextEmbedder.create();
    final AtomicInteger texts = new AtomicInteger();

    @Override
    public int dimension() {
      return inner.dimension();
    }

    @Override
    public String identity() {
      return inner.identity();
    }

    @Override
    public float[] embed(String text) {
      texts.incrementAndGet();
      return inner.embed(text);
    }

    @Override
    public void close() {}
  }

  private static List<LiveRoom> manyRooms(int n) {
    List<LiveRoom> rooms = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      LiveRoom base = world.liveNow.get(i % world.liveNow.size());
      rooms.add(new LiveRoom("m" + i, base.anchorId(), base.title() + " 第" + i + "场", base.description(),
          base.tags(), base.category(), base.startMillis(), LiveRoom.ONGOING));
    }
    return rooms;
  }

  @Test
  void concurrentCallersEmbedEachRoomOnce(@TempDir Path dir) throws Exception {
    CountingEmbedder counting = new CountingEmbedder();
    HybridRoomRecommender model = HybridRoomRecommender.newBuilder().embedder(counting).anchors(world.anchors)
        .als(ImplicitAls.newBuilder().factors(8).iterations(3).seed(3).build()).train(world.rooms, world.train);
    List<LiveRoom> rooms = manyRooms(600);
    int trainingTexts = counting.texts.get();
    try (LiveRoomIndex index = LiveRoomIndex.newBuilder(model).embedBatchSize(32).build()) {
      ExecutorService pool = Executors.newFixedThreadPool(4);
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        done.add(pool.submit(() -> rooms.forEach(index::add)));
      }
      for (Future<?> f : done) {
        f.get();
      }
      pool.shutdown();
      index.awaitIndexed();
      assertEquals(600, index.stats().liveRooms());
      assertTrue(counting.texts.get() - trainingTexts <= 600 + 4 * 32,
          "embedded " + (counting.texts.get() - trainingTexts) + " texts for 600 rooms");
      index.addAll(rooms); // same text again: no embedding
      index.awaitIndexed();
      int afterFirst = counting.texts.get();
      Path saved = dir.resolve("rooms.vectors");
      index.saveVectors(saved);
      try (LiveRoomIndex restarted = LiveRoomIndex.newBuilder(model).build()) {
        assertEquals(600, restarted.warm(saved));
        restarted.addAll(rooms);
        restarted.awaitIndexed();
        assertEquals(afterFirst, counting.texts.get(), "a warmed index embeds nothing it saved");
        assertEquals(ids(index.recommend(LiveQuery.of("v5", world.now, 10))),
            ids(restarted.recommend(LiveQuery.of("v5", world.now, 10))));
      }
    }
  }

  @Test
  void aFailingEmbedderIsReportedAndTheRoomsStayOut() throws Exception {
    TextEmbedder failing = hooked(text -> {
      if (text.contains("坏")) {
        throw new IllegalStateException("model server down");
      }
    });
    HybridRoomRecommender model = HybridRoomRecommender.load(saveModel(), failing);
    try (LiveRoomIndex index = LiveRoomIndex.newBuilder(model).build()) {
      index.add(new LiveRoom("bad", "a1", "坏房间", "", List.of(), "", 0, LiveRoom.ONGOING));
      IllegalStateException e = assertThrows(IllegalStateException.class, index::awaitIndexed);
      assertTrue(e.getMessage().contains("'bad'") && e.getMessage().contains("model server down"), e.getMessage());
      assertEquals(0, index.stats().liveRooms());
    }
  }

  /** The trained embedder, calling {@code beforeEmbed} with each text first (to fail or to hold it). */
  private static TextEmbedder hooked(java.util.function.Consumer<String> beforeEmbed) {
    return new TextEmbedder() {
      @Override
      public int dimension() {
        return rec.embedder.dimension();
      }

      @Override
      public String identity() {
        return rec.embedder.identity();
      }

      @Override
      public float[] embed(String text) {
        beforeEmbed.accept(text);
        return rec.embedder.embed(text);
      }

      @Override
      public void close() {}
    };
  }

  @TempDir
  static Path modelDir;

  private static Path saveModel() throws Exception {
    Path p = modelDir.resolve("rooms.model");
    if (!java.nio.file.Files.exists(p)) {
      rec.save(p);
    }
    return p;
  }

  @Test
  void aSavedModelKeepsWhatInSessionUpdatesNeed() throws Exception {
    HybridRoomRecommender loaded = HybridRoomRecommender.load(saveModel(), rec.embedder);
    assertEquals(rec.config.live(), loaded.config.live());
  }

  @Test
  void concurrentRequestsEventsAndRoomChangesStayConsistent() throws Exception {
    // A graph from 32 rooms on, so requests search HNSW graphs while rooms come and go.
    try (LiveRoomIndex index = LiveRoomIndex.newBuilder(rec.withWeights(rec.weights())).graphFrom(32)
        .embedBatchSize(16).build()) {
      index.addAll(world.liveNow);
      index.awaitIndexed();
      List<LiveRoom> extra = manyRooms(300);
      ExecutorService pool = Executors.newFixedThreadPool(4);
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int thread = t;
        done.add(pool.submit(() -> {
          for (int i = 0; i < 300; i++) {
            String viewer = "v" + ((i * 7 + thread) % 60);
            switch (thread) {
              case 0 -> index.add(extra.get(i));
              case 1 -> index.remove("m" + (i / 2));
              case 2 -> index.observe(engaged(viewer, world.liveNow.get(i % world.liveNow.size()), world.now - i));
              default -> {
                List<Scored<LiveRoom>> got = index.recommend(LiveQuery.of(viewer, world.now, 10));
                assertEquals(10, got.size());
                for (int j = 1; j < got.size(); j++) {
                  assertTrue(got.get(j).score() <= got.get(j - 1).score());
                }
              }
            }
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
      pool.shutdown();
      index.awaitIndexed();
      for (int i = 0; i < 300; i++) {
        index.remove("m" + i);
      }
      List<String> served = ids(index.recommend(LiveQuery.of("v1", world.now, 60)));
      assertEquals(Set.copyOf(ids(world.liveNow.stream().map(r -> new Scored<>(r, 0, List.of())).toList())),
          Set.copyOf(served), "after every extra room is removed, exactly the original live rooms remain");
      assertEquals(world.liveNow.size(), index.stats().liveRooms());
    }
  }

  @Test
  void requestsNeverWaitForEmbedding() throws Exception {
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
    TextEmbedder slow = hooked(text -> {
      if (text.contains("慢")) {
        started.countDown();
        try {
          release.await(); // held until the request below has returned
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    });
    HybridRoomRecommender model = HybridRoomRecommender.load(saveModel(), slow);
    try (LiveRoomIndex index = LiveRoomIndex.newBuilder(model).build()) {
      index.addAll(world.liveNow);
      index.awaitIndexed();
      LiveRoom late = new LiveRoom("late", "a3", "慢慢来的口红专场", "", List.of("口红"), "美妆", 0, LiveRoom.ONGOING);
      index.add(late);
      started.await(); // the worker is inside the embedder now
      // Were a request to wait for that batch, this line would never return (the embedder waits for it).
      List<String> served = ids(index.recommend(LiveQuery.of("v9", world.now, 40)));
      assertFalse(served.contains("late"));
      assertEquals(world.liveNow.size(), index.stats().liveRooms());
      release.countDown();
      index.awaitIndexed();
      assertTrue(ids(index.recommend(LiveQuery.of("v9", world.now, 41))).contains("late"));
    }
  }

  @Test
  void aClosedIndexStillServesButTakesNoRooms() throws Exception {
    LiveRoomIndex index = index(rec.withWeights(rec.weights()));
    index.close();
    assertEquals(10, index.recommend(LiveQuery.of("v2", world.now, 10)).size());
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> index.add(world.liveNow.get(0)));
    assertTrue(e.getMessage().contains("closed"), e.getMessage());
    index.awaitIndexed(); // returns: nothing is left to wait for
  }

  @Test
  void badSettingsAndQueriesNameTheirField() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LiveQuery.of(" ", 0, 10));
    assertTrue(e.getMessage().contains("viewerId"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> LiveQuery.of("v", 0, 0));
    assertTrue(e.getMessage().contains("k"), e.getMessage());
    IllegalStateException s = assertThrows(IllegalStateException.class,
        () -> LiveRoomIndex.newBuilder(rec).candidates(500).searchBeam(100).build());
    assertTrue(s.getMessage().contains("searchBeam") && s.getMessage().contains("candidates"), s.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> LiveRoomIndex.newBuilder(rec).sessionTtl(Duration.ZERO));
    assertTrue(e.getMessage().contains("sessionTtl"), e.getMessage());
  }
}
