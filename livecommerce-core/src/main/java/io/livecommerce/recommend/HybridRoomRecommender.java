package io.livecommerce.recommend;

import io.livecommerce.ProgressListener;
import io.livecommerce.Reason;
import io.livecommerce.Scored;
import io.livecommerce.domain.LiveRoom;
import io.livecommerce.domain.WatchEvent;
import io.livecommerce.embed.TextEmbedder;
import io.livecommerce.internal.Checks;
import io.livecommerce.math.Vectors;
import io.livecommerce.persist.ModelCodec;
import io.livecommerce.persist.ModelFiles;
import io.livecommerce.persist.Provenance;
import io.livecommerce.persist.SavedModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ranks the rooms live now for a viewer by blending collaborative filtering on anchors, content similarity of room
 * text, anchor popularity, the room's audience momentum and repeat viewing (how long ago the viewer last watched the
 * anchor, see {@link BlendWeights#repeat()}).
 *
 * <p>A room is one session of an anchor and is gone within hours, so collaborative signal attaches to anchors:
 * implicit ALS learns viewer × anchor affinity from watch events weighted by {@link ConfidenceWeights} and decayed
 * by age. Content attaches to the room: a viewer's profile is the weighted mean embedding of rooms they watched,
 * and a candidate scores by its cosine to it above the candidates' mean cosine. New viewers get content from stated interests plus popularity; new anchors
 * get content only. {@link #observe} feeds live arrivals for momentum ("rising: viewers up 40% in 10 min").
 *
 * <p>To serve a platform, put the model behind a {@link LiveRoomIndex}: it holds the live rooms (so requests carry
 * none), retrieves a few hundred candidates before this blend ranks them, and updates each viewer's state from
 * their events. Passing the candidates in a {@link RoomQuery}, as below, suits a few thousand rooms.
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
  public static final ModelCodec<HybridRoomRecommender> CODEC = new HybridRoomCodec();

  final Config config;
  final TextEmbedder embedder;
  final ModelFamily family;
  final AlsModel cf; // viewers x anchors; for the EASE family only an index (zero factors)
  final EaseModel ease; // anchors x anchors, or null for the ALS family
  private final int[] allAnchors;
  final float[] anchorPopularity; // by cf item index
  final float[][] profiles; // by cf user index, may hold nulls
  final List<String> watchedLabels; // by watched-room index
  final float[][] watchedVectors; // by watched-room index
  final int[][] viewerRooms; // by cf user index: watched-room indexes with positive weight, heaviest first
  final float[][] viewerAnchorWeights; // by cf user index, aligned with cf items: summed weight
  final RepeatSignal repeat;
  private final RoomMomentum momentum;
  private final ConcurrentHashMap<String, RoomVector> candidateVectors;
  private final io.livecommerce.internal.VectorCache interestVectors = new io.livecommerce.internal.VectorCache(
      10_000);

  HybridRoomRecommender(Config config, TextEmbedder embedder, ModelFamily family, AlsModel cf, EaseModel ease,
      float[] anchorPopularity, float[][] profiles, List<String> watchedLabels, float[][] watchedVectors,
      int[][] viewerRooms, float[][] viewerAnchorWeights, RepeatSignal repeat) {
    this(config, embedder, family, cf, ease, anchorPopularity, profiles, watchedLabels, watchedVectors, viewerRooms,
        viewerAnchorWeights, repeat, new RoomMomentum(config.momentumWindowMinutes), new ConcurrentHashMap<>());
  }

  HybridRoomRecommender(Config config, TextEmbedder embedder, ModelFamily family, AlsModel cf, EaseModel ease,
      float[] anchorPopularity, float[][] profiles, List<String> watchedLabels, float[][] watchedVectors,
      int[][] viewerRooms, float[][] viewerAnchorWeights, RepeatSignal repeat, RoomMomentum momentum,
      ConcurrentHashMap<String, RoomVector> candidateVectors) {
    if (family.usesEase() != (ease != null)) {
      throw new IllegalArgumentException("family " + family + " does not match the parts given");
    }
    this.config = config;
    this.embedder = embedder;
    this.family = family;
    this.cf = cf;
    this.ease = ease;
    this.allAnchors = java.util.stream.IntStream.range(0, cf.itemIds().size()).toArray();
    this.anchorPopularity = anchorPopularity;
    this.profiles = profiles;
    this.watchedLabels = List.copyOf(watchedLabels);
    this.watchedVectors = watchedVectors;
    this.viewerRooms = viewerRooms;
    this.viewerAnchorWeights = viewerAnchorWeights;
    this.repeat = repeat;
    this.momentum = momentum;
    this.candidateVectors = candidateVectors;
  }

  /** A trainer to configure; an embedder is required. */
  public static HybridRoomTrainer newBuilder() {
    return new HybridRoomTrainer();
  }

  /**
   * Records a live arrival for momentum. Call it as watch events stream in. Viewers' own state (recent anchors,
   * rooms, a folded-in collaborative vector) is learned by {@link LiveRoomIndex#observe}, which also calls this.
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
    HybridRoomRecommender r = new HybridRoomRecommender(config.withWeights(weights), embedder, family, cf, ease,
        anchorPopularity,
        profiles, watchedLabels, watchedVectors, viewerRooms, viewerAnchorWeights, repeat, momentum,
        candidateVectors);
    return r;
  }

  /** The same trained state with no live state of its own yet: empty momentum and vector cache. */
  HybridRoomRecommender withoutLiveState() {
    return new HybridRoomRecommender(config, embedder, family, cf, ease, anchorPopularity, profiles, watchedLabels,
        watchedVectors, viewerRooms, viewerAnchorWeights, repeat);
  }

  /**
   * The same trained recommender with other diversity caps (0 for none), sharing the trained state, the candidate
   * cache and live momentum.
   *
   * @throws IllegalArgumentException if a cap is negative
   */
  public HybridRoomRecommender withCaps(int maxPerAnchor, int maxPerCategory) {
    Checks.nonNegative(maxPerAnchor, "maxPerAnchor");
    Checks.nonNegative(maxPerCategory, "maxPerCategory");
    Config c = config;
    return new HybridRoomRecommender(new Config(c.weights, maxPerAnchor, maxPerCategory, c.momentumWindowMinutes,
        c.cacheSize, c.threads, c.anchorNames, c.live), embedder, family, cf, ease, anchorPopularity, profiles,
        watchedLabels, watchedVectors, viewerRooms, viewerAnchorWeights, repeat, momentum, candidateVectors);
  }

  /** The mix of signals. */
  public BlendWeights weights() {
    return config.weights;
  }

  /**
   * The viewer × anchor factor model. For the {@link ModelFamily#EASE} family it only indexes viewers and anchors
   * (one factor, all zeros).
   */
  public AlsModel cf() {
    return cf;
  }

  /** Which collaborative model scores viewer × anchor affinity. */
  public ModelFamily family() {
    return family;
  }

  @Override
  public List<Scored<LiveRoom>> recommend(RoomQuery query) {
    return recommend(query, null);
  }

  /** {@link #recommend(RoomQuery)} with the viewer's live session, when the index has one. */
  List<Scored<LiveRoom>> recommend(RoomQuery query, ViewerSession.View session) {
    Checks.notNull(query, "query");
    int total = query.candidates().size();
    LiveRoom[] live = new LiveRoom[total];
    int n = 0;
    for (LiveRoom r : query.candidates()) {
      if (r.isLiveAt(query.atMillis()) && !query.hiddenRoomIds().contains(r.id())) {
        live[n++] = r;
      }
    }
    if (n == 0) {
      return List.of();
    }
    float[][] vectors = vectorsOf(java.util.Arrays.asList(live).subList(0, n));
    int[] anchors = new int[n];
    for (int c = 0; c < n; c++) {
      anchors[c] = cf.itemIndexOf(live[c].anchorId());
    }
    ViewerContext ctx = ViewerContext.of(this, query.viewerId(), session, query.interests());
    return RoomScorer.rank(ctx, live, vectors, anchors, n, Double.NaN, query.atMillis(), query.k());
  }

  /**
   * The unit vector of stated interests, embedded once per distinct text: a cold viewer's request would otherwise
   * run the embedder (milliseconds with a transformer) every time.
   */
  float[] interestVector(String text) {
    float[] v = interestVectors.get(text);
    if (v == null) {
      v = Vectors.normalize(embedder.embed(text));
      interestVectors.put(text, v);
    }
    return v;
  }

  /** Live momentum, shared by copies from {@link #withWeights}. */
  RoomMomentum momentum() {
    return momentum;
  }

  /** 0 .. anchors - 1, for item-to-item scoring. */
  int[] allAnchors() {
    return allAnchors;
  }

  /**
   * A viewer's summed weight per anchor (aligned with the model's anchors): training's, plus the session's.
   * A fresh array.
   */
  float[] anchorStrengths(int u, ViewerSession.View session) {
    float[] s = u >= 0 ? viewerAnchorWeights[u].clone() : new float[allAnchors.length];
    if (session != null) {
      for (int i = 0; i < session.anchors().length; i++) {
        s[session.anchors()[i]] += session.weights()[i];
      }
    }
    return s;
  }

  String nearestWatchedLabel(int u, float[] vector) {
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
    return BatchRecommend.each(viewers, config.threads, listener,
        v -> recommend(RoomQuery.of(v, candidates, atMillis, k)));
  }

  /** Saves the trained state atomically (see {@link ModelFiles}). Live momentum is not saved. */
  public void save(Path path) throws IOException {
    ModelFiles.save(path, CODEC, this, Provenance.of(embedder, "family=" + family + ",factors=" + cf.factors()
        + (ease == null ? "" : ",easeItems=" + ease.size() + ",easeLambda=" + ease.lambda()) + ",weights=" + config.weights
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
    return new HybridRoomRecommender(r.config, embedder, r.family, r.cf, r.ease, r.anchorPopularity, r.profiles,
        r.watchedLabels, r.watchedVectors, r.viewerRooms, r.viewerAnchorWeights, r.repeat);
  }

  @Override
  public String toString() {
    return "HybridRoomRecommender{family=" + family + ", viewers=" + cf.userIds().size() + ", anchors=" + cf.itemIds().size()
        + ", weights=" + config.weights + "}";
  }

  /** The trained configuration that travels with the model. */
  record Config(BlendWeights weights, int maxPerAnchor, int maxPerCategory, int momentumWindowMinutes,
      int cacheSize, int threads, Map<String, String> anchorNames, Live live) {

    Config withWeights(BlendWeights w) {
      return new Config(w, maxPerAnchor, maxPerCategory, momentumWindowMinutes, cacheSize, threads, anchorNames, live);
    }

    double sessionWeight() {
      return live.sessionWeight();
    }
  }

  /**
   * What in-session updates need from training: how an event becomes a weight, and the ALS confidence scale and
   * penalty for folding a viewer in.
   *
   * @param confidence how a watch event becomes a weight
   * @param alpha ALS confidence scale
   * @param regularization ALS penalty λ
   * @param sessionWeight how much the session's rooms weigh in the content profile against the trained profile
   */
  record Live(ConfidenceWeights confidence, double alpha, double regularization, double sessionWeight) {
    /** For files saved before version 3: the trainer's defaults. */
    static final Live DEFAULT = new Live(ConfidenceWeights.DEFAULT, 5, 0.1, 1);
  }
}
