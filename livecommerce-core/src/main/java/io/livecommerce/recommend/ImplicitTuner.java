package io.livecommerce.recommend;

import io.livecommerce.embed.TextEmbedder;
import io.livecommerce.eval.RankingEvaluator;
import io.livecommerce.internal.Checks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the {@link ImplicitRecommender}'s settings from the data it is given, and only from that: a validation
 * split is carved out of those interactions (each user's most recent fifth of items when timestamps vary, a seeded
 * random fifth when they do not), candidates are trained on the rest and scored by NDCG@k on the held-out items, and
 * the winner is retrained on everything given. Give it the training part only, never the data you evaluate on.
 *
 * <p>When no user has 3 or more distinct items there is nothing to validate on: the defaults (with the settings the
 * caller fixed) train, {@link Result#trials()} is 0 and the validation score NaN.
 *
 * <p>Searched: the confidence transform of the weight column ({@link ConfidenceTransform}), alpha, factors,
 * regularization, iterations, and the blend weights of content and popularity (0 allowed). Settings fixed with the
 * builder are not searched. The search is a seeded sample of at most {@code maxTrials} configurations trained with
 * few iterations, the best third retrained with more (successive halving), then the blend weights rescored on the
 * winner without retraining. With a seed and no time budget hit, the choice is deterministic; the time budget ends
 * the search early on slow machines (it is checked between trials) and then what was tried so far decides.
 *
 * <p>Immutable and thread-safe.
 */
public final class ImplicitTuner {

  private static final Logger LOG = LoggerFactory.getLogger(ImplicitTuner.class);

  static final ConfidenceTransform[] CONFIDENCES = ConfidenceTransform.values();
  static final double[] ALPHAS = {1, 5, 20, 40};
  static final int[] FACTORS = {8, 16, 32, 64};
  static final double[] REGULARIZATIONS = {0.01, 0.1, 1};
  static final int SHORT_ITERATIONS = 4;
  static final int[] ITERATIONS = {8, 15};
  static final double[] CONTENT_WEIGHTS = {0, 0.1, 0.25, 0.5, 1};
  static final double[] POPULARITY_WEIGHTS = {0, 0.05, 0.2, 0.5};

  private final TextEmbedder embedder;
  private final long seed;
  private final int maxTrials;
  private final Duration budget;
  private final int k;
  private final int maxValidationUsers;
  private final ConfidenceTransform confidence;
  private final Double alpha;
  private final Integer factors;
  private final Double regularization;
  private final Integer iterations;
  private final LongSupplier nanoTime;

  private ImplicitTuner(Builder b) {
    this.embedder = b.embedder;
    this.seed = b.seed;
    this.maxTrials = b.maxTrials;
    this.budget = b.budget;
    this.k = b.k;
    this.maxValidationUsers = b.maxValidationUsers;
    this.confidence = b.confidence;
    this.alpha = b.alpha;
    this.factors = b.factors;
    this.regularization = b.regularization;
    this.iterations = b.iterations;
    this.nanoTime = b.nanoTime;
  }

  /** A builder: seed 42, 24 trials, 60 s budget, NDCG@10, nothing fixed. */
  public static Builder newBuilder() {
    return new Builder();
  }

  /** One configuration and its validation score. Immutable and thread-safe. */
  public record Trial(ConfidenceTransform confidence, double alpha, int factors, double regularization,
      int iterations, BlendWeights weights, double validationNdcg) {

    /** The recommender this configuration trains. */
    ImplicitRecommender recommender(TextEmbedder embedder, long seed) {
      return ImplicitRecommender.newBuilder().embedder(embedder).confidence(confidence).weights(weights)
          .als(ImplicitAls.newBuilder().factors(factors).iterations(iterations).regularization(regularization)
              .alpha(alpha).seed(seed).build())
          .build();
    }

    /** The settings as {@code key=value} pairs. */
    public String describe() {
      return String.format(Locale.ROOT, "confidence=%s,alpha=%s,factors=%d,regularization=%s,iterations=%d,"
              + "content=%s,popularity=%s", confidence.name().toLowerCase(Locale.ROOT), plain(alpha), factors,
          plain(regularization), iterations, plain(weights.content()), plain(weights.popularity()));
    }
  }

  /**
   * The tuned model, trained on every interaction given, with the winning trial and what the search saw. Immutable
   * and thread-safe.
   *
   * @param model the model
   * @param best the winning configuration and its validation NDCG
   * @param trials configurations scored
   * @param millis wall time of the search
   */
  public record Result(ImplicitModel model, Trial best, int trials, long millis) {
    /** One line for logs and the CLI. */
    public String describe() {
      return best.describe() + String.format(Locale.ROOT, ",validationNdcg=%.4f,trials=%d,seconds=%.1f",
          best.validationNdcg(), trials, millis / 1000.0);
    }
  }

  /**
   * Tunes on {@code interactions} and trains the winner on all of them.
   *
   * @param interactions the training log, not empty
   * @param itemTexts text per item; may be empty; needs the embedder when not
   * @throws IllegalArgumentException if an argument is invalid
   */
  public Result tune(List<Interaction> interactions, Map<String, String> itemTexts) {
    List<Interaction> log = Checks.copyNoNulls(Checks.notNull(interactions, "interactions"), "interactions");
    Checks.notNull(itemTexts, "itemTexts");
    if (log.isEmpty()) {
      throw new IllegalArgumentException("interactions must not be empty");
    }
    if (!itemTexts.isEmpty() && embedder == null) {
      throw new IllegalArgumentException("itemTexts given (" + itemTexts.size() + " items) but no embedder set");
    }
    long start = nanoTime.getAsLong();
    TextEmbedder memo = embedder == null ? null : new MemoEmbedder(embedder);
    Map<String, String> texts = itemTexts;
    Validation v = Validation.of(log, seed, maxValidationUsers);
    if (v == null) {
      // No user has 3 or more items: nothing to validate on. The defaults, with what the caller fixed, train.
      Trial defaults = new Trial(confidence != null ? confidence : ConfidenceTransform.LINEAR,
          alpha != null ? alpha : 5, factors != null ? factors : 32, regularization != null ? regularization : 0.1,
          iterations != null ? iterations : 10, BlendWeights.DEFAULT, Double.NaN);
      LOG.info("too little data to tune (no user has 3 or more distinct items); training with {}",
          defaults.describe());
      ImplicitModel m = defaults.recommender(embedder, seed).fit(log, itemTexts);
      return new Result(m.withTuning("untuned (too little data)," + defaults.describe()), defaults, 0,
          (nanoTime.getAsLong() - start) / 1_000_000);
    }
    List<Trial> candidates = candidates();
    List<Trial> scored = new ArrayList<>();
    boolean stopped = false;
    // Round 1: every sampled configuration, few iterations, CF alone so the blend does not hide a bad factor model.
    for (Trial c : candidates) {
      if (overBudget(start)) {
        stopped = true;
        break;
      }
      scored.add(score(c, SHORT_ITERATIONS, BlendWeights.CF_ONLY, v, memo, texts));
    }
    scored.sort(Comparator.comparingDouble(Trial::validationNdcg).reversed());
    // Round 2: the best third with full iterations.
    List<Trial> round2 = new ArrayList<>();
    int keep = Math.max(1, (scored.size() + 2) / 3);
    for (Trial c : scored.subList(0, Math.min(keep, scored.size()))) {
      for (int it : iterations != null ? new int[] {iterations} : ITERATIONS) {
        if (!round2.isEmpty() && overBudget(start)) {
          stopped = true;
          break;
        }
        round2.add(score(c, it, BlendWeights.CF_ONLY, v, memo, texts));
      }
    }
    round2.sort(Comparator.comparingDouble(Trial::validationNdcg).reversed());
    Trial cf = round2.get(0);
    // Round 3: blend weights on the winner, rescoring only.
    ImplicitModel model = cf.recommender(memo, seed).fit(v.train, texts);
    Trial best = cf;
    for (double content : texts.isEmpty() ? new double[] {0} : CONTENT_WEIGHTS) {
      for (double pop : POPULARITY_WEIGHTS) {
        BlendWeights w = new BlendWeights(1, content, pop, 0);
        double ndcg = v.ndcg(model.withWeights(w), k);
        if (ndcg > best.validationNdcg() + 1e-12) {
          best = new Trial(cf.confidence(), cf.alpha(), cf.factors(), cf.regularization(), cf.iterations(), w, ndcg);
        }
      }
    }
    ImplicitModel full = best.recommender(embedder, seed).fit(log, itemTexts);
    long millis = (nanoTime.getAsLong() - start) / 1_000_000;
    Result r = new Result(full, best, scored.size() + round2.size(), millis);
    r = new Result(full.withTuning(r.describe()), best, r.trials(), millis);
    if (stopped) {
      LOG.info("tuning stopped at its {} s budget after {} trials", budget.toSeconds(), r.trials());
    }
    LOG.info("tuned on {} interactions ({} validation users): {}", log.size(), v.relevant.size(), r.describe());
    return r;
  }

  private boolean overBudget(long start) {
    return nanoTime.getAsLong() - start > budget.toNanos();
  }

  private Trial score(Trial c, int iters, BlendWeights w, Validation v, TextEmbedder memo, Map<String, String> texts) {
    Trial t = new Trial(c.confidence(), c.alpha(), c.factors(), c.regularization(), iters, w, Double.NaN);
    double ndcg = v.ndcg(t.recommender(memo, seed).fit(v.train, texts), k);
    LOG.debug("trial {}: validation NDCG@{} {}", t.describe(), k, ndcg);
    return new Trial(t.confidence(), t.alpha(), t.factors(), t.regularization(), iters, w, ndcg);
  }

  /** A seeded sample of the grid, restricted to the settings not fixed. */
  List<Trial> candidates() {
    List<Trial> all = new ArrayList<>();
    for (ConfidenceTransform c : confidence != null ? new ConfidenceTransform[] {confidence} : CONFIDENCES) {
      for (double a : alpha != null ? new double[] {alpha} : ALPHAS) {
        for (int f : factors != null ? new int[] {factors} : FACTORS) {
          for (double r : regularization != null ? new double[] {regularization} : REGULARIZATIONS) {
            all.add(new Trial(c, a, f, r, SHORT_ITERATIONS, BlendWeights.CF_ONLY, Double.NaN));
          }
        }
      }
    }
    Collections.shuffle(all, new Random(seed));
    return all.subList(0, Math.min(maxTrials, all.size()));
  }

  /** The held-out part of the training data and the rest. */
  static final class Validation {
    final List<Interaction> train;
    final Map<String, Set<String>> relevant;
    final int catalog;

    private Validation(List<Interaction> train, Map<String, Set<String>> relevant, int catalog) {
      this.train = train;
      this.relevant = relevant;
      this.catalog = catalog;
    }

    /**
     * Per user, the last fifth of their distinct items (by first time seen) when their timestamps vary, else a
     * seeded random fifth; users with fewer than 3 items stay whole in training.
     */
    static Validation of(List<Interaction> log, long seed, int maxUsers) {
      Map<String, LinkedHashMap<String, Long>> firstSeen = new LinkedHashMap<>();
      Set<String> items = new HashSet<>();
      for (Interaction it : log) {
        firstSeen.computeIfAbsent(it.user(), u -> new LinkedHashMap<>())
            .merge(it.item(), it.timestampMillis(), Math::min);
        items.add(it.item());
      }
      List<String> users = new ArrayList<>(firstSeen.keySet());
      Collections.sort(users);
      Random rnd = new Random(seed);
      Collections.shuffle(users, rnd);
      Set<String> sampled = new HashSet<>(users.subList(0, Math.min(maxUsers, users.size())));
      Map<String, Set<String>> held = new HashMap<>();
      for (String u : users) {
        if (!sampled.contains(u)) {
          continue;
        }
        List<Map.Entry<String, Long>> e = new ArrayList<>(firstSeen.get(u).entrySet());
        if (e.size() < 3) {
          continue;
        }
        e.sort(Map.Entry.comparingByKey()); // a fixed order before shuffling or sorting by time
        boolean timed = e.stream().map(Map.Entry::getValue).distinct().count() > 1;
        if (timed) {
          e.sort(Map.Entry.comparingByValue());
        } else {
          Collections.shuffle(e, rnd);
        }
        int n = Math.max(1, e.size() / 5);
        Set<String> out = new HashSet<>();
        for (Map.Entry<String, Long> x : e.subList(e.size() - n, e.size())) {
          out.add(x.getKey());
        }
        held.put(u, out);
      }
      List<Interaction> train = new ArrayList<>();
      Map<String, Set<String>> relevant = new HashMap<>();
      for (Interaction it : log) {
        Set<String> h = held.get(it.user());
        if (h != null && h.contains(it.item())) {
          if (it.weight() > 0) {
            relevant.computeIfAbsent(it.user(), x -> new HashSet<>()).add(it.item());
          }
        } else {
          train.add(it);
        }
      }
      return relevant.isEmpty() ? null : new Validation(train, relevant, items.size());
    }

    double ndcg(ImplicitModel m, int k) {
      return RankingEvaluator.evaluate("validation", u -> m.knows(u)
          ? m.recommend(u, k, true).stream().map(s -> s.item()).toList() : List.of(), relevant, k, catalog).ndcg();
    }
  }

  /** Embeds each text once across trials; the trials see the same vectors the real embedder gives. */
  private static final class MemoEmbedder implements TextEmbedder {
    private final TextEmbedder inner;
    private final Map<String, float[]> memo = new ConcurrentHashMap<>();

    MemoEmbedder(TextEmbedder inner) {
      this.inner = inner;
    }

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
      return memo.computeIfAbsent(text, inner::embed).clone();
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
      List<String> missing = texts.stream().filter(t -> t != null && !memo.containsKey(t)).distinct().toList();
      if (!missing.isEmpty()) {
        List<float[]> vs = inner.embedAll(missing);
        for (int i = 0; i < missing.size(); i++) {
          memo.put(missing.get(i), vs.get(i));
        }
      }
      List<float[]> out = new ArrayList<>(texts.size());
      for (String t : texts) {
        out.add(t == null ? inner.embed(t) : memo.get(t).clone());
      }
      return out;
    }

    @Override
    public void close() {
      // the caller owns the inner embedder
    }
  }

  private static String plain(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
  }

  /** Builds an {@link ImplicitTuner}. Not thread-safe. */
  public static final class Builder {
    private TextEmbedder embedder;
    private long seed = 42;
    private int maxTrials = 24;
    private Duration budget = Duration.ofSeconds(60);
    private int k = 10;
    private int maxValidationUsers = 5000;
    private ConfidenceTransform confidence;
    private Double alpha;
    private Integer factors;
    private Double regularization;
    private Integer iterations;
    private LongSupplier nanoTime = System::nanoTime;

    private Builder() {}

    /** The embedder for item text; null for none. */
    public Builder embedder(TextEmbedder embedder) {
      this.embedder = embedder;
      return this;
    }

    /** Seeds the validation split, the sample of configurations and the factor models; default 42. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** At most this many configurations in the first round, in [1, 1000]; default 24. */
    public Builder maxTrials(int trials) {
      this.maxTrials = Checks.inRange(trials, 1, 1000, "maxTrials");
      return this;
    }

    /** The time after which no new trial starts, {@code > 0}; default 60 s. */
    public Builder budget(Duration budget) {
      Checks.notNull(budget, "budget");
      if (budget.isNegative() || budget.isZero()) {
        throw new IllegalArgumentException("budget must be > 0 but was " + budget);
      }
      this.budget = budget;
      return this;
    }

    /** The cut-off of the validation NDCG, in [1, 1000]; default 10. */
    public Builder k(int k) {
      this.k = Checks.inRange(k, 1, 1000, "k");
      return this;
    }

    /** Validation users sampled at most (seeded), in [1, 10^7]; default 5,000. */
    public Builder maxValidationUsers(int users) {
      this.maxValidationUsers = Checks.inRange(users, 1, 10_000_000, "maxValidationUsers");
      return this;
    }

    /** Fixes the confidence transform instead of searching it. */
    public Builder confidence(ConfidenceTransform confidence) {
      this.confidence = Checks.notNull(confidence, "confidence");
      return this;
    }

    /** Fixes alpha ({@code >= 0}) instead of searching it. */
    public Builder alpha(double alpha) {
      this.alpha = Checks.nonNegative(alpha, "alpha");
      return this;
    }

    /** Fixes the factors (in [1, 1024]) instead of searching them. */
    public Builder factors(int factors) {
      this.factors = Checks.inRange(factors, 1, 1024, "factors");
      return this;
    }

    /** Fixes the regularization ({@code > 0}) instead of searching it. */
    public Builder regularization(double regularization) {
      this.regularization = Checks.positive(regularization, "regularization");
      return this;
    }

    /** Fixes the iterations (in [1, 1000]) instead of searching them. */
    public Builder iterations(int iterations) {
      this.iterations = Checks.inRange(iterations, 1, 1000, "iterations");
      return this;
    }

    /** The clock of the time budget; default {@link System#nanoTime}. For tests. */
    Builder nanoTime(LongSupplier nanoTime) {
      this.nanoTime = Checks.notNull(nanoTime, "nanoTime");
      return this;
    }

    /** Builds the tuner. */
    public ImplicitTuner build() {
      return new ImplicitTuner(this);
    }
  }
}
