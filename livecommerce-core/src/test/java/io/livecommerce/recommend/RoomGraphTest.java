package io.livecommerce.recommend;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livecommerce.domain.LiveRoom;
import io.livecommerce.math.Vectors;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RoomGraphTest {

  /** Vectors in clusters, as room embeddings are (rooms of a category share words). */
  private static RoomEntry[] clustered(int n, int dim, int clusters, long seed) {
    Random rnd = new Random(seed);
    float[][] centres = new float[clusters][dim];
    for (float[] c : centres) {
      for (int d = 0; d < dim; d++) {
        c[d] = (float) rnd.nextGaussian();
      }
    }
    RoomEntry[] out = new RoomEntry[n];
    for (int i = 0; i < n; i++) {
      float[] v = centres[rnd.nextInt(clusters)].clone();
      for (int d = 0; d < dim; d++) {
        v[d] += (float) (0.7 * rnd.nextGaussian());
      }
      out[i] = new RoomEntry(new LiveRoom("r" + i, "a" + i, "t", "", List.of(), "", 0, LiveRoom.ONGOING),
          Vectors.normalizeInPlace(v), -1);
    }
    return out;
  }

  @Test
  void theGraphFindsNearlyAllOfTheExactTop200() {
    RoomEntry[] rooms = clustered(20_000, 48, 40, 7);
    RoomGraph graph = RoomGraph.build(rooms, 1_000, 16, 100, 42);
    assertTrue(graph.hasGraph());
    for (int i = 0; i < 500; i += 5) {
      rooms[i].removed = true; // removed after the build: skipped by both
    }
    Random rnd = new Random(3);
    double found = 0;
    int queries = 30;
    for (int q = 0; q < queries; q++) {
      float[] query = rooms[1_000 + rnd.nextInt(19_000)].vector.clone();
      for (int d = 0; d < query.length; d++) {
        query[d] += (float) (0.3 * rnd.nextGaussian());
      }
      Vectors.normalizeInPlace(query);
      EntryHeap approx = new EntryHeap(200);
      graph.search(query, 800, approx);
      EntryHeap exact = new EntryHeap(200);
      graph.scan(query, exact);
      Set<RoomEntry> truth = new HashSet<>(List.of(exact.toArray()));
      for (RoomEntry e : approx.toArray()) {
        assertTrue(!e.removed, "a removed room came back");
        found += truth.contains(e) ? 1 : 0;
      }
    }
    double recall = found / (200.0 * queries);
    assertTrue(recall >= 0.98, "recall@200 " + recall);
  }

  @Test
  void concurrentSearchesOfOneGraphEachGetTheirOwnAnswer() throws Exception {
    RoomEntry[] rooms = clustered(6_000, 32, 20, 11);
    RoomGraph graph = RoomGraph.build(rooms, 1_000, 16, 100, 42);
    int queries = 200;
    List<Set<RoomEntry>> alone = new java.util.ArrayList<>();
    for (int q = 0; q < queries; q++) {
      EntryHeap h = new EntryHeap(50);
      graph.search(rooms[q * 7].vector, 200, h);
      alone.add(Set.of(h.toArray()));
    }
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    List<java.util.concurrent.Future<Integer>> done = new java.util.ArrayList<>();
    for (int t = 0; t < 4; t++) {
      done.add(pool.submit(() -> {
        int same = 0;
        for (int q = 0; q < queries; q++) {
          EntryHeap h = new EntryHeap(50);
          graph.search(rooms[q * 7].vector, 200, h);
          same += Set.of(h.toArray()).equals(alone.get(q)) ? 1 : 0;
        }
        return same;
      }));
    }
    for (java.util.concurrent.Future<Integer> f : done) {
      assertTrue(f.get() == queries, "a search run beside others gave another answer");
    }
    pool.shutdown();
  }

  @Test
  void belowTheThresholdItScansExactly() {
    RoomEntry[] rooms = clustered(500, 16, 5, 1);
    RoomGraph small = RoomGraph.build(rooms, 1_000, 16, 100, 42);
    assertTrue(!small.hasGraph());
    EntryHeap a = new EntryHeap(10);
    small.search(rooms[0].vector, 400, a);
    EntryHeap b = new EntryHeap(10);
    small.scan(rooms[0].vector, b);
    assertTrue(Set.of(a.toArray()).equals(Set.of(b.toArray())));
  }
}
