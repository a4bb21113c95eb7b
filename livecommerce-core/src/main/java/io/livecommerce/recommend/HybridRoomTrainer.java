package io.livecommerce.recommend;

import io.livecommerce.ProgressListener;
import io.livecommerce.domain.Anchor;
import io.livecommerce.domain.LiveRoom;
import io.livecommerce.domain.WatchEvent;
import io.livecommerce.embed.TextEmbedder;
import io.livecommerce.internal.Checks;
import io.livecommerce.math.Vectors;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Trains a {@link HybridRoomRecommender} from past rooms and watch events: the settings, then {@link #train}. The
 * trainer holds settings only; every call to {@link #train} makes a new, independent model (Tribuo's Trainer and
 * Model). Start one with {@link HybridRoomRecommender#newBuilder()}.
 *
 * <p>Not thread-safe while being configured; {@link #train} may be called again with other data.
 */
public final class HybridRoomTrainer {
  private TextEmbedder embedder;
  // Exact row solves: in-session updates fold a viewer in exactly, so the trained vectors must be exact solutions too
  // (with CG's approximate ones the replay's in-session ranking fell just below the static one).
  private ImplicitAls als = ImplicitAls.newBuilder().cgSteps(0).build();
  private ModelFamily family = ModelFamily.ALS;
  private EaseTrainer ease = EaseTrainer.newBuilder().build();
  private ConfidenceWeights confidence = ConfidenceWeights.DEFAULT;
  private BlendWeights weights = BlendWeights.DEFAULT;
  private double halfLifeDays = 14;
  private int maxPerAnchor;
  private int maxPerCategory;
  private int momentumWindowMinutes = 10;
  private int cacheSize = 200_000;
  private double sessionWeight = 1;
  private int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
  private final Map<String, String> anchorNames = new HashMap<>();

  HybridRoomTrainer() {}

  /** The embedder for room text; required. The recommender uses it, it does not close it. */
  public HybridRoomTrainer embedder(TextEmbedder embedder) {
    this.embedder = Checks.notNull(embedder, "embedder");
    return this;
  }

  /** The factor-model trainer; default {@link ImplicitAls} defaults. */
  public HybridRoomTrainer als(ImplicitAls als) {
    this.als = Checks.notNull(als, "als");
    return this;
  }

  /** Which collaborative model scores viewer × anchor affinity; default {@link ModelFamily#ALS}. */
  public HybridRoomTrainer family(ModelFamily family) {
    this.family = Checks.notNull(family, "family");
    return this;
  }

  /** The item-to-item trainer for the {@link ModelFamily#EASE} and {@link ModelFamily#BLEND} families. */
  public HybridRoomTrainer ease(EaseTrainer ease) {
    this.ease = Checks.notNull(ease, "ease");
    return this;
  }

  /** How watch events become weights; default {@link ConfidenceWeights#DEFAULT}. */
  public HybridRoomTrainer confidence(ConfidenceWeights confidence) {
    this.confidence = Checks.notNull(confidence, "confidence");
    return this;
  }

  /** How signals are mixed; default {@link BlendWeights#DEFAULT}. */
  public HybridRoomTrainer weights(BlendWeights weights) {
    this.weights = Checks.notNull(weights, "weights");
    return this;
  }

  /** Events lose half their weight every this many days before the newest; 0 for none; default 14. */
  public HybridRoomTrainer halfLifeDays(double halfLifeDays) {
    this.halfLifeDays = Checks.nonNegative(halfLifeDays, "halfLifeDays");
    return this;
  }

  /** At most this many results per anchor; 0 (default) for no limit. */
  public HybridRoomTrainer maxPerAnchor(int n) {
    this.maxPerAnchor = Checks.nonNegative(n, "maxPerAnchor");
    return this;
  }

  /** At most this many results per category; 0 (default) for no limit. */
  public HybridRoomTrainer maxPerCategory(int n) {
    this.maxPerCategory = Checks.nonNegative(n, "maxPerCategory");
    return this;
  }

  /** The momentum window in minutes, in [1, 240]; default 10. */
  public HybridRoomTrainer momentumWindowMinutes(int minutes) {
    this.momentumWindowMinutes = Checks.inRange(minutes, 1, 240, "momentumWindowMinutes");
    return this;
  }

  /** How many candidate-room vectors to keep, {@code > 0}; default 200,000. */
  public HybridRoomTrainer cacheSize(int cacheSize) {
    this.cacheSize = Checks.positive(cacheSize, "cacheSize");
    return this;
  }

  /** Threads for {@link HybridRoomRecommender#recommendAll}, in [1, 256]; default the number of cores. */
  public HybridRoomTrainer threads(int threads) {
    this.threads = Checks.inRange(threads, 1, 256, "threads");
    return this;
  }

  /**
   * How much the rooms a viewer watched since training weigh in their content profile, against the trained profile
   * (both unit length), in [0, 100]; default 1. Used by {@link LiveRoomIndex}'s in-session updates.
   */
  public HybridRoomTrainer sessionWeight(double sessionWeight) {
    this.sessionWeight = Checks.inRange(sessionWeight, 0, 100, "sessionWeight");
    return this;
  }

  /** Anchors whose names appear in explanations (ids otherwise). */
  public HybridRoomTrainer anchors(List<Anchor> anchors) {
    for (Anchor a : Checks.copyNoNulls(Checks.notNull(anchors, "anchors"), "anchors")) {
      anchorNames.put(a.id(), a.name());
    }
    return this;
  }

  /** A trainer with the same settings, to vary without touching this one. */
  HybridRoomTrainer copy() {
    HybridRoomTrainer t = new HybridRoomTrainer();
    t.embedder = embedder;
    t.als = als;
    t.family = family;
    t.ease = ease;
    t.confidence = confidence;
    t.weights = weights;
    t.halfLifeDays = halfLifeDays;
    t.maxPerAnchor = maxPerAnchor;
    t.maxPerCategory = maxPerCategory;
    t.momentumWindowMinutes = momentumWindowMinutes;
    t.cacheSize = cacheSize;
    t.threads = threads;
    t.sessionWeight = sessionWeight;
    t.anchorNames.putAll(anchorNames);
    return t;
  }

  /** The ALS settings. */
  ImplicitAls als() {
    return als;
  }

  /** The embedder, or null when not set yet. */
  TextEmbedder embedder() {
    return embedder;
  }

  /** The model family. */
  ModelFamily family() {
    return family;
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
    AlsModel cf = family.usesAls() ? als.fit(m, listener) : AlsModel.indexOnly(m.userIds, m.itemIds);
    EaseModel item2item = family.usesEase() ? ease.fit(m) : null;
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
    // Repeat viewing from the events that count as watching (positive confidence), before decay.
    int positives = 0;
    for (WatchEvent e : eventList) {
      positives += confidence.score(e) > 0 ? 1 : 0;
    }
    int[] pv = new int[positives];
    int[] pa = new int[positives];
    long[] pt = new long[positives];
    int p = 0;
    for (WatchEvent e : eventList) {
      if (confidence.score(e) > 0) {
        pv[p] = m.userIndex.get(e.viewerId());
        pa[p] = m.itemIndex.get(byId.get(e.roomId()).anchorId());
        pt[p++] = e.timestampMillis();
      }
    }
    RepeatSignal repeat = RepeatSignal.fit(users, cf.itemIds().size(), pv, pa, pt);
    HybridRoomRecommender.Config config = new HybridRoomRecommender.Config(weights, maxPerAnchor, maxPerCategory,
        momentumWindowMinutes, cacheSize, threads, Map.copyOf(anchorNames),
        new HybridRoomRecommender.Live(confidence, als.alpha(), als.regularization(), sessionWeight));
    HybridRoomRecommender rec = new HybridRoomRecommender(config, embedder, family, cf, item2item, pop, profiles,
        labels, watchedVectors, viewerRooms, anchorWeights, repeat);
    eventList.forEach(rec::observe);
    return rec;
  }
}
