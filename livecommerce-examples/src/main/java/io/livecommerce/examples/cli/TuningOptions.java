package io.livecommerce.examples.cli;

import io.livecommerce.ProgressListener;
import io.livecommerce.domain.LiveRoom;
import io.livecommerce.domain.WatchEvent;
import io.livecommerce.embed.TextEmbedder;
import io.livecommerce.recommend.AlsSettings;
import io.livecommerce.recommend.ConfidenceTransform;
import io.livecommerce.recommend.EaseTrainer;
import io.livecommerce.recommend.HybridRoomRecommender;
import io.livecommerce.recommend.HybridRoomTrainer;
import io.livecommerce.recommend.HybridRoomTuner;
import io.livecommerce.recommend.ImplicitAls;
import io.livecommerce.recommend.ImplicitModel;
import io.livecommerce.recommend.ImplicitRecommender;
import io.livecommerce.recommend.ImplicitTuner;
import io.livecommerce.recommend.Interaction;
import io.livecommerce.recommend.ModelFamily;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * How the recommender commands choose their settings: tuned on a validation split carved out of the training
 * interactions (the default), or fixed. Settings given explicitly are never searched. Not thread-safe (one per run).
 */
public final class TuningOptions {
  @Option(names = "--no-tune", description = "Do not tune; use the given settings or the defaults (ALS, "
      + "factors 32, iterations 10, alpha 5, regularization 0.1, linear confidence: AlsSettings.DEFAULTS).")
  boolean noTune;

  @Option(names = "--tune-budget", paramLabel = "SECONDS",
      description = "Tuning aims to end within this many seconds, the final fit included: a trial starts only when "
      + "it, the rescoring of the winner and the final fit, as predicted from the trials so far, fit in what is "
      + "left (default: 50). Where it stops depends on the machine's speed; --tune-trials does not.")
  Double budgetSeconds;

  @Option(names = "--tune-trials", paramLabel = "N",
      description = "Tuning stops after N trials instead of by the clock, in [1, 100000]: the same files and seed "
      + "then give the same recommendations on any machine. A run the budget stopped prints the N that repeats it. "
      + "Not with --tune-budget.")
  Integer tuneTrials;

  @Option(names = "--factors", description = "Latent factors, in [1, 1024]; fixed instead of tuned.")
  Integer factors;

  @Option(names = "--alpha", description = "Confidence scale alpha, >= 0; fixed instead of tuned.")
  Double alpha;

  @Option(names = "--regularization", description = "ALS penalty, > 0; fixed instead of tuned.")
  Double regularization;

  @Option(names = "--iterations", description = "ALS sweeps, in [1, 1000]; fixed instead of tuned.")
  Integer iterations;

  @Option(names = "--confidence", paramLabel = "binary|linear|log",
      description = "How the weight column becomes confidence; fixed instead of tuned. binary ignores the weights "
          + "(right for star ratings), linear trusts them as they are, log in between.")
  String confidence;

  @Option(names = "--model-family", paramLabel = "als|ease|blend|auto", defaultValue = "auto",
      description = "The collaborative model: als (matrix factorization), ease (item-to-item, closed form), blend "
          + "(both), or auto (default): tuning chooses, unless an ALS setting (--factors, --alpha, --regularization, "
          + "--iterations) or --ease-lambda is given, which means that family; without tuning auto means als.")
  String modelFamily;

  @Option(names = "--ease-lambda", paramLabel = "MULTIPLE",
      description = "EASE's penalty as a multiple of the mean diagonal of X'X (an item's summed squared strength: "
          + "its interaction count under binary confidence, more under linear or log), > 0; fixed instead of tuned "
          + "(untuned default 0.25).")
  Double easeLambda;

  @Option(names = "--ease-max-items", paramLabel = "N",
      description = "The most items the item-to-item model (EASE) covers, the most interacted first, in [1, 20000] "
      + "(default: " + EaseTrainer.DEFAULT_MAX_ITEMS + "); the rest are ranked by the other signals. Training time "
      + "grows as N cubed: one fit took about 2.6 s at 4,000 items, 16 s at 7,361 and 45 s at 10,000 on 2 cores; "
      + "heap about 16 N^2 bytes while training (1 GB at 8,000). Tuning searches EASE's λ over at most the "
      + ImplicitTuner.DEFAULT_EASE_SEARCH_ITEMS + " most interacted, then fits this many.")
  Integer easeMaxItemsOption;

  /** What the last {@link #fit} tuning did; null when it did not tune. */
  ImplicitTuner.Result lastTuning;

