package io.livecommerce.benchmarks;

import com.sun.management.ThreadMXBean;
import io.livecommerce.Scored;
import io.livecommerce.domain.LiveRoom;
import io.livecommerce.domain.WatchEvent;
import io.livecommerce.embed.TextEmbedder;
import io.livecommerce.examples.Embedders;
import io.livecommerce.examples.world.World;
import io.livecommerce.examples.world.WorldGenerator;
import io.livecommerce.examples.world.WorldSize;
import io.livecommerce.recommend.HybridRoomRecommender;
import io.livecommerce.recommend.ImplicitAls;
import io.livecommerce.recommend.LiveQuery;
import io.livecommerce.recommend.LiveRoomIndex;
import io.livecommerce.recommend.RoomQuery;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Serving as a platform sees it: the large simulated world's model behind a {@link LiveRoomIndex} holding 1k, 10k
 * or 100k live rooms (the last day's 400 rooms plus generated ones: one in ten by the world's anchors, the rest by
 * anchors the model never saw, as on a platform where most rooms live now are by anchors a model trained on a
 * 400-anchor world cannot know). Reports the cold start (all rooms added at once, against the embedder's own batch
 * time, with a request thread running throughout), then p50/p95/p99 and throughput on 1, 2 and 4 request threads
 * (viewers drawn from the world, one in ten unknown, one in four with a session event just before), allocation per
 * request, heap, the retrieval's recall@200 against scoring every live room, and the old path (every live room
 * passed in the request) for comparison.
 *
 * <pre>
 * java -Xmx8g -cp benchmarks/target/benchmarks.jar io.livecommerce.benchmarks.ServingBenchmark \
 *     [--rooms 1000,10000,100000] [--model hashing|bge-small-zh] [--requests 3000] [--cold-start-only]
 * </pre>
 *
 * <p>A command-line program, not a test: it prints and is not thread-safe.
 */
public final class ServingBenchmark {

  private ServingBenchmark() {}

