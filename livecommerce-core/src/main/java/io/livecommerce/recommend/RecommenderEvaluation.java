package io.livecommerce.recommend;

import io.livecommerce.Scored;
import io.livecommerce.eval.RankingEvaluator;
import io.livecommerce.eval.RankingReport;
import io.livecommerce.internal.Checks;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Offline evaluation of an {@link ImplicitModel} against its baselines on held-out interactions: the hybrid as
 * trained, CF only, content only, popularity only, and a seeded random ranking, each over the users the model knows
 * who have a positive test interaction, leaving out what they saw in training. Stateless and thread-safe.
 */
public final class RecommenderEvaluation {

  private RecommenderEvaluation() {}

  /** Per user, the items with positive total weight in {@code test}. */
  public static Map<String, Set<String>> relevant(List<Interaction> test) {
    Checks.notNull(test, "test");
    Map<String, Map<String, Double>> sums = new HashMap<>();
    for (Interaction it : test) {
      sums.computeIfAbsent(it.user(), u -> new HashMap<>()).merge(it.item(), it.weight(), Double::sum);
    }
    Map<String, Set<String>> out = new HashMap<>();
    sums.forEach((u, items) -> {
      Set<String> pos = new HashSet<>();
      items.forEach((i, w) -> {
        if (w > 0) {
          pos.add(i);
        }
      });
      if (!pos.isEmpty()) {
        out.put(u, pos);
      }
    });
    return out;
  }

  /**
   * Evaluates the model and its baselines at cut-off {@code k}. Content-only is included when the model has item
   * vectors (it then ranks by content alone).
   *
   * @param seed seeds the random baseline
   * @return reports in the order hybrid, cf-only, content-only (only when items have text), popularity, random
   * @throws IllegalArgumentException if no known user has a positive test interaction
   */
  public static List<RankingReport> compare(ImplicitModel model, List<Interaction> test, int k, long seed) {
    Checks.notNull(model, "model");
    Checks.positive(k, "k");
    Map<String, Set<String>> rel = new HashMap<>();
    relevant(test).forEach((u, items) -> {
      if (model.knows(u)) {
        Set<String> unseen = new HashSet<>(items);
        unseen.removeAll(model.seen(u));
        if (!unseen.isEmpty()) {
          rel.put(u, unseen);
        }
      }
    });
    int catalog = model.catalogue().size();
    List<RankingReport> out = new java.util.ArrayList<>();
    out.add(RankingEvaluator.evaluate("hybrid", u -> ids(model.recommend(u, k, true)), rel, k, catalog));
    out.add(RankingEvaluator.evaluate("cf-only",
        u -> ids(model.withWeights(BlendWeights.CF_ONLY).recommend(u, k, true)), rel, k, catalog));
    if (model.hasItemText()) {
      out.add(RankingEvaluator.evaluate("content-only",
          u -> ids(model.withWeights(BlendWeights.CONTENT_ONLY).recommend(u, k, true)), rel, k, catalog));
    }
    out.add(RankingEvaluator.evaluate("popularity",
        u -> ids(model.withWeights(BlendWeights.POPULARITY_ONLY).recommend(u, k, true)), rel, k, catalog));
    out.add(RankingEvaluator.evaluate("random", u -> model.randomRanking(u, k, true, seed), rel, k, catalog));
    return List.copyOf(out);
  }

  private static List<String> ids(List<Scored<String>> scored) {
    return scored.stream().map(Scored::item).toList();
  }
}