  /** Trains on {@code train} only, tuned or not, and prints what was chosen. */
  ImplicitModel fit(List<Interaction> train, Map<String, String> texts, TextEmbedder embedder, long seed,
      PrintWriter out) {
    validate();
    int easeMaxItems = easeMaxItems();
    ConfidenceTransform c = confidence();
    ModelFamily family = family();
    if (noTune) {
      ImplicitAls.Builder als = ImplicitAls.newBuilder().settings(alsSettings(seed));
      EaseTrainer.Builder ease = EaseTrainer.newBuilder().maxItems(easeMaxItems);
      if (easeLambda != null) {
        ease.relativeLambda(easeLambda);
      }
      return ImplicitRecommender.newBuilder().embedder(embedder).als(als.build()).ease(ease.build())
          .family(family != null ? family : untunedFamily())
          .confidence(c != null ? c : ConfidenceTransform.LINEAR).build().fit(train, texts, ProgressListener.NONE);
    }
    ImplicitTuner.Builder t = ImplicitTuner.newBuilder().embedder(embedder).seed(seed).easeMaxItems(easeMaxItems);
    if (tuneTrials != null) {
      t.trialLimit(tuneTrials);
    } else if (budgetSeconds != null) {
      t.budget(Duration.ofMillis(Math.round(budgetSeconds * 1000)));
    }
    if (factors != null) {
      t.factors(factors);
    }
    if (alpha != null) {
      t.alpha(alpha);
    }
    if (regularization != null) {
      t.regularization(regularization);
    }
    if (iterations != null) {
      t.iterations(iterations);
    }
    if (c != null) {
      t.confidence(c);
    }
    if (family != null) {
      t.family(family);
    }
    if (easeLambda != null) {
      t.easeLambda(easeLambda);
    }
    ImplicitTuner.Result r = t.build().tune(train, texts);
    lastTuning = r;
    if (r.trials() == 0) {
      out.println("tuning skipped: too little data (no user has 3 or more distinct items with a positive weight); "
          + "used " + r.best().settings().format(", "));
      return r.model();
    }
    out.printf(Locale.ROOT, "tuning chose (validation split of the training data, %d trials, %.1f s): %s; "
        + "validation NDCG@10 %.4f%n", r.trials(), r.millis() / 1000.0, r.best().settings().format(", "),
        r.best().validationNdcg());
    out.print(r.trialTable());
    if (r.stoppedAfter() > 0 && tuneTrials == null) {
      out.printf(Locale.ROOT, "the time budget stopped the search after %d %s; --tune-trials %d instead of "
          + "--tune-budget makes this choice again on any machine%n", r.stoppedAfter(),
          r.stoppedAfter() == 1 ? "trial" : "trials", r.stoppedAfter());
    }
    return r.model();
  }

  /** Checks the flags on their own and against each other. */
  private void validate() {
    if (budgetSeconds != null && !(budgetSeconds > 0 && budgetSeconds <= 86_400)) {
      throw new IllegalArgumentException("--tune-budget must be in (0, 86400] seconds but was " + budgetSeconds);
    }
    if (tuneTrials != null && (tuneTrials < 1 || tuneTrials > 100_000)) {
      throw new IllegalArgumentException("--tune-trials must be in [1, 100000] but was " + tuneTrials);
    }
    if (tuneTrials != null && budgetSeconds != null) {
      throw new IllegalArgumentException("--tune-budget " + budgetSeconds + " and --tune-trials "
          + tuneTrials + " conflict: the clock or the trial count ends the search; give one");
    }
    if (noTune && (tuneTrials != null || budgetSeconds != null)) {
      throw new IllegalArgumentException((tuneTrials != null ? "--tune-trials" : "--tune-budget")
          + " and --no-tune conflict: there is no search to bound");
    }
    if (easeMaxItemsOption != null && (easeMaxItemsOption < 1 || easeMaxItemsOption > 20_000)) {
      throw new IllegalArgumentException("--ease-max-items must be in [1, 20000] but was " + easeMaxItemsOption);
    }
    if (easeLambda != null && !(easeLambda > 0 && easeLambda <= 1e6)) {
      throw new IllegalArgumentException("--ease-lambda must be in (0, 1e6] but was " + easeLambda);
    }
    confidence();
    ModelFamily family = family();
    boolean alsFlags = alpha != null || factors != null || regularization != null || iterations != null;
    if (family == ModelFamily.EASE && alsFlags) {
      throw new IllegalArgumentException("--model-family ease and the ALS settings (--factors, --alpha, "
          + "--regularization, --iterations) conflict: EASE trains no factors");
    }
    if (family == ModelFamily.ALS && easeLambda != null) {
      throw new IllegalArgumentException("--model-family als and --ease-lambda conflict: ALS has no item weights");
    }
  }

