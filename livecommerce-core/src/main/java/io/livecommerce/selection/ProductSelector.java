package io.livecommerce.selection;

import io.livecommerce.Scored;
import io.livecommerce.domain.Product;
import java.util.List;

/**
 * Ranks candidate products for an anchor by predicted sales (选品).
 *
 * <p>Implementations are thread-safe for concurrent {@code select} calls unless their Javadoc says otherwise.
 */
public interface ProductSelector {

  /**
   * Predicts sales of each candidate for the anchor and returns the best {@code k}, best first. The score is the
   * predicted revenue in minor units; reasons name the features that drove it and similar past products.
   *
   * @param anchorId the anchor, not blank; an anchor without history is predicted from pooled data
   * @param candidates products to consider, not empty, ids unique
   * @param k how many results at most, {@code > 0}
   * @return at most {@code k} forecasts, scores non-increasing
   * @throws IllegalArgumentException if an argument is invalid; the message names it
   */
  List<Scored<SalesForecast>> select(String anchorId, List<Product> candidates, int k);
}
