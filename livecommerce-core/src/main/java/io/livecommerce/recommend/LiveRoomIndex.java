package io.livecommerce.recommend;

import io.livecommerce.Scored;
import io.livecommerce.domain.LiveRoom;
import io.livecommerce.domain.WatchEvent;
import io.livecommerce.internal.Checks;
import io.livecommerce.persist.ModelFiles;
import io.livecommerce.persist.Provenance;
import io.livecommerce.persist.SavedModel;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * The rooms live now and what viewers did in them, kept by a service and served from memory: retrieval, then the
 * full ranking of {@link HybridRoomRecommender}.
 *
 * <p>Feed it as the platform runs: {@link #add} a room when it starts, {@link #remove} it when it ends, and
 * {@link #observe} every watch event. Rooms are embedded on a background thread in batches, once per room however
 * many callers add it; a room is searchable as soon as its batch is done, and {@link #awaitIndexed} waits for that
 * (at start-up, after a bulk {@link #addAll}). A request names a viewer and k; the index gathers a few hundred
 * candidates and ranks only those:
 *
 * <ul>
 *   <li>the live rooms of anchors the viewer watched (in training or in this session), heaviest first;
 *   <li>the live rooms of the anchors the collaborative model scores highest for the viewer;
 *   <li>the rooms nearest the viewer's content profile (an HNSW graph, exact over rooms added since it was built);
 *   <li>the live rooms with the best popularity and momentum, the part of the blend every viewer shares.
 * </ul>
 *
 * <p>In-session updates: {@link #observe} also updates the viewer's state (recent anchors, the rooms' text, repeat
 * recency) and folds the viewer's collaborative vector in again from their anchors (ALS: one least-squares solve
 * with the item factors fixed; EASE: their anchor row), so a viewer unknown at training time is served as known
 * from their first event, and what someone watched five minutes ago changes their list. Sessions are bounded
 * ({@link Builder#maxSessions}, {@link Builder#sessionTtl}, {@link Builder#maxAnchorsPerSession}).
 *
 * <pre>{@code
 * LiveRoomIndex index = LiveRoomIndex.newBuilder(model).maxSessions(1_000_000).build();
 * index.addAll(liveNow);                       // at start-up
 * index.awaitIndexed();
 * // then, from the platform's event stream:  index.add(started); index.remove(endedId); index.observe(event);
 * List<Scored<LiveRoom>> top = index.recommend(LiveQuery.of("v42", System.currentTimeMillis(), 10));
 * }</pre>
 *
 * <p>Thread-safe: requests, events and room changes may come from any number of threads; a request never waits for
 * embedding or graph building. Close the index to stop its background thread (a daemon thread, so an unclosed
 * index never keeps the JVM alive).
 */
public final class LiveRoomIndex implements RoomRecommender, AutoCloseable {

  private final HybridRoomRecommender model;
  private final RoomStore store;
  private final ViewerSessions sessions;
  private final CandidateRetriever retriever;
  private final int searchBeam;

  private LiveRoomIndex(Builder b) {
    this.model = b.model;
    this.store = new RoomStore(model.embedder, model.cf, b.embedBatchSize, b.graphFrom, b.maxConnections,
        b.beamWidth, b.seed);
    this.sessions = new ViewerSessions(b.sessionTtl.toMillis(), b.maxSessions, b.maxAnchorsPerSession);
    this.retriever = new CandidateRetriever(model, store, b.candidates, b.searchBeam);
    this.searchBeam = b.searchBeam;
  }

  /**
   * A builder for an index serving {@code model}.
   *
   * @throws IllegalArgumentException if {@code model} is null or has no embedder (loaded without one)
   */
  public static Builder newBuilder(HybridRoomRecommender model) {
    return new Builder(model);
  }

  /**
   * Queues a room for embedding; it becomes searchable when its batch is done. A room added again with the same
   * text is updated at once (an end time, say); with other text it is embedded again.
   *
   * @throws IllegalArgumentException if {@code room} is null
   * @throws IllegalStateException if the index is closed
   */
  public void add(LiveRoom room) {
    store.add(List.of(Checks.notNull(room, "room")));
  }

  /**
   * Queues rooms, as {@link #add} does each.
   *
   * @throws IllegalArgumentException if {@code rooms} is null or holds null
   * @throws IllegalStateException if the index is closed
   */
  public void addAll(Collection<LiveRoom> rooms) {
    store.add(Checks.copyNoNulls(Checks.notNull(rooms, "rooms"), "rooms"));
  }

  /**
   * Removes a room, indexed or still queued; it stops appearing at once.
   *
   * @return whether the room was there
   * @throws IllegalArgumentException if {@code roomId} is blank
   */
  public boolean remove(String roomId) {
    return store.remove(Checks.notBlank(roomId, "roomId"));
  }

  /**
   * Blocks until every room added so far is embedded and searchable.
   *
   * @throws IllegalStateException if rooms could not be embedded (the message names one and the cause); they stay
   *     out of the index until added again
   * @throws InterruptedException if interrupted while waiting
   */
  public void awaitIndexed() throws InterruptedException {
    store.awaitIndexed();
  }

  /**
   * Records a watch event: the room's audience momentum, and the viewer's session (anchors, the room's text,
   * repeat recency, the folded-in collaborative vector). An event for a room the index does not hold counts for
   * momentum only.
   *
   * @throws IllegalArgumentException if {@code event} is null
   */
  public void observe(WatchEvent event) {
    Checks.notNull(event, "event");
    model.momentum().observe(event.roomId(), event.timestampMillis());
    RoomEntry room = store.get(event.roomId());
    if (room == null) {
      return;
    }
    float weight = (float) model.config.live().confidence().score(event);
    ViewerSession session = sessions.open(event.viewerId(), event.timestampMillis());
    synchronized (session) {
      boolean changed = session.record(room.anchor, weight, event.timestampMillis(), room.vector, room.label);
      if (changed && model.family.usesAls()) {
        session.setAlsVector(foldIn(event.viewerId(), session.view()));
      }
    }
  }

  private float[] foldIn(String viewerId, ViewerSession.View view) {
    float[] strengths = model.anchorStrengths(model.cf.userIndexOf(viewerId), view);
    int n = 0;
    int[] items = new int[strengths.length];
    float[] weights = new float[strengths.length];
    for (int a = 0; a < strengths.length; a++) {
      if (strengths[a] != 0) {
        items[n] = a;
        weights[n++] = strengths[a];
      }
    }
    HybridRoomRecommender.Live live = model.config.live();
    return model.cf.foldIn(items, weights, n, live.alpha(), live.regularization());
  }

  /**
   * Recommends among the indexed rooms live at the query's time: retrieval, then the full blend, diversification
   * and explanations of {@link HybridRoomRecommender}.
   *
   * @return at most {@code k} results, scores non-increasing
   * @throws IllegalArgumentException if {@code query} is null
   */
  public List<Scored<LiveRoom>> recommend(LiveQuery query) {
    Checks.notNull(query, "query");
    return retriever.recommend(query, sessions.view(query.viewerId(), query.atMillis()), false);
  }

  /**
   * Like {@link #recommend(LiveQuery)}, but scores every live room with the full blend instead of retrieving
   * candidates first: the exact answer retrieval approximates, for measuring what it loses. Linear in the rooms.
   *
   * @throws IllegalArgumentException if {@code query} is null
   */
  public List<Scored<LiveRoom>> recommendExact(LiveQuery query) {
    Checks.notNull(query, "query");
    return retriever.recommend(query, sessions.view(query.viewerId(), query.atMillis()), true);
  }

  /**
   * Recommends among explicit candidates, with the viewer's session: {@link HybridRoomRecommender#recommend} plus
   * what {@link #observe} learned.
   *
   * @throws IllegalArgumentException if {@code query} is null
   */
  @Override
  public List<Scored<LiveRoom>> recommend(RoomQuery query) {
    Checks.notNull(query, "query");
    return model.recommend(query, sessions.view(query.viewerId(), query.atMillis()));
  }

  /**
   * How much of the exact {@code n} nearest rooms by content the graph search finds, averaged over {@code queries}
   * seeded queries (room vectors of the graph, each nudged off its own room): a check of {@link
   * Builder#searchBeam} on your own rooms. 1 while the rooms are few enough to be scanned exactly. Costs an exact
   * scan per query; not for the request path.
   *
   * @throws IllegalArgumentException if {@code n} or {@code queries} is not positive
   */
  public double contentRecall(int n, int queries, long seed) {
    Checks.positive(n, "n");
    Checks.positive(queries, "queries");
    return store.snapshot().base().recall(n, queries, seed, Math.max(searchBeam, n));
  }

  /** The model this index serves. */
  public HybridRoomRecommender model() {
    return model;
  }

  /** Counts for monitoring. */
  public Stats stats() {
    RoomStore.Snapshot s = store.snapshot();
    return new Stats(s.live(), store.queued(), s.base().size(), s.base().hasGraph(), s.fresh().length,
        store.embedded(), sessions.size());
  }

  /**
   * What an index holds.
   *
   * @param liveRooms rooms searchable now
   * @param queuedRooms rooms waiting to be embedded
   * @param graphRooms rooms in the current graph (removed ones included until the next rebuild)
   * @param graph whether the graph is an HNSW graph (else an exact scan)
   * @param freshRooms rooms embedded since the graph was built, scanned exactly
   * @param embeddedRooms rooms embedded since the index was made (saved vectors included)
   * @param sessions viewers with a live session
   */
  public record Stats(int liveRooms, int queuedRooms, int graphRooms, boolean graph, int freshRooms,
      long embeddedRooms, int sessions) {}

  /**
   * Saves the vectors of the rooms indexed now, atomically, so that a restarted service can {@link #warm} from them
   * instead of embedding its live rooms again. The file records the embedder.
   */
  public void saveVectors(Path path) throws IOException {
    Checks.notNull(path, "path");
    RoomStore.Snapshot s = store.snapshot();
    java.util.Map<String, RoomStore.Warm> rooms = new java.util.LinkedHashMap<>();
    for (RoomEntry[] part : List.of(s.base().entries, s.fresh())) {
      for (RoomEntry e : part) {
        if (!e.removed) {
          rooms.put(e.room.id(), new RoomStore.Warm(e.room.text(), e.vector));
        }
      }
    }
    ModelFiles.save(path, RoomVectorsCodec.INSTANCE, rooms, Provenance.of(model.embedder, "rooms=" + rooms.size()));
  }

  /**
   * Loads vectors saved by {@link #saveVectors}: rooms added later with the same id and text take their vector
   * from the file instead of the embedder. Adds no room by itself.
   *
   * @return how many vectors were loaded
   * @throws io.livecommerce.persist.ModelFormatException if the file is not a valid vector file
   * @throws IllegalArgumentException if the file was written with another embedder
   */
  public int warm(Path path) throws IOException {
    Checks.notNull(path, "path");
    SavedModel<java.util.Map<String, RoomStore.Warm>> saved =
        ModelFiles.loadWithProvenance(path, RoomVectorsCodec.INSTANCE);
    Provenance.requireSameEmbedder(path, saved.provenance(), model.embedder);
    for (RoomStore.Warm w : saved.model().values()) {
      if (w.vector().length != model.embedder.dimension()) {
        throw new IllegalArgumentException(path + " holds " + w.vector().length
            + "-dimensional vectors but the embedder has dimension " + model.embedder.dimension());
      }
    }
    store.warm(saved.model());
    return saved.model().size();
  }

  /**
   * Stops the background thread; queued rooms are dropped and {@link #awaitIndexed} returns. Requests and events
   * keep working on what is indexed; adding rooms fails.
   */
  @Override
  public void close() {
    store.close();
  }

  @Override
  public String toString() {
    return "LiveRoomIndex{" + stats() + "}";
  }

  /**
   * Settings of a {@link LiveRoomIndex}; each has a default, so {@code newBuilder(model).build()} serves.
   *
   * <p>Not thread-safe; {@link #build} may be called more than once, each index independent.
   */
  public static final class Builder {
    private final HybridRoomRecommender model;
    private int candidates = 200;
    private int searchBeam = 800;
    private int embedBatchSize = 64;
    private int graphFrom = 8_192;
    private int maxConnections = 16;
    private int beamWidth = 100;
    private long seed = 42;
    private Duration sessionTtl = Duration.ofHours(6);
    private int maxSessions = 1_000_000;
    private int maxAnchorsPerSession = 32;

    private Builder(HybridRoomRecommender model) {
      this.model = Checks.notNull(model, "model");
      if (model.embedder == null) {
        throw new IllegalArgumentException("model has no embedder; load it with HybridRoomRecommender.load(path, "
            + "embedder)");
      }
    }

    /**
     * How many rooms the content channel retrieves, in [10, 10,000]; default 200. The watched and collaborative
     * channels take the rooms of up to half as many anchors and at most this many rooms each; popularity and
     * momentum half as many rooms.
     */
    public Builder candidates(int candidates) {
      this.candidates = Checks.inRange(candidates, 10, 10_000, "candidates");
      return this;
    }

    /**
     * The HNSW search beam, in [10, 100,000]; default 800 (recall@200 0.985 against the exact scan on clustered
     * vectors, where 400 gave 0.95). Wider finds more of the true nearest, slower.
     */
    public Builder searchBeam(int searchBeam) {
      this.searchBeam = Checks.inRange(searchBeam, 10, 100_000, "searchBeam");
      return this;
    }

    /** Rooms per embedder call, in [1, 4,096]; default 64. */
    public Builder embedBatchSize(int embedBatchSize) {
      this.embedBatchSize = Checks.inRange(embedBatchSize, 1, 4_096, "embedBatchSize");
      return this;
    }

    /** Below this many rooms the content channel scans exactly instead of building a graph, {@code > 0}; 8,192. */
    public Builder graphFrom(int rooms) {
      this.graphFrom = Checks.positive(rooms, "graphFrom");
      return this;
    }

    /** HNSW: neighbours per node, in [2, 512]; default 16. */
    public Builder maxConnections(int maxConnections) {
      this.maxConnections = Checks.inRange(maxConnections, 2, 512, "maxConnections");
      return this;
    }

    /** HNSW: the beam while building, in [2, 3,200]; default 100. */
    public Builder beamWidth(int beamWidth) {
      this.beamWidth = Checks.inRange(beamWidth, 2, 3_200, "beamWidth");
      return this;
    }

    /** The seed of the graph's level assignment; default 42. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * A session whose last event is this much older than the newest event seen expires, positive; default 6 hours.
     */
    public Builder sessionTtl(Duration ttl) {
      Checks.notNull(ttl, "sessionTtl");
      if (ttl.isNegative() || ttl.isZero()) {
        throw new IllegalArgumentException("sessionTtl must be positive but was " + ttl);
      }
      this.sessionTtl = ttl;
      return this;
    }

    /** Viewers with a session at most, {@code > 0}; past it the longest idle go; default 1,000,000. */
    public Builder maxSessions(int maxSessions) {
      this.maxSessions = Checks.positive(maxSessions, "maxSessions");
      return this;
    }

    /** Anchors a session remembers, in [1, 1,024]; the lightest goes; default 32. */
    public Builder maxAnchorsPerSession(int n) {
      this.maxAnchorsPerSession = Checks.inRange(n, 1, 1_024, "maxAnchorsPerSession");
      return this;
    }

    /**
     * A new, empty index with these settings.
     *
     * @throws IllegalStateException if the search beam is narrower than the candidates it must return
     */
    public LiveRoomIndex build() {
      if (searchBeam < candidates) {
        throw new IllegalStateException("searchBeam (" + searchBeam + ") must be >= candidates (" + candidates
            + ")");
      }
      return new LiveRoomIndex(this);
    }
  }
}