  private int easeMaxItems() {
    return easeMaxItemsOption != null ? easeMaxItemsOption : EaseTrainer.DEFAULT_MAX_ITEMS;
  }

  /**
   * The room recommender of a next-room replay, trained by {@code trainer} (which it sets up): with --no-tune the
   * given settings train; tuned, the room tuner searches its own (within --tune-budget when given). Flags with no
   * meaning there are refused, never ignored.
   */
  HybridRoomRecommender fitRooms(HybridRoomTrainer trainer, List<LiveRoom> rooms, List<WatchEvent> events,
      long seed, PrintWriter out) {
    validate();
    if (confidence != null) {
      throw new IllegalArgumentException("--confidence " + confidence + " has no meaning in a replay: rooms weigh "
          + "watch time and interactions, not a weight column");
    }
    if (tuneTrials != null) {
      throw new IllegalArgumentException("--tune-trials " + tuneTrials + " applies to --split random or time; the "
          + "replay's room tuner samples 6 configurations and takes --tune-budget");
    }
    if (noTune) {
      ModelFamily family = family();
      HybridRoomTrainer t = trainer.als(ImplicitAls.newBuilder().settings(alsSettings(seed)).build())
          .family(family != null ? family : untunedFamily());
      if (easeLambda != null || easeMaxItemsOption != null) {
        EaseTrainer.Builder ease = EaseTrainer.newBuilder().maxItems(easeMaxItems());
        if (easeLambda != null) {
          ease.relativeLambda(easeLambda);
        }
        t.ease(ease.build());
      }
      return t.train(rooms, events);
    }
    List<String> fixed = new ArrayList<>();
    Object[][] flags = {{"--factors", factors}, {"--alpha", alpha}, {"--regularization", regularization},
        {"--iterations", iterations}, {"--ease-lambda", easeLambda}, {"--ease-max-items", easeMaxItemsOption}};
    for (Object[] f : flags) {
      if (f[1] != null) {
        fixed.add(f[0] + " " + f[1]);
      }
    }
    if (!modelFamily.equalsIgnoreCase("auto")) {
      fixed.add("--model-family " + modelFamily);
    }
    if (!fixed.isEmpty()) {
      throw new IllegalArgumentException(String.join(", ", fixed) + ": the replay's room tuner searches these "
          + "itself; to fix them, add --no-tune");
    }
    HybridRoomTuner tuner = HybridRoomTuner.of(trainer).withSeed(seed).withMaxTrials(6);
    if (budgetSeconds != null) {
      tuner = tuner.withBudget(Duration.ofMillis(Math.round(budgetSeconds * 1000)));
    }
    HybridRoomTuner.Result tuned = tuner.tune(rooms, events);
    out.printf(Locale.ROOT, "tuned on the last hours before the window (%d trials): %s%n", tuned.trials(),
        io.livecommerce.examples.Demo.tuningChoice(tuned));
    return tuned.model();
  }

  /** The ALS settings an untuned fit uses: the defaults with what was given on the command line. */
  AlsSettings alsSettings(long seed) {
    AlsSettings s = AlsSettings.DEFAULTS.withSeed(seed);
    s = factors != null ? s.withFactors(factors) : s;
    s = iterations != null ? s.withIterations(iterations) : s;
    s = regularization != null ? s.withRegularization(regularization) : s;
    return alpha != null ? s.withAlpha(alpha) : s;
  }

  /** As the tuner reads fixed settings: an ALS setting means ALS, --ease-lambda EASE, both BLEND; else ALS. */
  private ModelFamily untunedFamily() {
    ModelFamily implied = ModelFamily.impliedBy(alpha != null || factors != null || regularization != null
        || iterations != null, easeLambda != null);
    return implied != null ? implied : ModelFamily.ALS;
  }

  private ModelFamily family() {
    return switch (modelFamily.toLowerCase(Locale.ROOT)) {
      case "auto" -> null;
      case "als" -> ModelFamily.ALS;
      case "ease" -> ModelFamily.EASE;
      case "blend" -> ModelFamily.BLEND;
      default -> throw new IllegalArgumentException("--model-family '" + modelFamily + "' is not one of als, ease, "
          + "blend, auto");
    };
  }

  private ConfidenceTransform confidence() {
    if (confidence == null) {
      return null;
    }
    return switch (confidence.toLowerCase(Locale.ROOT)) {
      case "binary" -> ConfidenceTransform.BINARY;
      case "linear" -> ConfidenceTransform.LINEAR;
      case "log" -> ConfidenceTransform.LOG;
      default -> throw new IllegalArgumentException("--confidence '" + confidence + "' is not one of binary, linear, "
          + "log");
    };
  }
}
