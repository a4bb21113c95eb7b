package io.livecommerce.eval;

import java.util.Locale;

/**
 * Mean ranking metrics of one recommender over the evaluated users, at cut-off {@code k}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the recommender's name, e.g. "hybrid" or "popularity"
 * @param k the cut-off
 * @param users users evaluated (those with at least one relevant item)
 * @param ndcg mean NDCG@k
 * @param precision mean Precision@k
 * @param recall mean Recall@k
 * @param map mean AP@k (MAP@k)
 * @param hitRate mean HitRate@k
 * @param mrr mean reciprocal rank within the returned list
 * @param coverage catalog coverage of all lists
 */
public record RankingReport(String name, int k, int users, double ndcg, double precision, double recall, double map,
    double hitRate, double mrr, double coverage) {

  /** A header line matching {@link #row()}. */
  public static String header() {
    return String.format(Locale.ROOT, "%-14s %7s %7s %7s %7s %7s %7s %8s %6s",
        "model", "NDCG", "P", "Recall", "MAP", "HR", "MRR", "Coverage", "users");
  }

  /** One aligned table row. */
  public String row() {
    return String.format(Locale.ROOT, "%-14s %7.4f %7.4f %7.4f %7.4f %7.4f %7.4f %8.4f %6d",
        name, ndcg, precision, recall, map, hitRate, mrr, coverage, users);
  }
}
