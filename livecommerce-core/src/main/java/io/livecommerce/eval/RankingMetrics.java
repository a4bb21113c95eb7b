package io.livecommerce.eval;

import io.livecommerce.internal.Checks;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Offline metrics of one ranked list against the items that were relevant (e.g. watched in the test period).
 *
 * <p>Conventions, matching the common recommender toolkits: Precision@k divides by {@code k}; Recall@k by the number
 * of relevant items; AP@k divides by {@code min(|relevant|, k)}; NDCG uses gain / log2(rank + 1) with rank from 1.
 * A ranked list shorter than {@code k} is scored as if padded with misses. Average per-user values yourself (the
 * mean of AP@k is MAP@k).
 *
 * <p>Every method throws {@link IllegalArgumentException} for {@code k <= 0}, a null or empty relevant set, or a
 * ranked list that contains an item twice. Stateless and thread-safe.
 */
public final class RankingMetrics {

  private RankingMetrics() {}

  /** NDCG@k with binary relevance. */
  public static <T> double ndcgAtK(List<T> ranked, Set<T> relevant, int k) {
    checkArgs(ranked, relevant, k);
    double dcg = 0;
    int n = Math.min(k, ranked.size());
    for (int i = 0; i < n; i++) {
      if (relevant.contains(ranked.get(i))) {
        dcg += 1.0 / log2(i + 2);
      }
    }
    double idcg = 0;
    for (int i = 0; i < Math.min(k, relevant.size()); i++) {
      idcg += 1.0 / log2(i + 2);
    }
    return dcg / idcg;
  }

  /**
   * NDCG@k with graded relevance: {@code gains} maps each relevant item to a gain {@code > 0}; items not in it gain
   * 0.
   */
  public static <T> double ndcgAtK(List<T> ranked, Map<T, Double> gains, int k) {
    Checks.notNull(gains, "gains");
    for (Map.Entry<T, Double> e : gains.entrySet()) {
      if (e.getValue() == null || !(e.getValue() > 0) || !Double.isFinite(e.getValue())) {
        throw new IllegalArgumentException(
            "gains[" + e.getKey() + "] must be finite and > 0 but was " + e.getValue());
      }
    }
    checkArgs(ranked, gains.keySet(), k);
    double dcg = 0;
    int n = Math.min(k, ranked.size());
    for (int i = 0; i < n; i++) {
      Double g = gains.get(ranked.get(i));
      if (g != null) {
        dcg += g / log2(i + 2);
      }
    }
    List<Double> ideal = new ArrayList<>(gains.values());
    ideal.sort((a, b) -> Double.compare(b, a));
    double idcg = 0;
    for (int i = 0; i < Math.min(k, ideal.size()); i++) {
      idcg += ideal.get(i) / log2(i + 2);
    }
    return dcg / idcg;
  }

  /** Precision@k: relevant items in the top k, divided by k. */
  public static <T> double precisionAtK(List<T> ranked, Set<T> relevant, int k) {
    checkArgs(ranked, relevant, k);
    return (double) hits(ranked, relevant, k) / k;
  }

  /** Recall@k: relevant items in the top k, divided by the number of relevant items. */
  public static <T> double recallAtK(List<T> ranked, Set<T> relevant, int k) {
    checkArgs(ranked, relevant, k);
    return (double) hits(ranked, relevant, k) / relevant.size();
  }

  /** HitRate@k: 1 if any relevant item is in the top k, else 0. */
  public static <T> double hitRateAtK(List<T> ranked, Set<T> relevant, int k) {
    checkArgs(ranked, relevant, k);
    return hits(ranked, relevant, k) > 0 ? 1.0 : 0.0;
  }

  /** AP@k: mean of Precision@i at each rank i ≤ k holding a relevant item, divided by min(|relevant|, k). */
  public static <T> double averagePrecisionAtK(List<T> ranked, Set<T> relevant, int k) {
    checkArgs(ranked, relevant, k);
    double sum = 0;
    int hits = 0;
    int n = Math.min(k, ranked.size());
    for (int i = 0; i < n; i++) {
      if (relevant.contains(ranked.get(i))) {
        hits++;
        sum += (double) hits / (i + 1);
      }
    }
    return sum / Math.min(relevant.size(), k);
  }

  /** Reciprocal rank: 1 / rank of the first relevant item in the whole list, 0 if none. */
  public static <T> double reciprocalRank(List<T> ranked, Set<T> relevant) {
    checkArgs(ranked, relevant, 1);
    for (int i = 0; i < ranked.size(); i++) {
      if (relevant.contains(ranked.get(i))) {
        return 1.0 / (i + 1);
      }
    }
    return 0;
  }

  /**
   * Catalog coverage: the share of the catalog that appears in at least one list.
   *
   * @param lists every user's recommendations
   * @param catalogSize the number of items that could have been recommended, {@code > 0}
   * @throws IllegalArgumentException if more distinct items were recommended than the catalog holds
   */
  public static <T> double catalogCoverage(Collection<? extends List<T>> lists, int catalogSize) {
    Checks.notNull(lists, "lists");
    Checks.positive(catalogSize, "catalogSize");
    Set<T> seen = new HashSet<>();
    for (List<T> l : lists) {
      Checks.notNull(l, "lists element");
      seen.addAll(l);
    }
    if (seen.size() > catalogSize) {
      throw new IllegalArgumentException(
          "lists recommend " + seen.size() + " distinct items but catalogSize is " + catalogSize);
    }
    return (double) seen.size() / catalogSize;
  }

  private static <T> int hits(List<T> ranked, Set<T> relevant, int k) {
    int h = 0;
    int n = Math.min(k, ranked.size());
    for (int i = 0; i < n; i++) {
      if (relevant.contains(ranked.get(i))) {
        h++;
      }
    }
    return h;
  }

  private static <T> void checkArgs(List<T> ranked, Set<T> relevant, int k) {
    Checks.notNull(ranked, "ranked");
    Checks.notNull(relevant, "relevant");
    Checks.positive(k, "k");
    if (relevant.isEmpty()) {
      throw new IllegalArgumentException("relevant must not be empty: the metric is undefined without relevant items");
    }
    Set<T> seen = new HashSet<>();
    for (int i = 0; i < ranked.size(); i++) {
      T item = ranked.get(i);
      if (item == null) {
        throw new IllegalArgumentException("ranked[" + i + "] must not be null");
      }
      if (!seen.add(item)) {
        throw new IllegalArgumentException("ranked contains " + item + " twice (again at index " + i + ")");
      }
    }
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
