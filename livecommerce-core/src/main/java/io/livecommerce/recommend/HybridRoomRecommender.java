package io.livecommerce.recommend;

import io.livecommerce.ProgressListener;
import io.livecommerce.Reason;
import io.livecommerce.Scored;
import io.livecommerce.domain.Anchor;
import io.livecommerce.domain.LiveRoom;
import io.livecommerce.domain.WatchEvent;
import io.livecommerce.embed.TextEmbedder;
import io.livecommerce.internal.Checks;
import io.livecommerce.math.Hit;
import io.livecommerce.math.TopK;
import io.livecommerce.math.Vectors;
import io.livecommerce.persist.ModelCodec;
import io.livecommerce.persist.ModelFiles;
import io.livecommerce.persist.Provenance;
import io.livecommerce.persist.SavedModel;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Ranks the rooms live now for a viewer by blending collaborative filtering on anchors, content similarity of room
 * text, anchor popularity and the room's audience momentum.
 *
 * <p>A room is one session of an anchor and is gone within hours, so collaborative signal attaches to anchors:
 * implicit ALS learns viewer × anchor affinity from watch events weighted by {@link ConfidenceWeights} and decayed
 * by age. Content attaches to the room: a viewer's profile is the weighted mean embedding of rooms they watched,
 * and a candidate scores by its cosine to it above the candidates' mean cosine. New viewers get content from stated interests plus popularity; new anchors
 * get content only. {@link #observe} feeds live arrivals for momentum ("rising: viewers up 40% in 10 min").
 *
 * <pre>{@code
 * HybridRoomRecommender rec = HybridRoomRecommender.newBuilder()
 *     .embedder(embedder)
 *     .anchors(anchors)                    // names for explanations
 *     .maxPerCategory(3)
 *     .train(rooms, events);
 * List<Scored<LiveRoom>> top = rec.recommend(RoomQuery.of("v42", liveNow, now, 10));
 * }</pre>
 *
 * <p>Thread-safe: the trained state is immutable; {@link #observe} and the candidate-vector cache are safe for
 * concurrent use.
 */
public final class HybridRoomRecommender implements RoomRecommender {

  /** The codec {@link ModelFiles} uses. The embedder and live momentum are not saved. */
  public static final ModelCodec<HybridRoomRecommender> CODEC = new Codec();

  private final Config config;
  private final TextEmbedder embedder;
  private final AlsModel cf; // viewers x anchors
  private final float[] anchorPopularity; // by cf item index
  private final float[][] profiles; // by cf user index, may hold nulls
  private final List<String> watchedLabels; // by watched-room index
  private final float[][] watchedVectors; // by watched-room index
  private final int[][] viewerRooms; // by cf user index: watched-room indexes with positive weight, heaviest first
  private final float[][] viewerAnchorWeights; // by cf user index, aligned with cf items: summed weight
  private final RoomMomentum momentum;
  private final ConcurrentHashMap<String, RoomVector> candidateVectors;

  private HybridRoomRecommender(Config config, TextEmbedder embedder, AlsModel cf, float[] anchorPopularity,
      float[][] profiles, List<String> watchedLabels, float[][] watchedVectors, int[][] viewerRooms,
      float[][] viewerAnchorWeights) {
    this(config, embedder, cf, anchorPopularity, profiles, watchedLabels, watchedVectors, viewerRooms,
        viewerAnchorWeights, new RoomMomentum(config.momentumWindowMinutes), new ConcurrentHashMap<>());
  }

  private HybridRoomRecommender(Config config, TextEmbedder embedder, AlsModel cf, float[] anchorPopularity,
      float[][] profiles, List<String> watchedLabels, float[][] watchedVectors, int[][] viewerRooms,
      float[][] viewerAnchorWeights, RoomMomentum momentum, ConcurrentHashMap<String, RoomVector> candidateVectors) {
    this.config = config;
    this.embedder = embedder;
    this.cf = cf;
    this.anchorPopularity = anchorPopularity;
    this.profiles = profiles;
    this.watchedLabels = List.copyOf(watchedLabels);
    this.watchedVectors = watchedVectors;
    this.viewerRooms = viewerRooms;
    this.viewerAnchorWeights = viewerAnchorWeights;
    this.momentum = momentum;
    this.candidateVectors = candidateVectors;
  }

  /** A builder; an embedder is required. */
  public static Builder newBuilder() {
    return new Builder();
  }

  /**
   * Records a live arrival for momentum. Call it as watch events stream in.
   *
   * @throws IllegalArgumentException if {@code event} is null
   */
  public void observe(WatchEvent event) {
    Checks.notNull(event, "event");
    momentum.observe(event.roomId(), event.timestampMillis());
  }

  /**
   * The same trained recommender with another mix of signals, e.g. a baseline for evaluation. Shares the trained
   * state, the candidate cache and live momentum.
   */
  public HybridRoomRecommender withWeights(BlendWeights weights) {
    Checks.notNull(weights, "weights");
    Config c = config;
    HybridRoomRecommender r = new HybridRoomRecommender(new Config(weights, c.maxPerAnchor, c.maxPerCategory,
        c.momentumWindowMinutes, c.cacheSize, c.threads, c.anchorNames), embedder, cf, anchorPopularity, profiles,
        watchedLabels, watchedVectors, viewerRooms, viewerAnchorWeights, momentum, candidateVectors);
    return r;
  }

  /** The mix of signals. */
  public BlendWeights weights() {
    return config.weights;
  }

  /** The viewer × anchor factor model. */
  public AlsModel cf() {
    return cf;
  }

  @Override
  public List<Scored<LiveRoom>> recommend(RoomQuery query) {
    Checks.notNull(query, "query");
    List<LiveRoom> live = new ArrayList<>();
    for (LiveRoom r : query.candidates()) {
      if (r.isLiveAt(query.atMillis()) && !query.hiddenRoomIds().contains(r.id())) {
        live.add(r);
      }
    }
    if (live.isEmpty()) {
      return List.of();
    }
    float[][] vectors = vectorsOf(live);
    Integer u = cf.userIndex(query.viewerId()).orElse(null);
    float[] profile = u == null ? null : profiles[u];
    boolean cold = profile == null;
    if (cold && !query.interests().isEmpty()) {
      profile = Vectors.normalize(embedder.embed(String.join(" ", query.interests())));
    }
    int n = live.size();
    float[] total = new float[n];
    double[][] parts = new double[n][];
    BlendWeights w = config.weights;
    // Content is the cosine above the candidates' mean: sentence embeddings give every pair a high baseline cosine,
    // and only the difference says anything about taste.
    double[] cosine = new double[n];
    double meanCosine = 0;
    if (profile != null) {
      for (int c = 0; c < n; c++) {
        cosine[c] = Vectors.dot(profile, vectors[c]);
        meanCosine += cosine[c] / n;
      }
    }
    for (int c = 0; c < n; c++) {
      LiveRoom room = live.get(c);
      Integer a = cf.itemIndex(room.anchorId()).orElse(null);
      double cfScore = u != null && a != null ? cf.score(u, a) : 0;
      double content = profile != null ? cosine[c] - meanCosine : 0;
      double pop = a != null ? anchorPopularity[a] : 0;
      long[] counts = momentum.counts(room.id(), query.atMillis());
      double growth = (counts[0] - counts[1]) / (double) Math.max(counts[1], 1);
      double mom = counts[0] + counts[1] < 5 ? 0 : Math.tanh(growth);
      parts[c] = new double[] {w.cf() * cfScore, w.content() * content, w.popularity() * pop, w.momentum() * mom,
          growth, counts[0]};
      total[c] = (float) (parts[c][0] + parts[c][1] + parts[c][2] + parts[c][3]);
    }
    List<Integer> order = diversified(live, total, query.k());
    List<Scored<LiveRoom>> out = new ArrayList<>(order.size());
    for (int c : order) {
      out.add(new Scored<>(live.get(c), total[c], reasons(live.get(c), parts[c], u, cold, vectors[c])));
    }
    return List.copyOf(out);
  }

  /** Best first, respecting the per-anchor and per-category caps. */
  private List<Integer> diversified(List<LiveRoom> live, float[] total, int k) {
    boolean capped = config.maxPerAnchor > 0 || config.maxPerCategory > 0;
    int want = capped ? Math.min(live.size(), Math.max(k * 20, 200)) : k;
    List<Integer> picked = pick(live, TopK.of(total, want), k);
    if (capped && picked.size() < k && want < live.size()) {
      picked = pick(live, TopK.of(total, live.size()), k); // the caps skipped too many of the best
    }
    return picked;
  }

  private List<Integer> pick(List<LiveRoom> live, List<Hit> ranked, int k) {
    List<Integer> out = new ArrayList<>(k);
    Map<String, Integer> perAnchor = new HashMap<>();
    Map<String, Integer> perCategory = new HashMap<>();
    for (Hit h : ranked) {
      LiveRoom r = live.get(h.index());
      if (config.maxPerAnchor > 0 && perAnchor.getOrDefault(r.anchorId(), 0) >= config.maxPerAnchor) {
        continue;
      }
      if (config.maxPerCategory > 0 && !r.category().isEmpty()
          && perCategory.getOrDefault(r.category(), 0) >= config.maxPerCategory) {
        continue;
      }
      perAnchor.merge(r.anchorId(), 1, Integer::sum);
      perCategory.merge(r.category(), 1, Integer::sum);
      out.add(h.index());
      if (out.size() == k) {
        break;
      }
    }
    return out;
  }

  private List<Reason> reasons(LiveRoom room, double[] p, Integer u, boolean cold, float[] vector) {
    List<Reason> reasons = new ArrayList<>(4);
    String anchor = config.anchorNames.getOrDefault(room.anchorId(), room.anchorId());
    if (p[0] > 0.01) {
      Integer a = cf.itemIndex(room.anchorId()).orElse(null);
      boolean watched = u != null && a != null && viewerAnchorWeights[u][a] > 0;
      reasons.add(new Reason("cf", p[0], watched
          ? "you often watch " + anchor : "viewers with your taste watch " + anchor));
    }
    if (p[1] > 0.01) {
      String label = cold || u == null ? null : nearestWatchedLabel(u, vector);
      reasons.add(new Reason("content", p[1], label == null
          ? "matches your interests" : "like the " + label + " rooms you watched"));
    }
    if (p[2] > 0.01) {
      reasons.add(new Reason("popularity", p[2], anchor + " is popular with viewers"));
    }
    if (p[3] > 0.01) {
      reasons.add(new Reason("momentum", p[3], String.format(Locale.ROOT,
          "rising: viewers up %.0f%% in %d min", p[4] * 100, momentum.windowMinutes())));
    }
    reasons.sort(Comparator.comparingDouble(Reason::contribution).reversed());
    return reasons;
  }

  private String nearestWatchedLabel(int u, float[] vector) {
    String best = null;
    float bestSim = Float.NEGATIVE_INFINITY;
    int[] rooms = viewerRooms[u];
    for (int j = 0; j < Math.min(rooms.length, 20); j++) {
      float[] v = watchedVectors[rooms[j]];
      float s = Vectors.dot(v, vector);
      if (s > bestSim) {
        bestSim = s;
        best = watchedLabels.get(rooms[j]);
      }
    }
    return best;
  }

  /**
   * Candidate vectors, embedding only rooms not cached yet. The cache is keyed by room id and checks a hash of the
   * room's text (String caches its hash, so this costs no text building), so an edited title is embedded again.
   */
  private float[][] vectorsOf(List<LiveRoom> rooms) {
    float[][] out = new float[rooms.size()][];
    List<String> missingTexts = new ArrayList<>();
    List<Integer> missingAt = new ArrayList<>();
    for (int i = 0; i < rooms.size(); i++) {
      LiveRoom r = rooms.get(i);
      RoomVector cached = candidateVectors.get(r.id());
      if (cached != null && cached.textHash == textHash(r)) {
        out[i] = cached.vector; // read-only below
      } else {
        missingTexts.add(r.text());
        missingAt.add(i);
      }
    }
    if (!missingTexts.isEmpty()) {
      List<float[]> vs = embedder.embedAll(missingTexts);
      if (candidateVectors.size() + vs.size() > config.cacheSize) {
        candidateVectors.clear(); // coarse bound: rooms end within hours, so old entries are mostly dead
      }
      for (int j = 0; j < vs.size(); j++) {
        int i = missingAt.get(j);
        out[i] = Vectors.normalizeInPlace(vs.get(j));
        LiveRoom r = rooms.get(i);
        candidateVectors.put(r.id(), new RoomVector(textHash(r), out[i]));
      }
    }
    return out;
  }

  private static int textHash(LiveRoom r) {
    return ((r.title().hashCode() * 31 + r.description().hashCode()) * 31 + r.tags().hashCode()) * 31
        + r.category().hashCode();
  }

  /** A cached candidate vector and the hash of the text it was computed from. */
  private record RoomVector(int textHash, float[] vector) {}

  /**
   * Recommends for many viewers among the same candidates, on the configured threads.
   *
   * @return per viewer, in the order given, the result of {@link #recommend}
   */
  public Map<String, List<Scored<LiveRoom>>> recommendAll(List<String> viewerIds, List<LiveRoom> candidates,
      long atMillis, int k, ProgressListener listener) {
    List<String> viewers = Checks.copyNoBlanks(Checks.notNull(viewerIds, "viewerIds"), "viewerIds");
    Checks.notNull(listener, "listener");
    vectorsOf(candidates); // embed once, before the threads start
    Map<String, List<Scored<LiveRoom>>> out = new ConcurrentHashMap<>();
    AtomicLong done = new AtomicLong();
    Object lock = new Object();
    ForkJoinPool pool = new ForkJoinPool(config.threads);
    try {
      pool.submit(() -> viewers.parallelStream().forEach(v -> {
        out.put(v, recommend(RoomQuery.of(v, candidates, atMillis, k)));
        synchronized (lock) {
          listener.onProgress(done.incrementAndGet(), viewers.size());
        }
      })).join();
    } finally {
      pool.shutdown();
    }
    Map<String, List<Scored<LiveRoom>>> ordered = new LinkedHashMap<>();
    viewers.forEach(v -> ordered.put(v, out.get(v)));
    return ordered;
  }

  /** Saves the trained state atomically (see {@link ModelFiles}). Live momentum is not saved. */
  public void save(Path path) throws IOException {
    ModelFiles.save(path, CODEC, this, Provenance.of(embedder, "factors=" + cf.factors() + ",weights=" + config.weights
        + ",maxPerAnchor=" + config.maxPerAnchor + ",maxPerCategory=" + config.maxPerCategory
        + ",momentumWindowMinutes=" + config.momentumWindowMinutes));
  }

  /**
   * Loads a saved recommender. Pass the embedder it was trained with: candidate rooms are embedded with it.
   *
   * @throws io.livecommerce.persist.ModelFormatException if the file is not a valid saved recommender
   */
  public static HybridRoomRecommender load(Path path, TextEmbedder embedder) throws IOException {
    Checks.notNull(embedder, "embedder");
    SavedModel<HybridRoomRecommender> saved = ModelFiles.loadWithProvenance(path, CODEC);
    Provenance.requireSameEmbedder(path, saved.provenance(), embedder);
    HybridRoomRecommender r = saved.model();
    if (r.watchedVectors.length > 0 && r.watchedVectors[0].length != embedder.dimension()) {
      throw new IllegalArgumentException("the saved model used " + r.watchedVectors[0].length
          + "-dimensional vectors but embedder has dimension " + embedder.dimension());
    }
    return new HybridRoomRecommender(r.config, embedder, r.cf, r.anchorPopularity, r.profiles, r.watchedLabels,
        r.watchedVectors, r.viewerRooms, r.viewerAnchorWeights);
  }

  @Override
  public String toString() {
    return "HybridRoomRecommender{viewers=" + cf.userIds().size() + ", anchors=" + cf.itemIds().size()
        + ", weights=" + config.weights + "}";
  }

  /** The trained configuration that travels with the model. */
  private record Config(BlendWeights weights, int maxPerAnchor, int maxPerCategory, int momentumWindowMinutes,
      int cacheSize, int threads, Map<String, String> anchorNames) {}

  /** Builds and trains a {@link HybridRoomRecommender}. Not thread-safe. */
  public static final class Builder {
    private TextEmbedder embedder;
    private ImplicitAls als = ImplicitAls.newBuilder().build();
    private ConfidenceWeights confidence = ConfidenceWeights.DEFAULT;
    private BlendWeights weights = BlendWeights.DEFAULT;
    private double halfLifeDays = 14;
    private int maxPerAnchor;
    private int maxPerCategory;
    private int momentumWindowMinutes = 10;
    private int cacheSize = 200_000;
    private int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    private final Map<String, String> anchorNames = new HashMap<>();

    private Builder() {}

    /** The embedder for room text; required. The recommender uses it, it does not close it. */
    public Builder embedder(TextEmbedder embedder) {
      this.embedder = Checks.notNull(embedder, "embedder");
      return this;
    }

    /** The factor-model trainer; default {@link ImplicitAls} defaults. */
    public Builder als(ImplicitAls als) {
      this.als = Checks.notNull(als, "als");
      return this;
    }

    /** How watch events become weights; default {@link ConfidenceWeights#DEFAULT}. */
    public Builder confidence(ConfidenceWeights confidence) {
      this.confidence = Checks.notNull(confidence, "confidence");
      return this;
    }

    /** How signals are mixed; default {@link BlendWeights#DEFAULT}. */
    public Builder weights(BlendWeights weights) {
      this.weights = Checks.notNull(weights, "weights");
      return this;
    }

    /** Events lose half their weight every this many days before the newest; 0 for none; default 14. */
    public Builder halfLifeDays(double halfLifeDays) {
      this.halfLifeDays = Checks.nonNegative(halfLifeDays, "halfLifeDays");
      return this;
    }

    /** At most this many results per anchor; 0 (default) for no limit. */
    public Builder maxPerAnchor(int n) {
      this.maxPerAnchor = Checks.nonNegative(n, "maxPerAnchor");
      return this;
    }

    /** At most this many results per category; 0 (default) for no limit. */
    public Builder maxPerCategory(int n) {
      this.maxPerCategory = Checks.nonNegative(n, "maxPerCategory");
      return this;
    }

    /** The momentum window in minutes, in [1, 240]; default 10. */
    public Builder momentumWindowMinutes(int minutes) {
      this.momentumWindowMinutes = Checks.inRange(minutes, 1, 240, "momentumWindowMinutes");
      return this;
    }

    /** How many candidate-room vectors to keep, {@code > 0}; default 200,000. */
    public Builder cacheSize(int cacheSize) {
      this.cacheSize = Checks.positive(cacheSize, "cacheSize");
      return this;
    }

    /** Threads for {@link #recommendAll}, in [1, 256]; default the number of cores. */
    public Builder threads(int threads) {
      this.threads = Checks.inRange(threads, 1, 256, "threads");
      return this;
    }

    /** Anchors whose names appear in explanations (ids otherwise). */
    public Builder anchors(List<Anchor> anchors) {
      for (Anchor a : Checks.copyNoNulls(Checks.notNull(anchors, "anchors"), "anchors")) {
        anchorNames.put(a.id(), a.name());
      }
      return this;
    }

    /** Trains on the log; see {@link #train(List, List, ProgressListener)}. */
    public HybridRoomRecommender train(List<LiveRoom> rooms, List<WatchEvent> events) {
      return train(rooms, events, ProgressListener.NONE);
    }

    /**
     * Trains the viewer × anchor factors, viewer taste profiles and anchor popularity from watch events, decayed
     * relative to the newest event, and records the events for momentum.
     *
     * @param rooms every room the events refer to (more is fine); ids unique
     * @param events the watch log, not empty
     * @param listener told of ALS iterations
     * @throws IllegalArgumentException if an event names a room not in {@code rooms}, ids repeat, or no embedder
     *     was set
     */
    public HybridRoomRecommender train(List<LiveRoom> rooms, List<WatchEvent> events, ProgressListener listener) {
      if (embedder == null) {
        throw new IllegalArgumentException("embedder must be set before train(...)");
      }
      List<LiveRoom> roomList = Checks.copyNoNulls(Checks.notNull(rooms, "rooms"), "rooms");
      List<WatchEvent> eventList = Checks.copyNoNulls(Checks.notNull(events, "events"), "events");
      Checks.notNull(listener, "listener");
      if (eventList.isEmpty()) {
        throw new IllegalArgumentException("events must not be empty");
      }
      Map<String, LiveRoom> byId = new HashMap<>();
      for (LiveRoom r : roomList) {
        if (byId.put(r.id(), r) != null) {
          throw new IllegalArgumentException("rooms contains id " + Checks.quote(r.id()) + " twice");
        }
      }
      long now = 0;
      for (int i = 0; i < eventList.size(); i++) {
        WatchEvent e = eventList.get(i);
        if (!byId.containsKey(e.roomId())) {
          throw new IllegalArgumentException(
              "events[" + i + "].roomId " + Checks.quote(e.roomId()) + " is not among rooms");
        }
        now = Math.max(now, e.timestampMillis());
      }
      List<Interaction> anchorLog = new ArrayList<>(eventList.size());
      Map<String, Map<String, Double>> viewerRoomWeights = new LinkedHashMap<>();
      for (WatchEvent e : eventList) {
        double weight = confidence.score(e) * Signals.decay(now - e.timestampMillis(), halfLifeDays);
        anchorLog.add(new Interaction(e.viewerId(), byId.get(e.roomId()).anchorId(), weight, e.timestampMillis()));
        viewerRoomWeights.computeIfAbsent(e.viewerId(), v -> new LinkedHashMap<>())
            .merge(e.roomId(), weight, Double::sum);
      }
      InteractionMatrix m = InteractionMatrix.of(anchorLog, als.alpha(), Interaction::weight);
      AlsModel cf = als.fit(m, listener);
      float[] pop = Signals.popularity(m);
      // Content: every room watched with positive weight, embedded once.
      Map<String, Integer> watchedIndex = new LinkedHashMap<>();
      viewerRoomWeights.values().forEach(rw -> rw.forEach((room, w) -> {
        if (w > 0) {
          watchedIndex.putIfAbsent(room, watchedIndex.size());
        }
      }));
      List<String> texts = new ArrayList<>();
      List<String> labels = new ArrayList<>();
      for (String id : watchedIndex.keySet()) {
        LiveRoom r = byId.get(id);
        texts.add(r.text());
        labels.add(!r.tags().isEmpty() ? r.tags().get(0) : !r.category().isEmpty() ? r.category() : r.title());
      }
      float[][] watchedVectors = new float[texts.size()][];
      List<float[]> vs = embedder.embedAll(texts);
      for (int i = 0; i < vs.size(); i++) {
        watchedVectors[i] = Vectors.normalizeInPlace(vs.get(i));
      }
      int users = cf.userIds().size();
      float[][] profiles = new float[users][];
      int[][] viewerRooms = new int[users][];
      float[][] anchorWeights = new float[users][];
      for (int u = 0; u < users; u++) {
        Map<String, Double> rw = viewerRoomWeights.get(cf.userIds().get(u));
        List<Map.Entry<String, Double>> positive = new ArrayList<>();
        rw.entrySet().stream().filter(en -> en.getValue() > 0).forEach(positive::add);
        positive.sort(Map.Entry.<String, Double>comparingByValue().reversed());
        int[] idx = new int[positive.size()];
        float[] wts = new float[positive.size()];
        for (int j = 0; j < idx.length; j++) {
          idx[j] = watchedIndex.get(positive.get(j).getKey());
          wts[j] = (float) (double) positive.get(j).getValue();
        }
        viewerRooms[u] = idx;
        profiles[u] = Signals.profile(idx, wts, 0, idx.length, watchedVectors);
        float[] aw = new float[cf.itemIds().size()];
        for (int e = m.userPtr[u]; e < m.userPtr[u + 1]; e++) {
          aw[m.userItems[e]] = m.userWeight[e];
        }
        anchorWeights[u] = aw;
      }
      Config config = new Config(weights, maxPerAnchor, maxPerCategory, momentumWindowMinutes, cacheSize, threads,
          Map.copyOf(anchorNames));
      HybridRoomRecommender rec = new HybridRoomRecommender(config, embedder, cf, pop, profiles, labels,
          watchedVectors, viewerRooms, anchorWeights);
      eventList.forEach(rec::observe);
      return rec;
    }
  }

  private static final class Codec implements ModelCodec<HybridRoomRecommender> {
    @Override
    public String type() {
      return "hybrid-room";
    }

    @Override
    public int version() {
      return 1;
    }

    @Override
    public void write(HybridRoomRecommender r, DataOutput out) throws IOException {
      Config c = r.config;
      out.writeDouble(c.weights.cf());
      out.writeDouble(c.weights.content());
      out.writeDouble(c.weights.popularity());
      out.writeDouble(c.weights.momentum());
      out.writeInt(c.maxPerAnchor);
      out.writeInt(c.maxPerCategory);
      out.writeInt(c.momentumWindowMinutes);
      out.writeInt(c.cacheSize);
      out.writeInt(c.threads);
      List<String> keys = new ArrayList<>(new java.util.TreeMap<>(c.anchorNames).keySet());
      ModelFiles.writeStrings(out, keys);
      List<String> names = new ArrayList<>();
      keys.forEach(k -> names.add(c.anchorNames.get(k)));
      ModelFiles.writeStrings(out, names);
      AlsModel.CODEC.write(r.cf, out);
      ModelFiles.writeFloats(out, r.anchorPopularity);
      ModelFiles.writeStrings(out, r.watchedLabels);
      out.writeInt(r.watchedVectors.length);
      for (float[] v : r.watchedVectors) {
        ModelFiles.writeFloats(out, v);
      }
      for (int u = 0; u < r.profiles.length; u++) {
        out.writeBoolean(r.profiles[u] != null);
        if (r.profiles[u] != null) {
          ModelFiles.writeFloats(out, r.profiles[u]);
        }
        out.writeInt(r.viewerRooms[u].length);
        for (int i : r.viewerRooms[u]) {
          out.writeInt(i);
        }
        ModelFiles.writeFloats(out, r.viewerAnchorWeights[u]);
      }
    }

    @Override
    public HybridRoomRecommender read(DataInput in, int version) throws IOException {
      BlendWeights w = new BlendWeights(in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble());
      int maxPerAnchor = in.readInt();
      int maxPerCategory = in.readInt();
      int window = in.readInt();
      int cacheSize = in.readInt();
      int threads = in.readInt();
      List<String> keys = ModelFiles.readStrings(in, 10_000_000);
      List<String> names = ModelFiles.readStrings(in, keys.size());
      Map<String, String> anchorNames = new HashMap<>();
      for (int i = 0; i < keys.size(); i++) {
        anchorNames.put(keys.get(i), names.get(i));
      }
      AlsModel cf = AlsModel.CODEC.read(in, 1);
      float[] pop = ModelFiles.readFloats(in, cf.itemIds().size());
      List<String> labels = ModelFiles.readStrings(in, 100_000_000);
      int nv = ModelFiles.readCount(in, labels.size(), Integer.BYTES, "watched room vectors");
      if (nv != labels.size()) {
        throw new IOException("watched rooms: " + nv + " vectors for " + labels.size() + " labels");
      }
      float[][] vectors = new float[nv][];
      for (int i = 0; i < nv; i++) {
        vectors[i] = ModelFiles.readFloats(in, 1 << 16);
      }
      int users = cf.userIds().size();
      float[][] profiles = new float[users][];
      int[][] viewerRooms = new int[users][];
      float[][] anchorWeights = new float[users][];
      for (int u = 0; u < users; u++) {
        if (in.readBoolean()) {
          profiles[u] = ModelFiles.readFloats(in, 1 << 16);
        }
        int n = ModelFiles.readCount(in, nv, Integer.BYTES, "viewer room count");
        viewerRooms[u] = new int[n];
        for (int j = 0; j < n; j++) {
          viewerRooms[u][j] = java.util.Objects.checkIndex(in.readInt(), nv);
        }
        anchorWeights[u] = ModelFiles.readFloats(in, cf.itemIds().size());
      }
      Config config = new Config(w, maxPerAnchor, maxPerCategory, window, Math.max(1, cacheSize),
          Math.max(1, threads), Map.copyOf(anchorNames));
      return new HybridRoomRecommender(config, null, cf, pop, profiles, labels, vectors, viewerRooms, anchorWeights);
    }
  }
}
