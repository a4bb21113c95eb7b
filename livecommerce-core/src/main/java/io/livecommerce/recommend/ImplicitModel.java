package io.livecommerce.recommend;

import io.livecommerce.ProgressListener;
import io.livecommerce.Reason;
import io.livecommerce.Scored;
import io.livecommerce.embed.TextEmbedder;
import io.livecommerce.internal.Checks;
import io.livecommerce.math.Hit;
import io.livecommerce.math.TopK;
import io.livecommerce.math.Vectors;
import io.livecommerce.persist.ModelCodec;
import io.livecommerce.persist.ModelFiles;
import io.livecommerce.persist.Provenance;
import io.livecommerce.persist.SavedModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A trained hybrid of collaborative filtering, content similarity and popularity over a catalogue of items.
 *
 * <p>Scores are {@code cf·x_u·y_i + content·(cos(profile_u, v_i) - mean cos) + popularity·pop_i} with the model's
 * {@link BlendWeights}; {@link #withWeights} gives the same model with another mix, e.g. a CF-only baseline.
 * Users the model has not seen get content (from stated interests) and popularity.
 *
 * <p>Immutable and thread-safe.
 */
public final class ImplicitModel {

  /** The codec {@link ModelFiles} uses for this model. The embedder is not saved; pass it to {@link #load}. */
  public static final ModelCodec<ImplicitModel> CODEC = new ImplicitModelCodec();

  // Package-private so that ImplicitModelCodec can write them.
  final ModelFamily family;
  final List<String> users;
  private final Map<String, Integer> userIndex;
  final AlsModel cf;
  final EaseModel ease;
  final List<String> catalogue;
  private final Map<String, Integer> catalogueIndex;
  final float[][] itemVectors;
  private final ContentScorer content;
  final float[][] profiles;
  final float[] popularity;
  final int[][] seen;
  final float[][] seenWeights;
  final BlendWeights weights;
  private final TextEmbedder embedder;
  private final String tuning;

  ImplicitModel(ModelFamily family, List<String> users, AlsModel cf, EaseModel ease, List<String> catalogue,
      float[][] itemVectors, float[][] profiles, float[] popularity, int[][] seen, float[][] seenWeights,
      BlendWeights weights, TextEmbedder embedder) {
    this(family, users, cf, ease, catalogue, itemVectors, ContentScorer.of(itemVectors), profiles, popularity, seen,
        seenWeights, weights, embedder, "");
  }

  private ImplicitModel(ModelFamily family, List<String> users, AlsModel cf, EaseModel ease, List<String> catalogue,
      float[][] itemVectors, ContentScorer content, float[][] profiles, float[] popularity, int[][] seen,
      float[][] seenWeights, BlendWeights weights, TextEmbedder embedder, String tuning) {
    if (family.usesAls() != (cf != null) || family.usesEase() != (ease != null)) {
      throw new IllegalArgumentException("family " + family + " does not match the parts given");
    }
    this.family = family;
    this.users = List.copyOf(users);
    Map<String, Integer> uidx = new HashMap<>();
    for (int u = 0; u < this.users.size(); u++) {
      uidx.put(this.users.get(u), u);
    }
    this.userIndex = Map.copyOf(uidx);
    this.tuning = tuning;
    this.cf = cf;
    this.ease = ease;
    this.catalogue = List.copyOf(catalogue);
    Map<String, Integer> idx = new HashMap<>();
    for (int i = 0; i < this.catalogue.size(); i++) {
      idx.put(this.catalogue.get(i), i);
    }
    this.catalogueIndex = Map.copyOf(idx);
    this.itemVectors = itemVectors;
    this.content = content;
    this.profiles = profiles;
    this.popularity = popularity;
    this.seen = seen;
    this.seenWeights = seenWeights;
    this.weights = weights;
    this.embedder = embedder;
  }

  /** The same model keeping {@code embedder} for cold-start interests (the tuner trains through a memo of it). */
  ImplicitModel withEmbedder(TextEmbedder embedder) {
    return with(family, weights, embedder, tuning);
  }

  private ImplicitModel with(ModelFamily family, BlendWeights weights, TextEmbedder embedder, String tuning) {
    return new ImplicitModel(family, users, family.usesAls() ? cf : null, family.usesEase() ? ease : null,
        catalogue, itemVectors, content, profiles, popularity, seen, seenWeights, weights, embedder, tuning);
  }

  /** The same model with another mix of signals (shares all trained state). */
  public ImplicitModel withWeights(BlendWeights weights) {
    Checks.notNull(weights, "weights");
    requireNoRepeat(weights);
    return with(family, weights, embedder, tuning);
  }

  /** Repeat viewing is a room signal; a generic log has no sessions to return to, so a weight on it would be lost. */
  static void requireNoRepeat(BlendWeights weights) {
    if (weights.repeat() != 0) {
      throw new IllegalArgumentException("weights.repeat is " + weights.repeat()
          + ": repeat viewing applies to the room recommender only");
    }
  }

  /** Which collaborative model scores users. */
  public ModelFamily family() {
    return family;
  }

  /**
   * The same model scored by another family whose parts it holds (a {@link ModelFamily#BLEND} model can answer as
   * ALS or EASE alone).
   *
   * @throws IllegalArgumentException if the model lacks a part that family needs
   */
  public ImplicitModel withFamily(ModelFamily family) {
    Checks.notNull(family, "family");
    if ((family.usesAls() && cf == null) || (family.usesEase() && ease == null)) {
      throw new IllegalArgumentException("family " + family + " needs parts a " + this.family + " model lacks");
    }
    return with(family, weights, embedder, tuning);
  }

  /** The same model recording what tuning chose ({@link ImplicitTuner}); saved in the model file's provenance. */
  public ImplicitModel withTuning(String description) {
    return with(family, weights, embedder, Checks.notNull(description, "description"));
  }

  /** What tuning chose and its validation score, or empty when the model was not tuned. */
  public String tuning() {
    return tuning;
  }

  /** The mix of signals. */
  public BlendWeights weights() {
    return weights;
  }

  /**
   * The factor model.
   *
   * @throws IllegalStateException if the model's family is {@link ModelFamily#EASE}, which has none
   */
  public AlsModel cf() {
    if (cf == null) {
      throw new IllegalStateException("a " + family + " model has no factor model");
    }
    return cf;
  }

  /**
   * The item-to-item model.
   *
   * @throws IllegalStateException if the model's family is {@link ModelFamily#ALS}, which has none
   */
  public EaseModel ease() {
    if (ease == null) {
      throw new IllegalStateException("a " + family + " model has no item-to-item model");
    }
    return ease;
  }

  /** Every item that can be recommended. */
  public List<String> catalogue() {
    return catalogue;
  }

  /** Whether any catalogue item has a text vector (content similarity is possible). */
  public boolean hasItemText() {
    return content != null;
  }

  /** Whether the model has seen {@code user}. */
  public boolean knows(String user) {
    return userIndex.containsKey(user);
  }

  /** Items {@code user} interacted with in training; empty for unknown users. */
  public Set<String> seen(String user) {
    Integer u = userIndex.get(user);
    if (u == null) {
      return Set.of();
    }
    Set<String> s = new java.util.HashSet<>();
    for (int i : seen[u]) {
      s.add(catalogue.get(i));
    }
    return Set.copyOf(s);
  }

  /**
   * Top {@code k} items for a user, best first, explained.
   *
   * @param user the user, not blank; unknown users get popularity only (see {@link #recommendForInterests})
   * @param k how many, {@code > 0}
   * @param excludeSeen whether to leave out items the user interacted with in training
   * @throws IllegalArgumentException if an argument is invalid
   */
  public List<Scored<String>> recommend(String user, int k, boolean excludeSeen) {
    Checks.notBlank(user, "user");
    Checks.positive(k, "k");
    Integer u = userIndex.get(user);
    float[] profile = u == null ? null : profiles[u];
    return rank(u, profile, k, excludeSeen);
  }

  /**
   * Top {@code k} items for a new user from stated interests (content) and popularity.
   *
   * @param interests free text such as "口红 美妆 学生党"; blank means popularity only
   * @throws IllegalArgumentException if {@code k <= 0} or interests is null
   */
  public List<Scored<String>> recommendForInterests(String interests, int k) {
    Checks.notNull(interests, "interests");
    Checks.positive(k, "k");
    float[] profile = interests.isBlank() || embedder == null ? null : Vectors.normalize(embedder.embed(interests));
    return rank(null, profile, k, false);
  }

  /**
   * Recommends for many users on {@code threads} threads.
   *
   * @return per user, in the order given, the result of {@link #recommend}
   */
  public Map<String, List<Scored<String>>> recommendAll(
      Collection<String> users, int k, boolean excludeSeen, int threads, ProgressListener listener) {
    Checks.notNull(users, "users");
    Checks.positive(k, "k");
    Checks.positive(threads, "threads");
    Checks.notNull(listener, "listener");
    List<String> list = Checks.copyNoBlanks(users, "users");
    return BatchRecommend.each(list, threads, listener, user -> recommend(user, k, excludeSeen));
  }

  /**
   * The top {@code k} item indexes of a known user under each of {@code mixes}, computing each signal once: the
   * tuner rescores blend weights this way. Seen items are excluded.
   */
  int[][] topIndexes(int u, int k, List<BlendWeights> mixes) {
    // A signal no mix weighs is not computed (the tuner's trials score CF alone: no content dot products).
    double cfUsed = 0;
    double contentUsed = 0;
    for (BlendWeights w : mixes) {
      cfUsed = Math.max(cfUsed, w.cf());
      contentUsed = Math.max(contentUsed, w.content());
    }
    BlendWeights used = new BlendWeights(cfUsed, contentUsed, 0, 0);
    float[] cfScore = cfScores(u, used);
    float[] contentScore = contentScores(profiles[u], used);
    int[][] out = new int[mixes.size()][];
    for (int w = 0; w < mixes.size(); w++) {
      float[] total = combine(u, cfScore, contentScore, mixes.get(w), true);
      List<Hit> hits = TopK.of(total, k);
      int n = 0;
      int[] idx = new int[hits.size()];
      for (Hit h : hits) {
        if (h.score() == Float.NEGATIVE_INFINITY) {
          break;
        }
        idx[n++] = h.index();
      }
      out[w] = java.util.Arrays.copyOf(idx, n);
    }
    return out;
  }

  /** The index of a known user, or -1. */
  int userIndexOf(String user) {
    Integer u = userIndex.get(user);
    return u == null ? -1 : u;
  }

  private float[] cfScores(Integer u, BlendWeights w) {
    int n = catalogue.size();
    float[] cfScore = new float[n];
    if (u != null && w.cf() > 0) {
      float share = family == ModelFamily.BLEND ? 0.5f : 1f;
      if (cf != null) {
        float[] part = cf.scoreAll(u);
        for (int i = 0; i < part.length; i++) {
          cfScore[i] = share * part[i];
        }
      }
      if (ease != null) {
        float[] part = new float[n];
        ease.addScores(seen[u], seenWeights[u], part);
        for (int i = 0; i < n; i++) {
          cfScore[i] += share * part[i];
        }
      }
    }
    return cfScore;
  }

  private float[] contentScores(float[] profile, BlendWeights w) {
    return profile != null && w.content() > 0 && content != null ? content.centeredScores(profile)
        : new float[catalogue.size()];
  }

  private float[] combine(Integer u, float[] cfScore, float[] contentScore, BlendWeights w, boolean excludeSeen) {
    int n = catalogue.size();
    float[] total = new float[n];
    for (int i = 0; i < n; i++) {
      total[i] = (float) (w.cf() * cfScore[i] + w.content() * contentScore[i] + w.popularity() * popularity[i]);
    }
    if (u != null) {
      for (int e = 0; e < seen[u].length; e++) {
        // Seen items when asked; disliked ones (a negative summed weight) always: a user who rated an item down
        // must never get it back.
        if (excludeSeen || seenWeights[u][e] < 0) {
          total[seen[u][e]] = Float.NEGATIVE_INFINITY;
        }
      }
    }
    return total;
  }

  private List<Scored<String>> rank(Integer u, float[] profile, int k, boolean excludeSeen) {
    float[] cfScore = cfScores(u, weights);
    float[] contentScore = contentScores(profile, weights);
    float[] total = combine(u, cfScore, contentScore, weights, excludeSeen);
    List<Scored<String>> out = new ArrayList<>(k);
    for (Hit h : TopK.of(total, k)) {
      if (h.score() == Float.NEGATIVE_INFINITY) {
        break;
      }
      int i = h.index();
      List<Reason> reasons = new ArrayList<>(3);
      double c = weights.cf() * cfScore[i];
      if (c > 0) {
        String because = ease == null ? null : becauseOf(u, i);
        reasons.add(new Reason("cf", c, because != null ? because
            : "users with similar taste liked " + catalogue.get(i)));
      }
      double t = weights.content() * contentScore[i];
      if (t > 0) {
        String near = u == null ? null : nearestLiked(u, i);
        reasons.add(new Reason("content", t, near == null
            ? "matches your interests" : "similar to " + near + ", which you liked"));
      }
      double p = weights.popularity() * popularity[i];
      if (p > 0) {
        reasons.add(new Reason("popularity", p, "popular with everyone"));
      }
      reasons.sort(Comparator.comparingDouble(Reason::contribution).reversed());
      out.add(new Scored<>(catalogue.get(i), h.score(), reasons));
    }
    return List.copyOf(out);
  }

  /** "because you liked A and B": the (at most two) seen items that add most to {@code item}'s EASE score. */
  private String becauseOf(int u, int item) {
    int first = -1;
    int second = -1;
    float f = 0;
    float sec = 0;
    for (int e = 0; e < seen[u].length; e++) {
      float c = seenWeights[u][e] * ease.weight(seen[u][e], item);
      if (c > f) {
        second = first;
        sec = f;
        first = seen[u][e];
        f = c;
      } else if (c > sec) {
        second = seen[u][e];
        sec = c;
      }
    }
    if (first < 0) {
      return null;
    }
    return "because you liked " + catalogue.get(first) + (second < 0 ? "" : " and " + catalogue.get(second));
  }

  private String nearestLiked(int u, int item) {
    float[] v = itemVectors[item];
    if (v == null) {
      return null;
    }
    String best = null;
    float bestSim = Float.NEGATIVE_INFINITY;
    for (int e = 0; e < seen[u].length; e++) {
      float[] w = itemVectors[seen[u][e]];
      if (seenWeights[u][e] <= 0 || w == null || seen[u][e] == item) {
        continue;
      }
      float s = Vectors.dot(v, w);
      if (s > bestSim) {
        bestSim = s;
        best = catalogue.get(seen[u][e]);
      }
    }
    return best;
  }

  /**
   * A seeded random ranking of the catalogue: the floor any recommender must beat.
   *
   * @param seed the seed; the same seed and user give the same ranking
   */
  public List<String> randomRanking(String user, int k, boolean excludeSeen, long seed) {
    Checks.positive(k, "k");
    Set<String> skip = excludeSeen ? seen(user) : Set.of();
    List<String> pool = new ArrayList<>();
    for (String item : catalogue) {
      if (!skip.contains(item)) {
        pool.add(item);
      }
    }
    java.util.Collections.shuffle(pool, new Random(seed ^ user.hashCode()));
    return List.copyOf(pool.subList(0, Math.min(k, pool.size())));
  }

  /** Saves the model atomically (see {@link ModelFiles}). */
  public void save(Path path) throws IOException {
    Map<String, String> provenance = new java.util.LinkedHashMap<>(
        Provenance.of(embedder, "family=" + family + (cf == null ? "" : ",factors=" + cf.factors())
            + (ease == null ? "" : ",easeItems=" + ease.size() + ",easeLambda=" + ease.lambda()) + ",weights="
            + weights));
    if (!tuning.isEmpty()) {
      provenance.put(Provenance.TUNING, tuning);
    }
    ModelFiles.save(path, CODEC, this, provenance);
  }

  /**
   * Loads a saved model. Pass the embedder it was trained with (needed only for {@link #recommendForInterests}).
   *
   * @throws io.livecommerce.persist.ModelFormatException if the file is not a valid saved model
   */
  public static ImplicitModel load(Path path, TextEmbedder embedder) throws IOException {
    SavedModel<ImplicitModel> saved = ModelFiles.loadWithProvenance(path, CODEC);
    Provenance.requireSameEmbedder(path, saved.provenance(), embedder);
    ImplicitModel m = saved.model();
    return m.with(m.family, m.weights, embedder, saved.provenance().getOrDefault(Provenance.TUNING, ""));
  }

  @Override
  public String toString() {
    return "ImplicitModel{family=" + family + ", users=" + users.size() + ", catalogue=" + catalogue.size()
        + ", weights=" + weights + "}";
  }
}
