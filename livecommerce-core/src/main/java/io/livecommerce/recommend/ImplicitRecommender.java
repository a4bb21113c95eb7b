package io.livecommerce.recommend;

import io.livecommerce.ProgressListener;
import io.livecommerce.embed.TextEmbedder;
import io.livecommerce.internal.Checks;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A hybrid recommender for any implicit-feedback log of (user, item, weight, time), with optional item text: the
 * same machinery as the live-room recommender, for evaluating on your own data.
 *
 * <pre>{@code
 * ImplicitModel model = ImplicitRecommender.newBuilder()
 *     .als(ImplicitAls.newBuilder().factors(32).seed(7).build())
 *     .embedder(embedder)                       // optional: content similarity from item text
 *     .halfLifeDays(14)
 *     .build()
 *     .fit(interactions, itemTexts);
 * List<Scored<String>> top = model.recommend("u42", 10, true);
 * }</pre>
 *
 * <p>Immutable and thread-safe; {@link #fit} may run concurrently.
 */
public final class ImplicitRecommender {

  private final ModelFamily family;
  private final ImplicitAls als;
  private final EaseTrainer ease;
  private final TextEmbedder embedder;
  private final BlendWeights weights;
  private final double halfLifeDays;
  private final ConfidenceTransform confidence;

  private ImplicitRecommender(Builder b) {
    this.family = b.family;
    this.als = b.als;
    this.ease = b.ease;
    this.embedder = b.embedder;
    this.weights = b.weights;
    this.halfLifeDays = b.halfLifeDays;
    this.confidence = b.confidence;
  }

  /** A builder: the ALS family with default ALS, no embedder, {@link BlendWeights#DEFAULT}, no time decay. */
  public static Builder newBuilder() {
    return new Builder();
  }

  /** Trains without item text. */
  public ImplicitModel fit(List<Interaction> interactions) {
    return fit(interactions, Map.of(), ProgressListener.NONE);
  }

  /** Trains with item text (content similarity needs an embedder). */
  public ImplicitModel fit(List<Interaction> interactions, Map<String, String> itemTexts) {
    return fit(interactions, itemTexts, ProgressListener.NONE);
  }

  /**
   * Trains the factor model, the users' taste profiles over item text, and item popularity. Items that only have
   * text join the catalogue and can be recommended by content.
   *
   * @param interactions the log, not empty
   * @param itemTexts text per item; may be empty; needs an embedder when not empty
   * @param listener told of ALS iterations
   * @throws IllegalArgumentException if an argument is invalid, or texts are given without an embedder
   */
  public ImplicitModel fit(List<Interaction> interactions, Map<String, String> itemTexts, ProgressListener listener) {
    Checks.notNull(interactions, "interactions");
    Checks.notNull(itemTexts, "itemTexts");
    Checks.notNull(listener, "listener");
    if (interactions.isEmpty()) {
      throw new IllegalArgumentException("interactions must not be empty");
    }
    for (int i = 0; i < interactions.size(); i++) {
      if (interactions.get(i) == null) {
        throw new IllegalArgumentException("interactions[" + i + "] must not be null");
      }
    }
    if (!itemTexts.isEmpty() && embedder == null) {
      throw new IllegalArgumentException("itemTexts given (" + itemTexts.size() + " items) but no embedder set");
    }
    return fit(interactions, itemTexts, listener, null);
  }

  /**
   * As {@link #fit(List, Map, ProgressListener)}, the factor model continuing from {@code warm} (trained on the same
   * log with the same settings) for {@code als().iterations()} more sweeps: the tuner's successive halving carries a
   * trial on instead of starting it again.
   */
  ImplicitModel fit(List<Interaction> interactions, Map<String, String> itemTexts, ProgressListener listener,
      AlsModel warm) {
    InteractionMatrix m = matrix(interactions);
    AlsModel cf = family.usesAls() ? als.fit(m, listener, warm) : null;
    EaseModel item2item = family.usesEase() ? ease.fit(m) : null;
    return assemble(m, cf, item2item, itemTexts);
  }

  /**
   * A model whose factors were trained elsewhere on the same log (for example Spark MLlib's implicit ALS, fed each
   * pair's {@link #pairStrength strength} with this recommender's alpha): the catalogue, popularity, content
   * profiles and seen lists come from {@code interactions} exactly as {@link #fit} makes them, so the result
   * serves, explains, saves and loads like a model this recommender trained. Family ALS only.
   *
   * @param userFactors a vector per user of the log, all of one length
   * @param itemFactors a vector per item of the log, of the same length
   * @throws IllegalArgumentException if an argument is invalid, the family is not ALS, a user or item of the log
   *     has no vector (the message names it), or the lengths differ
   */
  public ImplicitModel fromFactors(List<Interaction> interactions, Map<String, String> itemTexts,
      Map<String, float[]> userFactors, Map<String, float[]> itemFactors) {
    Checks.notNull(interactions, "interactions");
    requireFromFactors(itemTexts, userFactors, itemFactors);
    if (interactions.isEmpty()) {
      throw new IllegalArgumentException("interactions must not be empty");
    }
    return fromFactors(matrix(interactions), itemTexts, userFactors, itemFactors);
  }

  /**
   * As {@link #fromFactors(List, Map, Map, Map)}, with the log already aggregated into a {@link PairTable} (each
   * pair's weights decayed and summed): two ints and a double per pair instead of an object, for logs of tens of
   * millions of pairs.
   *
   * @throws IllegalArgumentException as the list form
   */
  public ImplicitModel fromFactors(PairTable pairs, Map<String, String> itemTexts, Map<String, float[]> userFactors,
      Map<String, float[]> itemFactors) {
    Checks.notNull(pairs, "pairs");
    requireFromFactors(itemTexts, userFactors, itemFactors);
    InteractionMatrix m = InteractionMatrix.of(pairs, als.alpha(), confidence);
    requireSomePositive(m, m.userWeight.length);
    return fromFactors(m, itemTexts, userFactors, itemFactors);
  }

  private void requireFromFactors(Map<String, String> itemTexts, Map<String, float[]> userFactors,
      Map<String, float[]> itemFactors) {
    Checks.notNull(itemTexts, "itemTexts");
    Checks.notNull(userFactors, "userFactors");
    Checks.notNull(itemFactors, "itemFactors");
    if (family != ModelFamily.ALS) {
      throw new IllegalArgumentException("fromFactors makes an ALS model but the family is " + family);
    }
  }

  private ImplicitModel fromFactors(InteractionMatrix m, Map<String, String> itemTexts,
      Map<String, float[]> userFactors, Map<String, float[]> itemFactors) {
    float[] first = userFactors.values().stream().findFirst().orElseThrow(
        () -> new IllegalArgumentException("userFactors is empty"));
    int k = first.length;
    float[] uf = stack(m.userIds, userFactors, k, "userFactors");
    float[] itf = stack(m.itemIds, itemFactors, k, "itemFactors");
    AlsModel cf = new AlsModel(m.userIds, m.itemIds, k, uf, itf, new double[0]);
    return assemble(m, cf, null, itemTexts);
  }

  private static float[] stack(List<String> ids, Map<String, float[]> vectors, int k, String name) {
    float[] out = new float[ids.size() * k];
    for (int i = 0; i < ids.size(); i++) {
      float[] v = vectors.get(ids.get(i));
      if (v == null) {
        throw new IllegalArgumentException(name + " has no vector for " + Checks.quote(ids.get(i)));
      }
      if (v.length != k) {
        throw new IllegalArgumentException(name + " of " + Checks.quote(ids.get(i)) + " has length " + v.length
            + ", others " + k);
      }
      System.arraycopy(Checks.finite(v, name), 0, out, i * k, k);
    }
    return out;
  }

  /**
   * The strength of one (user, item) pair as {@link #fit} computes it: the pair's weights, each decayed by its age
   * at {@code newestMillis} (the newest timestamp of the log) with the half-life, summed, then transformed by the
   * confidence transform. The ALS confidence is {@code 1 + alpha * |strength|}, a preference when it is positive.
   */
  public double pairStrength(List<Interaction> pair, long newestMillis) {
    double sum = 0;
    for (Interaction it : pair) {
      sum += it.weight() * Signals.decay(newestMillis - it.timestampMillis(), halfLifeDays);
    }
    return confidence.apply(sum);
  }

  /**
   * The time decay {@link #fit} applies to a weight {@code ageMillis} older than the newest interaction:
   * {@code 0.5^(age / halfLife)}, or 1 without a half-life. For trainers elsewhere that must match it.
   */
  public static double decay(long ageMillis, double halfLifeDays) {
    return Signals.decay(ageMillis, halfLifeDays);
  }

  /** The half-life of interaction weights in days; 0 for none. */
  public double halfLifeDays() {
    return halfLifeDays;
  }

  /** How a pair's summed weight becomes its strength. */
  public ConfidenceTransform confidence() {
    return confidence;
  }

  /** The factor model's settings (alpha, factors, regularization, iterations, seed). */
  public ImplicitAls als() {
    return als;
  }

  private InteractionMatrix matrix(List<Interaction> interactions) {
    long now = 0;
    for (Interaction it : interactions) {
      now = Math.max(now, it.timestampMillis());
    }
    final long ref = now;
    InteractionMatrix m = InteractionMatrix.of(interactions, als.alpha(),
        it -> it.weight() * Signals.decay(ref - it.timestampMillis(), halfLifeDays), confidence);
    requireSomePositive(m, interactions.size());
    return m;
  }

  /** Refuses a log of dislikes only: with no positive weight every score is 0 and any ranking would be made up. */
  private static void requireSomePositive(InteractionMatrix m, int interactions) {
    for (float w : m.userWeight) {
      if (w > 0) {
        return;
      }
    }
    throw new IllegalArgumentException("interactions has no positive weight: every one of the " + interactions
        + " is negative or zero. A negative weight is a dislike (never recommended back, and it counts against the "
        + "item); there must be some positive interactions to learn a taste from");
  }

  private ImplicitModel assemble(InteractionMatrix m, AlsModel cf, EaseModel item2item,
      Map<String, String> itemTexts) {
    // Catalogue: items with interactions first (ALS order), then items that only have text.
    List<String> catalogue = new ArrayList<>(m.itemIds);
    Map<String, Integer> index = new HashMap<>(m.itemIndex);
    for (String item : new LinkedHashMap<>(itemTexts).keySet()) {
      Checks.notBlank(item, "itemTexts key");
      if (!index.containsKey(item)) {
        index.put(item, catalogue.size());
        catalogue.add(item);
      }
    }
    float[][] itemVectors = new float[catalogue.size()][];
    if (embedder != null && !itemTexts.isEmpty()) {
      List<String> texts = new ArrayList<>(catalogue.size());
      for (String item : catalogue) {
        texts.add(itemTexts.get(item));
      }
      itemVectors = Signals.embed(embedder, texts);
    }
    float[][] profiles = new float[m.users()][];
    for (int u = 0; u < m.users(); u++) {
      profiles[u] = Signals.profile(m.userItems, m.userWeight, m.userPtr[u], m.userPtr[u + 1], itemVectors);
    }
    // A negative weight is a dislike: it counts against the item here, and the model never recommends the item back.
    float[] pop = java.util.Arrays.copyOf(Signals.popularity(m, true), catalogue.size());
    int[][] seen = new int[m.users()][];
    for (int u = 0; u < m.users(); u++) {
      seen[u] = java.util.Arrays.copyOfRange(m.userItems, m.userPtr[u], m.userPtr[u + 1]);
    }
    float[][] liked = new float[m.users()][];
    for (int u = 0; u < m.users(); u++) {
      liked[u] = java.util.Arrays.copyOfRange(m.userWeight, m.userPtr[u], m.userPtr[u + 1]);
    }
    return new ImplicitModel(family, m.userIds, cf, item2item, catalogue, itemVectors, profiles, pop, seen, liked,
        weights, embedder);
  }

  @Override
  public String toString() {
    return "ImplicitRecommender{family=" + family + ", " + (family.usesAls() ? als + ", " : "")
        + (family.usesEase() ? ease + ", " : "") + "confidence=" + confidence + ", embedder=" + embedder + ", weights="
        + weights + ", halfLifeDays=" + halfLifeDays + "}";
  }

  /** Builds an {@link ImplicitRecommender}. Not thread-safe. */
  public static final class Builder {
    private ModelFamily family = ModelFamily.ALS;
    private ImplicitAls als = ImplicitAls.newBuilder().build();
    private EaseTrainer ease = EaseTrainer.newBuilder().build();
    private TextEmbedder embedder;
    private BlendWeights weights = BlendWeights.DEFAULT;
    private double halfLifeDays;
    private ConfidenceTransform confidence = ConfidenceTransform.LINEAR;

    private Builder() {}

    /** How a weight becomes confidence; default {@link ConfidenceTransform#LINEAR}. */
    public Builder confidence(ConfidenceTransform confidence) {
      this.confidence = Checks.notNull(confidence, "confidence");
      return this;
    }

    /** Which collaborative model to train; default {@link ModelFamily#ALS}. */
    public Builder family(ModelFamily family) {
      this.family = Checks.notNull(family, "family");
      return this;
    }

    /** The item-to-item trainer, used by the {@link ModelFamily#EASE} and {@link ModelFamily#BLEND} families. */
    public Builder ease(EaseTrainer ease) {
      this.ease = Checks.notNull(ease, "ease");
      return this;
    }

    /** The factor-model trainer, used by the {@link ModelFamily#ALS} and {@link ModelFamily#BLEND} families. */
    public Builder als(ImplicitAls als) {
      this.als = Checks.notNull(als, "als");
      return this;
    }

    /** The embedder for item text; null for none. The model keeps it to embed cold-start interests. */
    public Builder embedder(TextEmbedder embedder) {
      this.embedder = embedder;
      return this;
    }

    /**
     * How signals are mixed; default {@link BlendWeights#DEFAULT}.
     *
     * @throws IllegalArgumentException if {@code weights.repeat()} is not 0 (a room signal)
     */
    public Builder weights(BlendWeights weights) {
      this.weights = Checks.notNull(weights, "weights");
      ImplicitModel.requireNoRepeat(weights);
      return this;
    }

    /** Interactions lose half their weight every this many days before the newest one; 0 (default) for none. */
    public Builder halfLifeDays(double halfLifeDays) {
      this.halfLifeDays = Checks.nonNegative(halfLifeDays, "halfLifeDays");
      return this;
    }

    /** Builds the recommender. */
    public ImplicitRecommender build() {
      return new ImplicitRecommender(this);
    }
  }
}
