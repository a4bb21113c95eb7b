package io.livecommerce.recommend;

import io.livecommerce.domain.LiveRoom;
import io.livecommerce.embed.TextEmbedder;
import io.livecommerce.math.Vectors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rooms of a {@link LiveRoomIndex} and the work of keeping them searchable. Added rooms wait in a queue (one
 * entry per room id, however often it is added) that one background thread embeds in batches; embedded rooms join
 * a small "fresh" list that requests scan exactly, and the fresh list is folded into a rebuilt {@link RoomGraph}
 * when it grows past a share of the graph (all of it while a bulk load is still queued, so a cold start of n rooms
 * builds graphs of about 2n rooms in all). Removed rooms are flagged at once and dropped at the next rebuild.
 *
 * <p>Thread-safe: requests read an immutable {@link Snapshot} through a volatile field and never wait; additions
 * and removals take a short lock; embedding and graph building happen on the worker thread outside any lock a
 * caller takes.
 */
final class RoomStore implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(RoomStore.class);

  /**
   * What requests search: the graph, the rooms embedded since it was built, and the mean of all live room vectors
   * (the baseline the content signal is measured against).
   */
  record Snapshot(RoomGraph base, RoomEntry[] fresh, float[] meanVector, int live) {}

  /** A saved vector: reused when a room with the same id and text is added. */
  record Warm(String text, float[] vector) {}

  private final TextEmbedder embedder;
  private final AlsModel cf;
  private final int batchSize;
  private final int graphFrom;
  private final int maxConnections;
  private final int beamWidth;
  private final long seed;
  private final ExecutorService worker;

  private final ConcurrentHashMap<String, RoomEntry> byId = new ConcurrentHashMap<>();
  private final AtomicReferenceArray<RoomEntry[]> byAnchor;
  private final ConcurrentHashMap<String, Warm> warm = new ConcurrentHashMap<>();
  private volatile Snapshot snapshot;

  // Guarded by lock.
  private final Object lock = new Object();
  private final LinkedHashMap<String, LiveRoom> pending = new LinkedHashMap<>();
  private final Map<String, RuntimeException> failed = new LinkedHashMap<>();
  private final java.util.Set<String> inFlight = new java.util.HashSet<>();
  private final java.util.Set<String> cancelled = new java.util.HashSet<>();
  private boolean working;
  private boolean closed;
  private double[] sum;
  private int removedSinceBuild;
  private long embedded;

  RoomStore(TextEmbedder embedder, AlsModel cf, int batchSize, int graphFrom, int maxConnections, int beamWidth,
      long seed) {
    this.embedder = embedder;
    this.cf = cf;
    this.batchSize = batchSize;
    this.graphFrom = graphFrom;
    this.maxConnections = maxConnections;
    this.beamWidth = beamWidth;
    this.seed = seed;
    this.byAnchor = new AtomicReferenceArray<>(cf.itemIds().size());
    this.sum = new double[embedder.dimension()];
    this.snapshot = new Snapshot(RoomGraph.EMPTY, new RoomEntry[0], new float[embedder.dimension()], 0);
    this.worker = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "livecommerce-room-index");
      t.setDaemon(true); // never keeps a service's JVM alive
      return t;
    });
  }

  Snapshot snapshot() {
    return snapshot;
  }

  RoomEntry get(String roomId) {
    return byId.get(roomId);
  }

  /** The live rooms of model anchor {@code a}, or null. */
  RoomEntry[] ofAnchor(int a) {
    return byAnchor.get(a);
  }

  int anchors() {
    return byAnchor.length();
  }

  void warm(Map<String, Warm> vectors) {
    warm.putAll(vectors);
  }

  /**
   * Queues rooms for embedding; a room already indexed with the same text is updated without embedding.
   *
   * @throws IllegalStateException after {@link #close}
   */
  void add(List<LiveRoom> rooms) {
    List<LiveRoom> same = new ArrayList<>();
    synchronized (lock) {
      if (closed) {
        throw new IllegalStateException("the live-room index is closed");
      }
      for (LiveRoom r : rooms) {
        RoomEntry e = byId.get(r.id());
        if (e != null && sameText(e.room, r)) {
          same.add(r);
        } else {
          pending.put(r.id(), r);
          failed.remove(r.id());
        }
      }
      if (!same.isEmpty()) {
        List<float[]> vectors = new ArrayList<>(same.size());
        same.forEach(r -> vectors.add(byId.get(r.id()).vector));
        install(same, vectors);
      }
      if (!pending.isEmpty() && !working) {
        working = true;
        worker.execute(this::drain);
      }
    }
  }

  private static boolean sameText(LiveRoom a, LiveRoom b) {
    return a.title().equals(b.title()) && a.description().equals(b.description()) && a.tags().equals(b.tags())
        && a.category().equals(b.category()) && a.anchorId().equals(b.anchorId());
  }

  /** Removes a room, queued or indexed; returns whether it was there. */
  boolean remove(String roomId) {
    synchronized (lock) {
      boolean queued = pending.remove(roomId) != null;
      if (inFlight.contains(roomId)) {
        cancelled.add(roomId);
        queued = true;
      }
      RoomEntry e = byId.remove(roomId);
      if (e != null) {
        retire(e);
        publish(snapshot.base(), snapshot.fresh());
      }
      return queued || e != null;
    }
  }

  /** Blocks until every queued room is embedded and searchable, and the worker is idle. */
  void awaitIndexed() throws InterruptedException {
    synchronized (lock) {
      while (working) {
        lock.wait();
      }
      if (!failed.isEmpty()) {
        Map.Entry<String, RuntimeException> first = failed.entrySet().iterator().next();
        throw new IllegalStateException(failed.size() + " rooms could not be embedded, e.g. room id '"
            + first.getKey() + "': " + first.getValue().getMessage(), first.getValue());
      }
    }
  }

  int queued() {
    synchronized (lock) {
      return pending.size();
    }
  }

  long embedded() {
    synchronized (lock) {
      return embedded;
    }
  }

  private void drain() {
    while (true) {
      List<LiveRoom> batch = new ArrayList<>(batchSize);
      boolean more;
      synchronized (lock) {
        if (closed) {
          return;
        }
        var it = pending.values().iterator();
        while (it.hasNext() && batch.size() < batchSize) {
          batch.add(it.next());
          it.remove();
        }
        batch.forEach(r -> inFlight.add(r.id()));
        if (batch.isEmpty()) {
          working = false;
          lock.notifyAll();
          return;
        }
        more = !pending.isEmpty();
      }
      try {
        List<float[]> vectors = embed(batch);
        Rebuild rebuild;
        synchronized (lock) {
          List<LiveRoom> still = new ArrayList<>(batch.size());
          List<float[]> vs = new ArrayList<>(batch.size());
          for (int i = 0; i < batch.size(); i++) {
            if (!cancelled.remove(batch.get(i).id())) { // removed while it was being embedded
              still.add(batch.get(i));
              vs.add(vectors.get(i));
            }
          }
          inFlight.clear();
          install(still, vs);
          embedded += batch.size();
          rebuild = rebuildDue(more);
        }
        if (rebuild != null) {
          rebuild(rebuild);
        }
      } catch (RuntimeException | Error e) {
        synchronized (lock) {
          inFlight.clear();
          cancelled.clear();
          batch.forEach(r -> failed.put(r.id(), e instanceof RuntimeException re ? re : new RuntimeException(e)));
        }
        LOG.error("could not embed {} live rooms (first id '{}'); they stay out of the index until added again",
            batch.size(), batch.get(0).id(), e);
      }
    }
  }

  /** Vectors for a batch: saved ones where the text matches, the embedder for the rest; unit length. */
  private List<float[]> embed(List<LiveRoom> batch) {
    float[][] out = new float[batch.size()][];
    List<String> texts = new ArrayList<>();
    List<Integer> at = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      LiveRoom r = batch.get(i);
      Warm w = warm.get(r.id());
      String text = r.text();
      if (w != null && w.text().equals(text)) {
        out[i] = w.vector();
      } else {
        texts.add(text);
        at.add(i);
      }
    }
    if (!texts.isEmpty()) {
      List<float[]> vs = embedder.embedAll(texts);
      for (int j = 0; j < vs.size(); j++) {
        out[at.get(j)] = Vectors.normalizeInPlace(vs.get(j));
      }
    }
    return Arrays.asList(out);
  }

  /** Adds entries to the fresh list and publishes. Holds lock. */
  private void install(List<LiveRoom> rooms, List<float[]> vectors) {
    Snapshot s = snapshot;
    RoomEntry[] fresh = Arrays.copyOf(s.fresh(), s.fresh().length + rooms.size());
    int n = s.fresh().length;
    for (int i = 0; i < rooms.size(); i++) {
      LiveRoom r = rooms.get(i);
      RoomEntry old = byId.get(r.id());
      if (old != null) {
        retire(old);
      }
      RoomEntry e = new RoomEntry(r, vectors.get(i), cf.itemIndexOf(r.anchorId()));
      byId.put(r.id(), e);
      if (e.anchor >= 0) {
        RoomEntry[] list = byAnchor.get(e.anchor);
        RoomEntry[] grown = list == null ? new RoomEntry[1] : Arrays.copyOf(list, list.length + 1);
        grown[grown.length - 1] = e;
        byAnchor.set(e.anchor, grown);
      }
      for (int d = 0; d < sum.length; d++) {
        sum[d] += e.vector[d];
      }
      fresh[n++] = e;
    }
    publish(s.base(), fresh);
  }

  /** Flags an entry removed and takes it out of the anchor lists and the mean. Holds lock. */
  private void retire(RoomEntry e) {
    e.removed = true;
    removedSinceBuild++;
    if (e.anchor >= 0) {
      RoomEntry[] list = byAnchor.get(e.anchor);
      if (list != null) {
        RoomEntry[] kept = Arrays.stream(list).filter(x -> x != e).toArray(RoomEntry[]::new);
        byAnchor.set(e.anchor, kept.length == 0 ? null : kept);
      }
    }
    for (int d = 0; d < sum.length; d++) {
      sum[d] -= e.vector[d];
    }
  }

  private void publish(RoomGraph base, RoomEntry[] fresh) {
    int live = byId.size();
    float[] mean = new float[sum.length];
    for (int d = 0; d < mean.length; d++) {
      mean[d] = live == 0 ? 0 : (float) (sum[d] / live);
    }
    snapshot = new Snapshot(base, fresh, mean, live);
  }

  /** The entries to rebuild from, and how much of the fresh list they took, when a rebuild is due. */
  private record Rebuild(RoomEntry[] entries, int freshTaken) {}

  private Rebuild rebuildDue(boolean bulkQueued) {
    Snapshot s = snapshot;
    int base = s.base().size();
    int share = bulkQueued ? base : base / 4;
    boolean freshFull = s.fresh().length >= Math.max(graphFrom, share);
    boolean mostlyDead = base >= graphFrom && removedSinceBuild >= Math.max(graphFrom, base / 4);
    boolean graphMissing = !s.base().hasGraph() && s.base().size() + s.fresh().length >= graphFrom;
    if (!freshFull && !mostlyDead && !(graphMissing && !bulkQueued)) {
      return null;
    }
    List<RoomEntry> all = new ArrayList<>(base + s.fresh().length);
    for (RoomEntry e : s.base().entries) {
      if (!e.removed) {
        all.add(e);
      }
    }
    for (RoomEntry e : s.fresh()) {
      if (!e.removed) {
        all.add(e);
      }
    }
    return new Rebuild(all.toArray(RoomEntry[]::new), s.fresh().length);
  }

  /** Builds outside the lock (only this thread changes base and fresh), then swaps. */
  private void rebuild(Rebuild r) {
    long t0 = System.nanoTime();
    RoomGraph g = RoomGraph.build(r.entries(), graphFrom, maxConnections, beamWidth, seed);
    synchronized (lock) {
      removedSinceBuild = 0;
      Arrays.fill(sum, 0);
      for (RoomEntry e : byId.values()) {
        for (int d = 0; d < sum.length; d++) {
          sum[d] += e.vector[d];
        }
      }
      // Rooms re-added with the same text while the graph was built joined the fresh list; they stay fresh.
      RoomEntry[] fresh = snapshot.fresh();
      publish(g, Arrays.copyOfRange(fresh, r.freshTaken(), fresh.length));
    }
    LOG.debug("live-room graph rebuilt over {} rooms in {} ms", r.entries().length, (System.nanoTime() - t0) / 1e6);
  }

  @Override
  public void close() {
    synchronized (lock) {
      closed = true;
      pending.clear();
      working = false; // nobody waits for work that will not happen
      lock.notifyAll();
    }
    worker.shutdownNow();
  }
}
