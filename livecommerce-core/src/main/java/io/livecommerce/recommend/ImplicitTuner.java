package io.livecommerce.recommend;

import io.livecommerce.embed.TextEmbedder;
import io.livecommerce.internal.Checks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
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
 * <p>Searched: the model family ({@link ModelFamily}: ALS, EASE or both), the confidence transform of the weight
 * column ({@link ConfidenceTransform}), ALS's alpha, factors, regularization and iterations, EASE's λ, and the blend
 * weights of content and popularity (0 allowed). Settings fixed with the builder are not searched. ALS is a seeded
 * sample of at most {@code maxTrials} configurations trained with few iterations, the best third retrained with more
 * (successive halving, each kept configuration continuing its training rather than starting again); EASE's λ, per
 * confidence transform, is searched over 0.1–100 times the mean of {@code XᵀX}'s diagonal (see {@code LambdaClimb}),
 * on the {@link Builder#easeSearchItems} most-interacted items; the final model covers {@link Builder#easeMaxItems}.
 * Item texts are embedded once for all trials and the final model. The best ALS, the best EASE and their blend
 * then compete on a fresh validation split (the first split flatters whichever family was searched harder), and the
 * blend weights are rescored on the winner without retraining. With a seed and no time budget hit, the choice is
 * deterministic; the time budget ends the search early on slow machines or large catalogues (it is checked between
 * trials, with room kept for the winner's rescoring, timed on a sample, and the predicted final fit) and then what
 * was tried so far decides, and {@link Result#untried()} says what was left out. {@link Result#costs()} gives each
 * trial's time. Where the clock stopped the search, {@link Result#stoppedAfter()} gives the trials fitted by then, and
 * a tuner built with that {@link Builder#trialLimit} instead of a budget makes the same choice on any machine.
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
  static final int FRESH_SPLITS = 1;
  static final ConfidenceTransform[] EASE_CONFIDENCES = {ConfidenceTransform.BINARY, ConfidenceTransform.LOG,
      ConfidenceTransform.LINEAR};
  static final double[] CONTENT_WEIGHTS = {0, 0.1, 0.25, 0.5, 1};
  static final double[] POPULARITY_WEIGHTS = {0, 0.05, 0.2, 0.5};
  /** The most items EASE covers during the λ search, by default. */
  public static final int DEFAULT_EASE_SEARCH_ITEMS = 4000;
  /** The time budget when neither {@link Builder#budget} nor {@link Builder#trialLimit} is set. */
  public static final Duration DEFAULT_BUDGET = Duration.ofSeconds(50);

  private final TextEmbedder embedder;
  private final long seed;
  private final int maxTrials;
  private final Duration budget;
  private final int trialLimit;
  private final int k;
  private final int maxValidationUsers;
  private final ConfidenceTransform confidence;
  private final Double alpha;
  private final Integer factors;
  private final Double regularization;
  private final Integer iterations;
  private final ModelFamily family;
  private final Double easeLambda;
  private final int easeMaxItems;
  private final int easeSearchItems;
  private final LongSupplier nanoTime;

  private ImplicitTuner(Builder b) {
    this.embedder = b.embedder;
    this.seed = b.seed;
    this.maxTrials = b.maxTrials;
    this.budget = b.budget != null ? b.budget : b.trialLimit > 0 ? null : DEFAULT_BUDGET;
    this.trialLimit = b.trialLimit;
    this.k = b.k;
    this.maxValidationUsers = b.maxValidationUsers;
    this.confidence = b.confidence;
    this.alpha = b.alpha;
    this.factors = b.factors;
    this.regularization = b.regularization;
    this.iterations = b.iterations;
    this.family = b.family != null ? b.family : impliedFamily(b);
    this.easeLambda = b.easeLambda;
    this.easeMaxItems = b.easeMaxItems;
    this.easeSearchItems = Math.min(b.easeSearchItems, b.easeMaxItems);
    this.nanoTime = b.nanoTime;
  }

  /** A builder: seed 42, 24 trials, 50 s budget, no trial limit, NDCG@10, nothing fixed. */
  public static Builder newBuilder() {
    return new Builder();
  }

  /** One configuration and its validation score. Immutable and thread-safe. */
  public record Trial(ModelFamily family, ConfidenceTransform confidence, double alpha, int factors,
      double regularization, int iterations, double easeLambda, BlendWeights weights, double validationNdcg) {

    Trial scored(double ndcg) {
      return new Trial(family, confidence, alpha, factors, regularization, iterations, easeLambda, weights, ndcg);
    }

    Trial withIterations(int its) {
      return new Trial(family, confidence, alpha, factors, regularization, its, easeLambda, weights, Double.NaN);
    }

    Trial withWeights(BlendWeights w) {
      return new Trial(family, confidence, alpha, factors, regularization, iterations, easeLambda, w, Double.NaN);
    }

    Trial withEase(ModelFamily f, double lambda) {
      return new Trial(f, confidence, alpha, factors, regularization, iterations, lambda, weights, Double.NaN);
    }

    /** The recommender this configuration trains. */
    ImplicitRecommender recommender(TextEmbedder embedder, long seed, int easeMaxItems) {
      return ImplicitRecommender.newBuilder().family(family).embedder(embedder).confidence(confidence)
          .weights(weights)
          .als(ImplicitAls.newBuilder().factors(factors).iterations(iterations).regularization(regularization)
              .alpha(alpha).seed(seed).build())
          .ease(EaseTrainer.newBuilder().relativeLambda(easeLambda).maxItems(easeMaxItems).build())
          .build();
    }

    /** The settings, in the one printed form ({@link ImplicitSettings#toString()}). */
    public ImplicitSettings settings() {
      return new ImplicitSettings(family, confidence, new AlsSettings(factors, iterations, regularization, alpha,
          AlsSettings.DEFAULTS.seed()), easeLambda, weights);
    }

    /** The settings as {@code key=value} pairs (only those the family uses): {@code settings().toString()}. */
    public String describe() {
      return settings().toString();
    }
  }

  /**
   * The tuned model, trained on every interaction given, with the winning trial and what the search saw. Immutable
   * and thread-safe.
   *
   * @param model the model
   * @param best the winning configuration and its validation NDCG
   * @param trials models fitted during the search
   * @param millis wall time of the search
   * @param history the configurations scored on the validation split, in the order they were tried (the blend-weight
   *     rescoring of the winner is not in it); empty when there was too little data to tune
   * @param costs the milliseconds each configuration of {@code history} took to train and score, in its order
   * @param untried what the time budget or the trial limit left untried, one phrase per skipped step; empty when the
   *     search finished
   * @param stoppedAfter the models fitted when the budget or the trial limit stopped the search, {@code >= 0}: what
   *     {@link Builder#trialLimit} takes to make the same choice again without the clock; 0 when the search finished
   */
  public record Result(ImplicitModel model, Trial best, int trials, long millis, List<Trial> history,
      List<Long> costs, List<String> untried, int stoppedAfter) {

    /** Copies the lists. */
    public Result {
      history = List.copyOf(history);
      costs = List.copyOf(costs);
      untried = List.copyOf(untried);
      if (costs.size() != history.size()) {
        throw new IllegalArgumentException("costs has " + costs.size() + " entries but history " + history.size());
      }
      if (stoppedAfter < 0 || stoppedAfter > trials) {
        throw new IllegalArgumentException("stoppedAfter must be in [0, trials = " + trials + "] but was "
            + stoppedAfter);
      }
    }

    /**
     * One line for logs, the CLI and the model file's provenance; with {@code stoppedAfter=N} when the budget or the
     * trial limit stopped the search ({@link Builder#trialLimit} of N repeats it).
     */
    public String describe() {
      return best.describe() + String.format(Locale.ROOT, ",validationNdcg=%.4f,trials=%d,seconds=%.1f",
          best.validationNdcg(), trials, millis / 1000.0) + (stoppedAfter > 0 ? ",stoppedAfter=" + stoppedAfter : "");
    }

    /**
     * Every scored configuration with its validation NDCG and cost, one per line in the order tried, then what the
     * budget left untried: the tuner's account of where its time went.
     */
    public String trialTable() {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < history.size(); i++) {
        Trial t = history.get(i);
        b.append(String.format(Locale.ROOT, "  %2d  %6.1f s  NDCG %.4f  %s%n", i + 1, costs.get(i) / 1000.0,
            t.validationNdcg(), t.describe()));
      }
      if (!untried.isEmpty()) {
        b.append("  untried, the search stopped after ").append(stoppedAfter)
            .append(stoppedAfter == 1 ? " trial:" : " trials:")
            .append(System.lineSeparator());
      }
      for (String u : untried) {
        b.append("    ").append(u).append(System.lineSeparator());
      }
      return b.toString();
    }
  }

  /**
   * Tunes on {@code interactions} and trains the winner on all of them.
   *
   * @param interactions the training log, not empty
   * @param itemTexts text per item; may be empty; needs the embedder when not
   * @throws IllegalArgumentException if an argument is invalid
   * @throws OutOfMemoryError before the search, when EASE may be chosen and its final fit needs more than the JVM's
   *     maximum heap (see {@link Builder#easeMaxItems})
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
    ValidationSplit v = ValidationSplit.of(log, seed, maxValidationUsers);
    if (v == null) {
      return untuned(log, itemTexts, start);
    }
    int finalEaseItems = Math.min(easeMaxItems, v.catalog);
    if (family == null || family.usesEase()) {
      // Before the search, not after it: the final EASE fit is the largest.
      EaseTrainer.requireHeap(finalEaseItems, Runtime.getRuntime().maxMemory());
    }
    TextEmbedder memo = embedder == null ? null : new MemoEmbedder(embedder);
    if (memo != null && !itemTexts.isEmpty()) {
      // Before the first trial, so that trial's cost (which predicts the final fit's) is the model's alone.
      memo.embedAll(itemTexts.values().stream().filter(t -> t != null && !t.isBlank()).distinct().toList());
    }
    // EASE's trials may cover fewer items than the final model: a fit costs the cube of its items, and λ, relative
    // to the mean diagonal of the items covered, carries over to the final fit.
    TuningSearch search = new TuningSearch(start, v, memo, itemTexts, nanoTime, budget, trialLimit, k, seed,
        easeSearchItems, finalEaseItems, mixes(itemTexts));
    // EASE first: for catalogues of a few thousand items a trial costs less than one ALS sweep, and it is often the
    // strongest family.
    Trial bestEase = family == null || family.usesEase() ? searchEase(search) : null;
    // When EASE used up the budget, a first ALS trial would only overrun it (ALS needs several to compete).
    boolean alsSkipped = family == null && bestEase != null
        && search.stopBefore("all " + candidates().size() + " sampled ALS configurations");
    Trial bestAls = (family == null || family.usesAls()) && !alsSkipped ? searchAls(search) : null;
    FamilyChoice cf = chooseFamily(search, log, bestAls, bestEase);
    Trial best = chooseWeights(search, cf, itemTexts);
    // The memo keeps the texts embedded during the search; the model keeps the caller's embedder for cold interests.
    ImplicitModel full = best.recommender(memo, seed, easeMaxItems).fit(log, itemTexts).withEmbedder(embedder);
    long millis = (nanoTime.getAsLong() - start) / 1_000_000;
    Result r = new Result(full, best, search.trials, millis, search.history, search.costs, search.untried,
        search.stoppedAfter);
    r = new Result(full.withTuning(r.describe()), best, r.trials(), millis, search.history, search.costs,
        search.untried, search.stoppedAfter);
    if (search.stopped && budget != null) {
      LOG.info("tuning stopped at its {} s budget after {} trial(s), keeping {} s for the final fit and {} ms for "
          + "rescoring the winner; trialLimit({}) repeats this search without the clock", budget.toSeconds(),
          search.stoppedAfter, search.easeReserveNanos / 1_000_000_000,
          Math.max(0, search.rescoreReserveNanos) / 1_000_000, search.stoppedAfter);
    } else if (search.stopped) {
      LOG.info("tuning stopped at its limit of {} trial(s)", trialLimit);
    }
    LOG.info("tuned on {} interactions ({} validation users): {}", log.size(), v.relevant.size(), r.describe());
    return r;
  }

  /** No user has 3 or more items: nothing to validate on. The defaults, with what the caller fixed, train. */
  private Result untuned(List<Interaction> log, Map<String, String> itemTexts, long start) {
    Trial defaults = starting().withEase(family != null ? family : ModelFamily.ALS,
        easeLambda != null ? easeLambda : EaseTrainer.DEFAULT_RELATIVE_LAMBDA).withWeights(BlendWeights.DEFAULT);
    LOG.info("too little data to tune (no user has 3 or more distinct items with a positive weight); training "
        + "with {}", defaults.describe());
    ImplicitModel m = defaults.recommender(embedder, seed, easeMaxItems).fit(log, itemTexts);
    return new Result(m.withTuning("untuned (too little data)," + defaults.describe()), defaults, 0,
        (nanoTime.getAsLong() - start) / 1_000_000, List.of(), List.of(), List.of(), 0);
  }

  /** Per confidence, EASE's λ (relative to the data) climbs or falls while it helps; the best EASE trial. */
  private Trial searchEase(TuningSearch search) {
    Trial bestEase = null;
    Trial base = starting();
    for (ConfidenceTransform c : confidence != null ? new ConfidenceTransform[] {confidence} : EASE_CONFIDENCES) {
      if (bestEase != null && search.stopBefore("EASE with confidence " + c.name().toLowerCase(Locale.ROOT))) {
        continue;
      }
      Trial first = new Trial(ModelFamily.EASE, c, base.alpha(), base.factors(), base.regularization(),
          base.iterations(), easeLambda != null ? easeLambda : LambdaClimb.START, BlendWeights.CF_ONLY,
          Double.NaN);
      Trial scored = search.score(first);
      Trial t = scored;
      if (easeLambda == null) {
        java.util.Map<Double, Trial> tried = new java.util.HashMap<>();
        LambdaClimb.Best b = LambdaClimb.from(first.easeLambda(), scored.validationNdcg(), l -> {
          Trial x = search.score(first.withEase(ModelFamily.EASE, l));
          tried.put(l, x);
          return x.validationNdcg();
        }, () -> search.stopBefore("the rest of EASE's λ search for confidence "
            + c.name().toLowerCase(Locale.ROOT)));
        t = tried.getOrDefault(b.lambda(), scored);
      }
      if (bestEase == null || t.validationNdcg() > bestEase.validationNdcg() + 1e-12) {
        bestEase = t;
      }
    }
    return bestEase;
  }

  /**
   * ALS by successive halving: sampled configurations at few iterations, the best third at more, the best at the
   * most; CF alone so the blend does not hide a bad factor model. The best ALS trial.
   */
  private Trial searchAls(TuningSearch search) {
    Trial bestAls;
    List<Trial> round = new ArrayList<>();
    List<Trial> sample = candidates();
    for (Trial c : sample) {
      if (!round.isEmpty() && search.stopBefore((sample.size() - round.size()) + " of " + sample.size()
          + " sampled ALS configurations")) {
        break;
      }
      round.add(search.score(c.withIterations(SHORT_ITERATIONS)));
    }
    int[] rungs = iterations != null ? new int[] {iterations} : ITERATIONS;
    List<Trial> scored = new ArrayList<>(round);
    for (int r = 0; r < rungs.length; r++) {
      round.sort(BY_SCORE);
      int keep = r == 0 ? Math.max(1, (round.size() + 2) / 3) : 1;
      List<Trial> next = new ArrayList<>();
      List<Trial> kept = round.subList(0, Math.min(keep, round.size()));
      // Only the kept trials continue; the others' models are dropped to bound memory.
      java.util.Set<Trial> keys = new java.util.HashSet<>();
      kept.forEach(t -> keys.add(t.withIterations(0)));
      search.alsOnV.keySet().retainAll(keys);
      for (Trial c : kept) {
        // Rungs only continue trials: once the budget is spent, the short runs stand in.
        if (search.stopBefore((kept.size() - next.size()) + " of " + kept.size()
            + " ALS configurations continued to " + rungs[r] + " iterations")) {
          break;
        }
        next.add(search.score(c.withIterations(rungs[r])));
      }
      if (next.isEmpty()) {
        break;
      }
      round = next;
      scored.addAll(next);
    }
    // The deepest rung decides when it was reached; short runs only stand in when the budget stopped the search.
    round.sort(BY_SCORE);
    bestAls = round.get(0);
    if (iterations == null && bestAls.iterations() == SHORT_ITERATIONS) {
      scored.sort(BY_SCORE);
      bestAls = scored.get(0);
    }
    if (iterations != null && bestAls.iterations() != iterations) {
      // The budget ended the search before the caller's iterations: the short run's score stands in for it.
      bestAls = bestAls.withIterations(iterations).scored(bestAls.validationNdcg());
    }
    return bestAls;
  }

  /** The family's winner, and the blend model on the validation split when one was trained (to rescore on). */
  private record FamilyChoice(Trial trial, ImplicitModel blendOnV) {}

  /**
   * The family: ALS, EASE, or both (ALS's confidence with EASE's λ), whichever validates best; a fresh split decides
   * between finalists. One blend model answers for itself and, through withFamily, for ALS alone.
   */
  private FamilyChoice chooseFamily(TuningSearch search, List<Interaction> log, Trial bestAls, Trial bestEase) {
    ValidationSplit v = search.v;
    Trial blendTrial = bestAls != null && bestEase != null ? bestAls.withEase(ModelFamily.BLEND,
        bestEase.easeLambda()) : null;
    ImplicitModel blendOnA = null;
    List<Trial> finalists = new ArrayList<>();
    if ((family == null || family == ModelFamily.ALS) && bestAls != null) {
      finalists.add(bestAls);
    }
    if ((family == null || family == ModelFamily.EASE) && bestEase != null) {
      finalists.add(bestEase);
    }
    if (family == ModelFamily.BLEND || (family == null && bestAls != null && bestEase != null
        && !search.stopBefore("the ALS+EASE blend"))) {
      blendOnA = search.fit(blendTrial, v);
      finalists.add(blendTrial.scored(v.ndcg(blendOnA, k)));
    }
    Trial cf = finalists.stream().max(Comparator.comparingDouble(Trial::validationNdcg)).orElseThrow();
    if (finalists.size() > 1 && !search.stopBefore("the fresh validation split that decides the family")) {
      // The finalists won their own searches on this split, so its scores flatter whoever was searched hardest.
      // A fresh split (another seeded fifth; the same fifth where timestamps order the items) decides the family.
      double[] fresh = new double[finalists.size()];
      for (long s = 1; s <= FRESH_SPLITS; s++) {
        ValidationSplit f = ValidationSplit.of(log, seed + s, maxValidationUsers);
        f = f == null ? v : f;
        ImplicitModel blend = finalists.size() == 3 ? search.fit(blendTrial, f) : null;
        for (int t = 0; t < finalists.size(); t++) {
          Trial trial = finalists.get(t);
          ImplicitModel m = blend == null || trial.family() == ModelFamily.EASE ? search.fit(trial, f)
              : blend.withFamily(trial.family());
          fresh[t] += f.ndcg(m, k) / FRESH_SPLITS;
        }
      }
      double bestFresh = Double.NEGATIVE_INFINITY;
      for (int t = 0; t < finalists.size(); t++) {
        LOG.debug("finalist {}: fresh-split NDCG@{} {}", finalists.get(t).describe(), k, fresh[t]);
        if (fresh[t] > bestFresh + 1e-12) {
          bestFresh = fresh[t];
          cf = finalists.get(t);
        }
      }
    }
    return new FamilyChoice(cf, blendOnA);
  }

  /** Blend weights on the family's winner, by rescoring its model on the validation split. */
  private Trial chooseWeights(TuningSearch search, FamilyChoice choice, Map<String, String> texts) {
    Trial cf = choice.trial();
    ImplicitModel model = choice.blendOnV() != null && cf.family() != ModelFamily.EASE
        ? choice.blendOnV().withFamily(cf.family()) : search.trained(cf);
    List<BlendWeights> mixes = mixes(texts);
    long t0 = nanoTime.getAsLong();
    double[] mixScores = search.v.ndcg(model, k, mixes);
    LOG.debug("rescored the winner with {} blends in {} ms", mixes.size(), (nanoTime.getAsLong() - t0) / 1_000_000);
    Trial best = cf;
    for (int w = 0; w < mixes.size(); w++) {
      if (mixScores[w] > best.validationNdcg() + 1e-12) {
        best = cf.withWeights(mixes.get(w)).scored(mixScores[w]);
      }
    }
    return best;
  }

  /** The blends of CF with content (when there are texts) and popularity that the winner is rescored with. */
  private static List<BlendWeights> mixes(Map<String, String> texts) {
    List<BlendWeights> mixes = new ArrayList<>();
    for (double content : texts.isEmpty() ? new double[] {0} : CONTENT_WEIGHTS) {
      for (double pop : POPULARITY_WEIGHTS) {
        mixes.add(new BlendWeights(1, content, pop, 0));
      }
    }
    return mixes;
  }

  /** A setting fixed for one family only means that family (both: their blend); none leaves the choice open. */
  private static ModelFamily impliedFamily(Builder b) {
    return ModelFamily.impliedBy(b.alpha != null || b.factors != null || b.regularization != null
        || b.iterations != null, b.easeLambda != null);
  }

  private static final Comparator<Trial> BY_SCORE = Comparator.comparingDouble(Trial::validationNdcg).reversed();

  /** The starting ALS settings: the defaults, with what the caller fixed. */
  private Trial starting() {
    AlsSettings d = AlsSettings.DEFAULTS;
    return new Trial(ModelFamily.ALS, confidence != null ? confidence : ConfidenceTransform.LINEAR,
        alpha != null ? alpha : d.alpha(), factors != null ? factors : d.factors(),
        regularization != null ? regularization : d.regularization(), iterations != null ? iterations : d.iterations(),
        EaseTrainer.DEFAULT_RELATIVE_LAMBDA, BlendWeights.CF_ONLY, Double.NaN);
  }


  /** A seeded sample of the grid, restricted to the settings not fixed. */
  List<Trial> candidates() {
    List<Trial> all = new ArrayList<>();
    for (ConfidenceTransform c : confidence != null ? new ConfidenceTransform[] {confidence} : CONFIDENCES) {
      for (double a : alpha != null ? new double[] {alpha} : ALPHAS) {
        for (int f : factors != null ? new int[] {factors} : FACTORS) {
          for (double r : regularization != null ? new double[] {regularization} : REGULARIZATIONS) {
            all.add(new Trial(ModelFamily.ALS, c, a, f, r, SHORT_ITERATIONS, EaseTrainer.DEFAULT_RELATIVE_LAMBDA,
                BlendWeights.CF_ONLY, Double.NaN));
          }
        }
      }
    }
    Collections.shuffle(all, new Random(seed));
    return all.subList(0, Math.min(maxTrials, all.size()));
  }

  static String plain(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
  }

  /** Builds an {@link ImplicitTuner}. Not thread-safe. */
  public static final class Builder {
    private TextEmbedder embedder;
    private long seed = 42;
    private int maxTrials = 24;
    private Duration budget;
    private int trialLimit;
    private int k = 10;
    private int maxValidationUsers = 5000;
    private ConfidenceTransform confidence;
    private Double alpha;
    private Integer factors;
    private Double regularization;
    private Integer iterations;
    private ModelFamily family;
    private Double easeLambda;
    private int easeMaxItems = EaseTrainer.DEFAULT_MAX_ITEMS;
    private int easeSearchItems = DEFAULT_EASE_SEARCH_ITEMS;
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

    /**
     * The time tuning aims to end in, the final fit included, {@code > 0}; default 50 s. A trial starts only when
     * the time spent, its predicted cost (the last trial's), the winner's rescoring with every blend (timed on a
     * twentieth of the validation users) and the final EASE fit's (the cheapest EASE fit, scaled to the final model's
     * items) fit in it; mispredictions come on top. A tuned fit of a 6,000 x 10,000 log of 1M events took 51.1 s on 2
     * cores, JVM start and output included (tuning 45.5 s). Where the budget ends the search depends on the
     * machine's speed; {@link #trialLimit} does not.
     */
    public Builder budget(Duration budget) {
      Checks.notNull(budget, "budget");
      if (budget.isNegative() || budget.isZero()) {
        throw new IllegalArgumentException("budget must be > 0 but was " + budget);
      }
      this.budget = budget;
      return this;
    }

    /**
     * Stops the search once this many models (in [1, 100,000]) have been fitted on validation splits, instead of by
     * the clock: the same interactions, texts and seed then give the same model on any machine, however long it
     * takes. {@link Result#stoppedAfter()} of a run the budget stopped is the limit that repeats it. Conflicts with
     * {@link #budget}.
     */
    public Builder trialLimit(int trials) {
      this.trialLimit = Checks.inRange(trials, 1, 100_000, "trialLimit");
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

    /**
     * Fixes the model family instead of choosing among ALS, EASE and their blend. Without it, fixing an ALS setting
     * (alpha, factors, regularization, iterations) fixes the family to ALS, fixing EASE's λ to EASE, both to BLEND.
     */
    public Builder family(ModelFamily family) {
      this.family = Checks.notNull(family, "family");
      return this;
    }

    /** Fixes EASE's λ, as a multiple ({@code > 0}) of the mean diagonal of XᵀX, instead of searching it. */
    public Builder easeLambda(double relativeLambda) {
      this.easeLambda = Checks.positive(relativeLambda, "easeLambda");
      return this;
    }

    /**
     * The most items the final EASE model covers (see {@link EaseTrainer.Builder#maxItems}), in [1, 20,000]; default
     * {@value EaseTrainer#DEFAULT_MAX_ITEMS}.
     */
    public Builder easeMaxItems(int maxItems) {
      this.easeMaxItems = Checks.inRange(maxItems, 1, 20_000, "easeMaxItems");
      return this;
    }

    /**
     * The most items EASE covers while its λ is searched, in [1, 20,000]; default
     * {@value ImplicitTuner#DEFAULT_EASE_SEARCH_ITEMS}, and never more than {@link #easeMaxItems}. A fit costs the
     * cube of the items it covers, so trials on the most-interacted items leave the budget room for a finer λ search;
     * λ is relative to the mean diagonal of the items covered and carries over to the final, wider model.
     */
    public Builder easeSearchItems(int items) {
      this.easeSearchItems = Checks.inRange(items, 1, 20_000, "easeSearchItems");
      return this;
    }

    /** The clock of the time budget; default {@link System#nanoTime}. For tests. */
    Builder nanoTime(LongSupplier nanoTime) {
      this.nanoTime = Checks.notNull(nanoTime, "nanoTime");
      return this;
    }

    /**
     * Builds the tuner.
     *
     * @throws IllegalStateException if settings conflict: a budget and a trial limit, EASE with ALS settings, ALS
     *     with EASE's λ
     */
    public ImplicitTuner build() {
      if (budget != null && trialLimit > 0) {
        throw new IllegalStateException("budget(" + budget + ") and trialLimit(" + trialLimit + ") conflict: the "
            + "clock or the trial count stops the search; set one");
      }
      List<String> als = new ArrayList<>();
      if (factors != null) {
        als.add("factors(" + factors + ")");
      }
      if (alpha != null) {
        als.add("alpha(" + alpha + ")");
      }
      if (regularization != null) {
        als.add("regularization(" + regularization + ")");
      }
      if (iterations != null) {
        als.add("iterations(" + iterations + ")");
      }
      if (family == ModelFamily.EASE && !als.isEmpty()) {
        throw new IllegalStateException("family(EASE) and " + String.join(", ", als) + " conflict: EASE trains no "
            + "factors; fix ALS or BLEND, or drop the ALS settings");
      }
      if (family == ModelFamily.ALS && easeLambda != null) {
        throw new IllegalStateException("family(ALS) and easeLambda(" + easeLambda + ") conflict: ALS has no item "
            + "weights; fix EASE or BLEND, or drop easeLambda");
      }
      return new ImplicitTuner(this);
    }
  }
}
