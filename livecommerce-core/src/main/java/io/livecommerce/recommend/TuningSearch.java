package io.livecommerce.recommend;

import io.livecommerce.embed.TextEmbedder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@link ImplicitTuner} run's search state: scores trials on the validation split, keeps count, costs, what the
 * budget left untried and the models worth reusing, and watches the clock (or, given a trial limit, the count
 * instead). Not thread-safe: one per run.
 */
final class TuningSearch {

  private static final Logger LOG = LoggerFactory.getLogger(ImplicitTuner.class);

  final LongSupplier nanoTime;
  final Duration budget; // null when the trial limit stops the search
  final int trialLimit; // 0 when the budget does
  final int k;
  final long seed;
  final int easeSearchItems;
  final int finalEaseItems;
  final long start;
  final ValidationSplit v;
  final TextEmbedder memo;
  final Map<String, String> texts;
  int trials;
  boolean stopped;
  // The trials fitted when the search stopped: a passed check is always followed by a fit before the next check, so
  // a trial limit of this many stops at the same check and repeats the search without the clock.
  int stoppedAfter;
  final List<ImplicitTuner.Trial> history = new ArrayList<>();
  final List<Long> costs = new ArrayList<>();
  final List<String> untried = new ArrayList<>();
  // ALS trials on v by their settings without iterations, so a longer rung continues a shorter one.
  final Map<ImplicitTuner.Trial, ImplicitModel> alsOnV = new HashMap<>();
  // The best-scoring EASE model on v: the winner's blend weights are rescored on it without training it again.
  ImplicitTuner.Trial bestEaseTrial;
  ImplicitModel bestEaseModel;
  // The predicted cost of the final EASE fit, kept free at the end of the budget: from the cheapest EASE trial,
  // scaled to the final model's items.
  long easeReserveNanos;
  // The last fit's cost: the estimate of the next one, so that a trial starts only when it can end in the budget.
  long lastTrialNanos;
  // The winner's rescoring with every blend after the search, kept free at the end of the budget too; timed once on
  // a sample of the validation users, as the trials never score content.
  long rescoreReserveNanos = -1;
  private final List<BlendWeights> mixes;
  private long fitNanos = -1; // the fit inside the trial being scored, -1 when fit() did not make it

  TuningSearch(long start, ValidationSplit v, TextEmbedder memo, Map<String, String> texts, LongSupplier nanoTime,
      Duration budget, int trialLimit, int k, long seed, int easeSearchItems, int finalEaseItems,
      List<BlendWeights> mixes) {
    this.mixes = List.copyOf(mixes);
    this.nanoTime = nanoTime;
    this.budget = budget;
    this.trialLimit = trialLimit;
    this.k = k;
    this.seed = seed;
    this.easeSearchItems = easeSearchItems;
    this.finalEaseItems = finalEaseItems;
    this.start = start;
    this.v = v;
    this.memo = memo;
    this.texts = texts;
  }

  /**
   * True once the trial limit is reached or, without one, once the time spent plus the predicted costs of the next
   * trial, the winner's rescoring and the final EASE fit pass the budget; it stays true.
   */
  boolean stop() {
    if (!stopped && (trialLimit > 0 ? trials >= trialLimit
        : nanoTime.getAsLong() - start + lastTrialNanos + easeReserveNanos + Math.max(0, rescoreReserveNanos)
            > budget.toNanos())) {
      stopped = true;
      stoppedAfter = trials;
    }
    return stopped;
  }

  /** {@link #stop}, recording {@code what} as left untried when it stops. */
  boolean stopBefore(String what) {
    if (stop()) {
      untried.add(what);
      return true;
    }
    return false;
  }

  ImplicitTuner.Trial score(ImplicitTuner.Trial t) {
    long t0 = nanoTime.getAsLong();
    fitNanos = -1;
    ImplicitModel m;
    if (t.family() == ModelFamily.ALS) {
      ImplicitTuner.Trial key = t.withIterations(0);
      ImplicitModel before = alsOnV.get(key);
      int done = before == null ? 0 : before.cf().lossHistory().length;
      if (before != null && done < t.iterations()) {
        trials++;
        m = t.withIterations(t.iterations() - done).recommender(memo, seed, easeSearchItems)
            .fit(v.train, texts, io.livecommerce.ProgressListener.NONE, before.cf());
      } else {
        m = fit(t, v);
      }
      alsOnV.put(key, m);
    } else {
      m = fit(t, v);
    }
    double ndcg = v.ndcg(m, k);
    if (t.family() == ModelFamily.EASE
        && (bestEaseTrial == null || ndcg > bestEaseTrial.validationNdcg())) {
      bestEaseTrial = t.scored(ndcg);
      bestEaseModel = m;
    }
    LOG.debug("trial {}: validation NDCG@{} {}", t.describe(), k, ndcg);
    ImplicitTuner.Trial scored = t.scored(ndcg);
    long cost = nanoTime.getAsLong() - t0;
    lastTrialNanos = cost;
    history.add(scored);
    costs.add(cost / 1_000_000);
    if (budget != null && rescoreReserveNanos < 0) {
      timeRescoring(m);
    }
    if (t.family() == ModelFamily.EASE && m.ease().size() > 0 && fitNanos >= 0) {
      // The inverse grows as the cube of the items covered, the rest of the fit (Gram matrix, weights) at most as the
      // square; the final fit scores no validation users.
      double r = Math.max(1.0, (double) finalEaseItems / m.ease().size());
      long inverse = m.ease().inverseNanos;
      double reserve = Math.max(0, fitNanos - inverse) * r * r + inverse * r * r * r;
      long nanos = (long) Math.min(Long.MAX_VALUE / 4.0, reserve);
      easeReserveNanos = easeReserveNanos == 0 ? nanos : Math.min(easeReserveNanos, nanos);
    }
    return scored;
  }

  /**
   * Times the winner's rescoring with every blend on a twentieth of the validation users, twice (the first run also
   * compiles the content scoring), and scales the second run to all of them.
   */
  private void timeRescoring(ImplicitModel m) {
    int sample = Math.max(1, v.users() / 20);
    v.ndcg(m, k, mixes, sample);
    long t0 = nanoTime.getAsLong();
    v.ndcg(m, k, mixes, sample);
    double nanos = (double) (nanoTime.getAsLong() - t0) * v.users() / sample;
    rescoreReserveNanos = (long) Math.min(Long.MAX_VALUE / 4.0, nanos);
    LOG.debug("the winner's rescoring with {} blends should take about {} ms", mixes.size(),
        rescoreReserveNanos / 1_000_000);
  }

  /** The model of {@code t} on v: kept from the search when it was trained there, else trained now. */
  ImplicitModel trained(ImplicitTuner.Trial t) {
    if (bestEaseTrial != null && bestEaseTrial.equals(t)) {
      return bestEaseModel;
    }
    ImplicitModel als = t.family() == ModelFamily.ALS ? alsOnV.get(t.withIterations(0)) : null;
    if (als != null && als.cf().lossHistory().length == t.iterations()) {
      return als;
    }
    return fit(t, v);
  }

  ImplicitModel fit(ImplicitTuner.Trial t, ValidationSplit split) {
    trials++;
    long t0 = nanoTime.getAsLong();
    ImplicitModel m = t.recommender(memo, seed, easeSearchItems).fit(split.train, texts);
    lastTrialNanos = nanoTime.getAsLong() - t0;
    fitNanos = lastTrialNanos;
    return m;
  }
}