  public static void main(String[] args) throws Exception {
    List<Integer> sizes = List.of(1_000, 10_000, 100_000);
    String model = "hashing";
    int requests = 3_000;
    boolean coldStartOnly = false;
    for (int i = 0; i < args.length; i += 2) {
      switch (args[i]) {
        case "--cold-start-only" -> {
          coldStartOnly = true;
          i--;
        }
        case "--rooms" -> sizes = Arrays.stream(args[i + 1].split(",")).map(Integer::valueOf).toList();
        case "--model" -> model = args[i + 1];
        case "--requests" -> requests = Integer.parseInt(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    World w = WorldGenerator.generate(WorldSize.LARGE, 42);
    long dayStart = w.rooms().get(w.rooms().size() - 1).startMillis();
    long now = dayStart + 2 * 3_600_000L;
    List<WatchEvent> train = w.events().stream().filter(e -> e.timestampMillis() < now).toList();
    List<WatchEvent> recent = w.events().stream().filter(e -> e.timestampMillis() >= now - 900_000
        && e.timestampMillis() < now).toList();
    TextEmbedder embedder = Embedders.create(model);
    long t0 = System.nanoTime();
    HybridRoomRecommender rec = HybridRoomRecommender.newBuilder().embedder(embedder).anchors(w.anchors())
        .als(ImplicitAls.newBuilder().factors(32).iterations(10).seed(42).build()).maxPerCategory(3)
        .train(w.rooms(), train);
    System.out.printf(Locale.ROOT, "large world: %s; trained on %d events in %.1f s, embedder %s%n", w.summary(),
        train.size(), (System.nanoTime() - t0) / 1e9, embedder.identity());
    List<LiveRoom> dayRooms = w.rooms().stream().filter(r -> r.isLiveAt(now)).toList();
    for (int n : sizes) {
      List<LiveRoom> rooms = rooms(dayRooms, n, now);
      System.out.printf(Locale.ROOT, "%n== %,d live rooms%n", n);
      // The embedder alone on the same texts, in the index's batch size: the cold start's yardstick.
      List<String> texts = rooms.stream().map(LiveRoom::text).toList();
      long e0 = System.nanoTime();
      for (int i = 0; i < texts.size(); i += 64) {
        embedder.embedAll(texts.subList(i, Math.min(texts.size(), i + 64)));
      }
      double embedSeconds = (System.nanoTime() - e0) / 1e9;
      try (LiveRoomIndex index = LiveRoomIndex.newBuilder(rec).build()) {
        coldStart(index, rooms, now, embedSeconds);
        if (coldStartOnly) {
          continue;
        }
        recent.forEach(index::observe);
        System.gc();
        Runtime rt = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "heap after start-up and %d recent events: %,d MB (%s)%n", recent.size(),
            (rt.totalMemory() - rt.freeMemory()) >> 20, index.stats());
        List<String> viewers = viewers(w, 20_000);
        System.out.printf(Locale.ROOT, "content channel (HNSW, beam 800) against the exact scan: recall@200 %.3f "
            + "over 200 queries%n", index.contentRecall(200, 200, 1));
        System.out.println("threads  requests  req/s     p50 ms   p95 ms   p99 ms   KB/request");
        for (int threads : new int[] {1, 2, 4}) {
          load(index, viewers, now, threads, Math.max(500, requests / threads), rooms);
        }
        // The recall indexes start warm from this one's vectors (as a restarted node would), so only the graph is
        // built again.
        java.nio.file.Path vectors = java.nio.file.Files.createTempFile("serving", ".vectors");
        index.saveVectors(vectors);
        recall(rec, rooms, viewers.subList(0, 200), now, recent, vectors);
        java.nio.file.Files.deleteIfExists(vectors);
        oldPath(rec, rooms, viewers, now);
      }
    }
  }

  /** The day's rooms, then generated ones: one in ten by the world's anchors, the rest by anchors unknown to it. */
  public static List<LiveRoom> rooms(List<LiveRoom> day, int n, long now) {
    List<LiveRoom> out = new ArrayList<>(day.subList(0, Math.min(n, day.size())));
    Random rnd = new Random(n);
    String[] extra = {"今晚", "福利", "新品", "秒杀", "宠粉", "回馈", "专场", "上新", "爆款", "清仓"};
    for (int i = out.size(); i < n; i++) {
      LiveRoom like = day.get(rnd.nextInt(day.size()));
      String anchor = i % 10 == 0 ? like.anchorId() : "new" + i;
      String title = like.title() + " " + extra[rnd.nextInt(extra.length)] + extra[rnd.nextInt(extra.length)]
          + " 第" + i + "场";
      out.add(new LiveRoom("g" + i, anchor, title, like.description(), like.tags(), like.category(),
          now - rnd.nextInt(3_600_000), LiveRoom.ONGOING));
    }
    return out;
  }

  public static List<String> viewers(World w, int n) {
    Random rnd = new Random(7);
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(rnd.nextInt(10) == 0 ? "unknown" + i : w.viewers().get(rnd.nextInt(w.viewers().size())).id());
    }
    return out;
  }

  private static void coldStart(LiveRoomIndex index, List<LiveRoom> rooms, long now, double embedSeconds)
      throws InterruptedException {
    AtomicBoolean done = new AtomicBoolean();
    List<Long> lat = new ArrayList<>();
    Thread requester = new Thread(() -> {
      int i = 0;
      while (!done.get()) {
        long s = System.nanoTime();
        index.recommend(LiveQuery.of("v" + (i++ % 20_000), now, 10));
        lat.add(System.nanoTime() - s);
      }
    });
    long t0 = System.nanoTime();
    index.addAll(rooms);
    requester.start();
    index.awaitIndexed();
    double seconds = (System.nanoTime() - t0) / 1e9;
    done.set(true);
    requester.join();
    long[] sorted = lat.stream().mapToLong(Long::longValue).sorted().toArray();
    System.out.printf(Locale.ROOT, "cold start: %,d rooms searchable in %.1f s; the embedder alone %.1f s "
        + "(ratio %.2f); meanwhile one thread served %d requests: p50 %.2f ms, p99 %.2f ms, max %.1f ms%n",
        rooms.size(), seconds, embedSeconds, seconds / embedSeconds, sorted.length, pct(sorted, 0.5),
        pct(sorted, 0.99), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
  }

  private static void load(LiveRoomIndex index, List<String> viewers, long now, int threads, int perThread,
      List<LiveRoom> rooms) throws InterruptedException {
    ThreadMXBean mx = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    // Warm-up, then the measured run.
    for (int i = 0; i < 2_000; i++) {
      index.recommend(LiveQuery.of(viewers.get(i % viewers.size()), now, 10));
    }
    long[][] lat = new long[threads][perThread];
    long[] allocated = new long[threads];
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> ts = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int id = t;
      Thread th = new Thread(() -> {
        try {
          start.await();
        } catch (InterruptedException e) {
          return;
        }
        Random rnd = new Random(id);
        long a0 = mx.getCurrentThreadAllocatedBytes();
        long allocatedInEvents = 0;
        for (int i = 0; i < perThread; i++) {
          String v = viewers.get(rnd.nextInt(viewers.size()));
          long s = System.nanoTime();
          if (i % 4 == 0) { // a session event just before the request, as a live viewer has
            long b0 = mx.getCurrentThreadAllocatedBytes();
            index.observe(new WatchEvent(v, rooms.get(rnd.nextInt(rooms.size())).id(), now - 1000, 300, 1, 0, 0, 0,
                0));
            allocatedInEvents += mx.getCurrentThreadAllocatedBytes() - b0;
            s = System.nanoTime();
          }
          index.recommend(LiveQuery.of(v, now, 10));
          lat[id][i] = System.nanoTime() - s;
        }
        allocated[id] = mx.getCurrentThreadAllocatedBytes() - a0 - allocatedInEvents;
      });
      ts.add(th);
      th.start();
    }
    long t0 = System.nanoTime();
    start.countDown();
    for (Thread th : ts) {
      th.join();
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    long[] all = Arrays.stream(lat).flatMapToLong(Arrays::stream).sorted().toArray();
    long bytes = Arrays.stream(allocated).sum();
    System.out.printf(Locale.ROOT, "%7d  %8d  %6.0f  %8.2f %8.2f %8.2f  %8.1f%n", threads, all.length,
        all.length / seconds, pct(all, 0.50), pct(all, 0.95), pct(all, 0.99), bytes / 1024.0 / all.length);
  }

  private static double pct(long[] sorted, double q) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
  }

  /**
   * What retrieval loses against scoring every live room (diversity caps off, so the top 200 is a plain ranking):
   * the share of the exact top 200 among the retrieved top 200, and of the exact top 10 among the served top 10.
   */
  private static void recall(HybridRoomRecommender rec, List<LiveRoom> rooms, List<String> viewers, long now,
      List<WatchEvent> recent, java.nio.file.Path vectors) throws Exception {
    recall(rooms, viewers, now, recent, "HNSW", LiveRoomIndex.newBuilder(rec.withCaps(0, 0)), vectors);
    recall(rooms, viewers, now, recent, "exact content channel",
        LiveRoomIndex.newBuilder(rec.withCaps(0, 0)).graphFrom(Integer.MAX_VALUE), vectors);
  }

  private static void recall(List<LiveRoom> rooms, List<String> viewers, long now, List<WatchEvent> recent,
      String label, LiveRoomIndex.Builder builder, java.nio.file.Path vectors) throws Exception {
    try (LiveRoomIndex uncapped = builder.build()) {
      uncapped.warm(vectors);
      uncapped.addAll(rooms);
      uncapped.awaitIndexed();
      recent.forEach(uncapped::observe);
      double at200 = 0;
      double at10 = 0;
      for (String v : viewers) {
        at200 += overlap(uncapped.recommendExact(LiveQuery.of(v, now, 200)),
            uncapped.recommend(LiveQuery.of(v, now, 200)));
        at10 += overlap(uncapped.recommendExact(LiveQuery.of(v, now, 10)),
            uncapped.recommend(LiveQuery.of(v, now, 10)));
      }
      System.out.printf(Locale.ROOT, "retrieval (%s) against the exact scan (no diversity caps), %d viewers: "
          + "recall@200 %.3f, recall@10 %.3f%n", label, viewers.size(), at200 / viewers.size(),
          at10 / viewers.size());
    }
  }

  private static double overlap(List<Scored<LiveRoom>> exact, List<Scored<LiveRoom>> got) {
    Set<String> truth = new HashSet<>();
    exact.forEach(s -> truth.add(s.item().id()));
    return got.stream().filter(s -> truth.contains(s.item().id())).count() / (double) Math.max(1, exact.size());
  }

  /** The path before the index: every live room in every request. */
  private static void oldPath(HybridRoomRecommender rec, List<LiveRoom> rooms, List<String> viewers, long now) {
    HybridRoomRecommender fresh = rec.withWeights(rec.weights());
    fresh.recommend(RoomQuery.of(viewers.get(0), rooms, now, 10)); // embeds the rooms once
    int n = rooms.size() >= 100_000 ? 30 : 200;
    long[] lat = new long[n];
    for (int i = 0; i < n; i++) {
      long s = System.nanoTime();
      fresh.recommend(RoomQuery.of(viewers.get(i + 1), rooms, now, 10));
      lat[i] = System.nanoTime() - s;
    }
    Arrays.sort(lat);
    System.out.printf(Locale.ROOT, "old path (all rooms in the request, vectors cached), 1 thread, %d requests: "
        + "p50 %.2f ms, p99 %.2f ms%n", n, pct(lat, 0.5), pct(lat, 0.99));
  }
}
