package io.livecommerce.recommend;

import io.livecommerce.Scored;
import io.livecommerce.domain.LiveRoom;
import io.livecommerce.domain.WatchEvent;
import io.livecommerce.embed.TextEmbedder;
import io.livecommerce.eval.RankingEvaluator;
import io.livecommerce.internal.Checks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses a room recommender's settings from the watch events it is given, and only from those: the last
 * {@code validationHours} of them are held out, candidates are the rooms live at the start of that window, and the
 * rooms each viewer then watched for a minute or more are what NDCG@10 counts. Searched: how watch events become
 * confidence (the default {@link ConfidenceWeights}, watching only, interactions doubled), alpha, factors and
 * regularization (a seeded sample of at most {@code maxTrials}, within a time budget checked between trials: see
 * {@link #withBudget}), then
 * the model family (EASE on the winner's confidence with λ doubling or halving from 0.5 x the mean diagonal while
 * validation improves, and the blend of both; see {@link ModelFamily}), then the blend of content, popularity,
 * momentum and repeat viewing (0 allowed) without retraining. The winner is retrained on all the
 * events given. Give it the training part only. With fewer than 20 viewers in the window the starting settings
 * train, and {@link Result#trials()} is 0.
 *
 * <p>Immutable and thread-safe; the trainer it starts from is copied, never changed.
 */
public final class HybridRoomTuner {

  private static final Logger LOG = LoggerFactory.getLogger(HybridRoomTuner.class);

  /** Fewer viewers in the validation window than this make a score too noisy to choose by. */
  static final int MIN_VALIDATION_VIEWERS = 20;
  static final double[] ALPHAS = {1, 5, 20};
  static final int[] FACTORS = {16, 32, 64};
  static final double[] REGULARIZATIONS = {0.01, 0.1, 1};
  static final double[] CONTENT = {0, 0.25, 0.5, 1};
  static final double[] POPULARITY = {0, 0.1, 0.2, 0.5};
  static final double[] MOMENTUM = {0, 0.1, 0.3};
  static final double[] REPEAT = {0.25, 0.5, 1};

  private final HybridRoomTrainer base;
  private final long seed;
  private final int maxTrials;
  private final Duration budget;
  private final double validationHours;
  private final Long validationStart;

  private HybridRoomTuner(HybridRoomTrainer base, long seed, int maxTrials, Duration budget, double validationHours,
      Long validationStart) {
    this.base = base.copy();
    this.seed = seed;
    this.maxTrials = maxTrials;
    this.budget = budget;
    this.validationHours = validationHours;
    this.validationStart = validationStart;
  }

  /**
   * A tuner starting from {@code trainer}'s settings (embedder, anchors, caps), with seed 42, 12 trials, a 120 s
   * budget and a 2-hour validation window.
   */
  public static HybridRoomTuner of(HybridRoomTrainer trainer) {
    return new HybridRoomTuner(Checks.notNull(trainer, "trainer"), 42, 12, Duration.ofSeconds(120), 2, null);
  }

  /** The same tuner with another seed (validation is by time; the seed picks the configurations tried). */
  public HybridRoomTuner withSeed(long seed) {
    return new HybridRoomTuner(base, seed, maxTrials, budget, validationHours, validationStart);
  }

  /**
   * The same tuner holding out the events from {@code millis} on, with the rooms live at {@code millis} as the
   * candidates (for example the start of tonight's sessions), instead of the last hours before the newest event.
   */
  public HybridRoomTuner withValidationStart(long millis) {
    return new HybridRoomTuner(base, seed, maxTrials, budget, validationHours, millis);
  }

  /** The same tuner with at most {@code trials} configurations, in [1, 1000]. */
  public HybridRoomTuner withMaxTrials(int trials) {
    return new HybridRoomTuner(base, seed, Checks.inRange(trials, 1, 1000, "maxTrials"), budget, validationHours,
        validationStart);
  }

  /**
   * The same tuner with another time budget, {@code > 0} (default 120 s). It is checked between trials: the starting
   * settings, EASE's first λ and the blend weights are always tried. The choice is deterministic for a seed as long
   * as the budget does not stop the search; when it does, an INFO log says after how many trials, and a slower
   * machine may stop earlier. {@link #withMaxTrials} bounds the search without the clock.
   *
   * @throws IllegalArgumentException if {@code budget} is null, zero or negative
   */
  public HybridRoomTuner withBudget(Duration budget) {
    Checks.notNull(budget, "budget");
    if (budget.isNegative() || budget.isZero()) {
      throw new IllegalArgumentException("budget must be > 0 but was " + budget);
    }
    return new HybridRoomTuner(base, seed, maxTrials, budget, validationHours, validationStart);
  }

  /** The same tuner holding out the last {@code hours} of events, in (0, 24 * 365]. */
  public HybridRoomTuner withValidationHours(double hours) {
    return new HybridRoomTuner(base, seed, maxTrials, budget, Checks.inRange(hours, 1e-3, 24 * 365, "hours"), null);
  }

  /**
   * What tuning chose and the model retrained with it on every event given. Immutable and thread-safe.
   *
   * @param model the recommender
   * @param confidence how events became confidence
   * @param family which collaborative model won
   * @param als the factor-model settings (unused by the {@link ModelFamily#EASE} family)
   * @param easeLambda EASE's λ as a multiple of the mean diagonal of XᵀX; NaN for the ALS family
   * @param weights the blend
   * @param validationNdcg NDCG@10 on the held-out window; NaN when there was too little data to tune
   * @param trials configurations trained
   */
  public record Result(HybridRoomRecommender model, ConfidenceWeights confidence, ModelFamily family,
      ImplicitAls als, double easeLambda, BlendWeights weights, double validationNdcg, int trials) {

    /** One line for logs. */
    public String describe() {
      return String.format(Locale.ROOT, "family=%s, confidence=%s, %s%sweights=%s, validationNdcg@10=%.4f, "
          + "trials=%d", family.name().toLowerCase(Locale.ROOT), confidence, family.usesAls()
          ? String.format(Locale.ROOT, "factors=%d, alpha=%s, regularization=%s, ", als.factors(), als.alpha(),
              als.regularization()) : "",
          family.usesEase() ? "easeLambda=" + ImplicitTuner.plain(easeLambda) + "xmeanDiag, " : "", weights,
          validationNdcg, trials);
    }
  }

  /**
   * Tunes on {@code events} and trains the winner on all of them.
   *
   * @throws IllegalArgumentException if an argument is invalid (as {@link HybridRoomTrainer#train})
   */
  public Result tune(List<LiveRoom> rooms, List<WatchEvent> events) {
    List<LiveRoom> roomList = Checks.copyNoNulls(Checks.notNull(rooms, "rooms"), "rooms");
    List<WatchEvent> eventList = Checks.copyNoNulls(Checks.notNull(events, "events"), "events");
    long start = System.nanoTime();
    long end = eventList.stream().mapToLong(WatchEvent::timestampMillis).max().orElse(0);
    long at = validationStart != null ? validationStart : end - Math.round(validationHours * 3_600_000);
    List<WatchEvent> train = eventList.stream().filter(e -> e.timestampMillis() < at).toList();
    List<LiveRoom> live = roomList.stream().filter(r -> r.isLiveAt(at)).toList();
    Set<String> liveIds = new HashSet<>();
    live.forEach(r -> liveIds.add(r.id()));
    Map<String, Set<String>> relevant = new HashMap<>();
    for (WatchEvent e : eventList) {
      if (e.timestampMillis() >= at && e.watchSeconds() >= 60 && liveIds.contains(e.roomId())) {
        relevant.computeIfAbsent(e.viewerId(), v -> new HashSet<>()).add(e.roomId());
      }
    }
    if (train.isEmpty() || relevant.size() < MIN_VALIDATION_VIEWERS) {
      LOG.info("too little data to tune rooms ({} viewers watched a room live {} h before the end, {} needed); "
          + "the starting settings train", relevant.size(), validationHours, MIN_VALIDATION_VIEWERS);
      HybridRoomRecommender m = base.copy().train(roomList, eventList);
      return new Result(m, ConfidenceWeights.DEFAULT, m.family(), base.als(), Double.NaN, m.weights(), Double.NaN,
          0);
    }
    TextEmbedder memo = base.embedder() == null ? null : new MemoEmbedder(base.embedder());
    ConfidenceWeights d = ConfidenceWeights.DEFAULT;
    List<ConfidenceWeights> confidences = List.of(d,
        new ConfidenceWeights(d.shortViewSeconds(), d.shortViewPenalty(), d.watch(), 0, 0, 0, 0, 0),
        new ConfidenceWeights(d.shortViewSeconds(), d.shortViewPenalty(), d.watch(), 2 * d.like(), 2 * d.comment(),
            2 * d.share(), 2 * d.gift(), 2 * d.order()));
    List<Candidate> grid = new ArrayList<>();
    for (ConfidenceWeights c : confidences) {
      for (double a : ALPHAS) {
        for (int f : FACTORS) {
          for (double r : REGULARIZATIONS) {
            grid.add(new Candidate(c, a, f, r));
          }
        }
      }
    }
    Collections.shuffle(grid, new Random(seed));
    List<Candidate> sample = new ArrayList<>(grid.subList(0, Math.min(maxTrials, grid.size())));
    sample.add(0, new Candidate(d, base.als().alpha(), base.als().factors(), base.als().regularization()));
    double bestNdcg = Double.NEGATIVE_INFINITY;
    HybridRoomRecommender bestModel = null;
    Candidate best = null;
    int trials = 0;
    for (Candidate c : sample) {
      if (trials > 0 && System.nanoTime() - start > budget.toNanos()) {
        LOG.info("room tuning stopped at its {} s budget after {} trials", budget.toSeconds(), trials);
        break;
      }
      HybridRoomRecommender m = trainer(c, memo).weights(BlendWeights.CF_ONLY).train(roomList, train);
      trials++;
      double ndcg = ndcg(m, live, at, relevant);
      if (ndcg > bestNdcg) {
        bestNdcg = ndcg;
        bestModel = m;
        best = c;
      }
    }
    // The family: EASE on the winner's confidence, λ doubling or halving from 0.5 while validation improves, then
    // the blend of the ALS winner with the best EASE. Anchors are few, so each EASE trial costs little.
    ModelFamily bestFamily = ModelFamily.ALS;
    double alsNdcg = bestNdcg;
    Map<Double, HybridRoomRecommender> easeModels = new HashMap<>();
    Candidate alsWinner = best;
    java.util.function.DoubleUnaryOperator scoreEase = l -> {
      HybridRoomRecommender m = trainer(alsWinner, memo).family(ModelFamily.EASE)
          .ease(EaseTrainer.newBuilder().relativeLambda(l).build()).weights(BlendWeights.CF_ONLY)
          .train(roomList, train);
      easeModels.put(l, m);
      return ndcg(m, live, at, relevant);
    };
    LambdaClimb.Best climb = LambdaClimb.from(LambdaClimb.START, scoreEase.applyAsDouble(LambdaClimb.START),
        scoreEase, () -> System.nanoTime() - start > budget.toNanos());
    trials += easeModels.size();
    double easeNdcg = climb.score();
    double easeLambda = climb.lambda();
    HybridRoomRecommender easeModel = easeModels.get(easeLambda);
    if (easeModel != null && easeNdcg > bestNdcg + 1e-12) {
      bestNdcg = easeNdcg;
      bestModel = easeModel;
      bestFamily = ModelFamily.EASE;
    }
    if (easeModel != null && System.nanoTime() - start <= budget.toNanos()) {
      HybridRoomRecommender m = trainer(best, memo).family(ModelFamily.BLEND)
          .ease(EaseTrainer.newBuilder().relativeLambda(easeLambda).build()).weights(BlendWeights.CF_ONLY)
          .train(roomList, train);
      trials++;
      double ndcg = ndcg(m, live, at, relevant);
      if (ndcg > bestNdcg + 1e-12) {
        bestNdcg = ndcg;
        bestModel = m;
        bestFamily = ModelFamily.BLEND;
      }
    }
    LOG.debug("room families on validation: als {}, ease {} (λ {}x), chosen {}", alsNdcg, easeNdcg, easeLambda,
        bestFamily);
    BlendWeights bestWeights = BlendWeights.CF_ONLY;
    for (double content : CONTENT) {
      for (double pop : POPULARITY) {
        for (double mom : MOMENTUM) {
          BlendWeights w = new BlendWeights(1, content, pop, mom);
          double ndcg = ndcg(bestModel.withWeights(w), live, at, relevant);
          if (ndcg > bestNdcg + 1e-12) {
            bestNdcg = ndcg;
            bestWeights = w;
          }
        }
      }
    }
    // Repeat viewing on top of the best mix (one more axis, not a fourth dimension of the grid: rescoring costs).
    BlendWeights mix = bestWeights;
    for (double rep : REPEAT) {
      BlendWeights w = new BlendWeights(mix.cf(), mix.content(), mix.popularity(), mix.momentum(), rep);
      double ndcg = ndcg(bestModel.withWeights(w), live, at, relevant);
      if (ndcg > bestNdcg + 1e-12) {
        bestNdcg = ndcg;
        bestWeights = w;
      }
    }
    HybridRoomTrainer winner = trainer(best, null).family(bestFamily)
        .ease(EaseTrainer.newBuilder().relativeLambda(easeLambda).build()).weights(bestWeights);
    HybridRoomRecommender model = winner.train(roomList, eventList);
    Result r = new Result(model, best.confidence(), bestFamily, winner.als(),
        bestFamily.usesEase() ? easeLambda : Double.NaN, bestWeights, bestNdcg, trials);
    LOG.info("tuned the room recommender on {} events ({} validation viewers): {}", train.size(), relevant.size(),
        r.describe());
    return r;
  }

  /** One configuration of the search. */
  private record Candidate(ConfidenceWeights confidence, double alpha, int factors, double regularization) {}

  /** The trainer of a candidate; with {@code memo}, room texts are embedded once across trials. */
  private HybridRoomTrainer trainer(Candidate c, TextEmbedder memo) {
    ImplicitAls als = base.als().toBuilder().alpha(c.alpha()).factors(c.factors())
        .regularization(c.regularization()).build();
    HybridRoomTrainer t = base.copy().confidence(c.confidence()).als(als);
    return memo == null ? t : t.embedder(memo);
  }

  private static double ndcg(HybridRoomRecommender m, List<LiveRoom> live, long at,
      Map<String, Set<String>> relevant) {
    return RankingEvaluator.evaluate("validation", v -> m.recommend(RoomQuery.of(v, live, at, 10)).stream()
        .map(Scored::item).map(LiveRoom::id).toList(), relevant, 10, live.size()).ndcg();
  }

  @Override
  public String toString() {
    return "HybridRoomTuner{seed=" + seed + ", maxTrials=" + maxTrials + ", budget=" + budget + ", validationHours="
        + validationHours + "}";
  }
}
