package io.livecommerce.eval;

import io.livecommerce.internal.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Runs a recommender for every user with relevant items and averages the {@link RankingMetrics}. Stateless and
 * thread-safe; the recommender is called from the calling thread only.
 */
public final class RankingEvaluator {

  private RankingEvaluator() {}

  /**
   * Evaluates {@code recommender}.
   *
   * @param name the name in the report
   * @param recommender a user's ranked items, best first
   * @param relevant per user, the items that count as hits (e.g. from the test period); users with none are skipped
   * @param k the cut-off, {@code > 0}
   * @param catalogSize items that could have been recommended, {@code > 0}
   * @throws IllegalArgumentException if an argument is invalid or no user has a relevant item
   */
  public static RankingReport evaluate(String name, Function<String, List<String>> recommender,
      Map<String, Set<String>> relevant, int k, int catalogSize) {
    Checks.notBlank(name, "name");
    Checks.notNull(recommender, "recommender");
    Checks.notNull(relevant, "relevant");
    Checks.positive(k, "k");
    Checks.positive(catalogSize, "catalogSize");
    double ndcg = 0;
    double p = 0;
    double r = 0;
    double ap = 0;
    double hr = 0;
    double rr = 0;
    int users = 0;
    List<List<String>> lists = new ArrayList<>();
    for (Map.Entry<String, Set<String>> e : relevant.entrySet()) {
      if (e.getValue() == null || e.getValue().isEmpty()) {
        continue;
      }
      List<String> ranked = recommender.apply(e.getKey());
      if (ranked == null) {
        throw new IllegalArgumentException("recommender returned null for user " + Checks.quote(e.getKey()));
      }
      List<String> top = ranked.size() > k ? ranked.subList(0, k) : ranked;
      lists.add(top);
      Set<String> rel = e.getValue();
      ndcg += RankingMetrics.ndcgAtK(top, rel, k);
      p += RankingMetrics.precisionAtK(top, rel, k);
      r += RankingMetrics.recallAtK(top, rel, k);
      ap += RankingMetrics.averagePrecisionAtK(top, rel, k);
      hr += RankingMetrics.hitRateAtK(top, rel, k);
      rr += RankingMetrics.reciprocalRank(top, rel);
      users++;
    }
    if (users == 0) {
      throw new IllegalArgumentException("no user has a relevant item; nothing to evaluate");
    }
    return new RankingReport(name, k, users, ndcg / users, p / users, r / users, ap / users, hr / users, rr / users,
        RankingMetrics.catalogCoverage(lists, catalogSize));
  }
}
