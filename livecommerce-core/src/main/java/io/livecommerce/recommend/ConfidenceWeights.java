package io.livecommerce.recommend;

import io.livecommerce.domain.WatchEvent;
import io.livecommerce.internal.Checks;

/**
 * How much a watch event says about a viewer's taste. Interactions weigh more than watching, and valuable actions
 * (gifts, orders) most; counts enter as {@code log(1 + count)} so one enthusiastic viewer does not dominate. A view
 * shorter than {@code shortViewSeconds} with no interaction is a swipe past: a negative signal of weight
 * {@code -shortViewPenalty}.
 *
 * <p>{@code score = watch·log(1 + minutes) + like·log(1 + likes) + comment·log(1 + comments)
 * + share·log(1 + shares) + gift·log(1 + gifts) + order·log(1 + orders)}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param shortViewSeconds views shorter than this are swipes past, {@code >= 0}
 * @param shortViewPenalty the negative weight of a swipe past, {@code >= 0}
 * @param watch weight of log(1 + watch minutes), {@code >= 0}
 * @param like weight of likes, {@code >= 0}
 * @param comment weight of comments, {@code >= 0}
 * @param share weight of shares, {@code >= 0}
 * @param gift weight of gifts, {@code >= 0}
 * @param order weight of orders, {@code >= 0}
 */
public record ConfidenceWeights(double shortViewSeconds, double shortViewPenalty, double watch, double like,
    double comment, double share, double gift, double order) {

  /** Defaults after live-stream studies: 3 s swipe cut-off; orders 3, gifts 1.5, shares 1, comments 0.5, likes 0.2. */
  public static final ConfidenceWeights DEFAULT = new ConfidenceWeights(3, 0.5, 1, 0.2, 0.5, 1, 1.5, 3);

  /**
   * Validates the weights.
   *
   * @throws IllegalArgumentException if a weight is negative or not finite
   */
  public ConfidenceWeights {
    Checks.nonNegative(shortViewSeconds, "shortViewSeconds");
    Checks.nonNegative(shortViewPenalty, "shortViewPenalty");
    Checks.nonNegative(watch, "watch");
    Checks.nonNegative(like, "like");
    Checks.nonNegative(comment, "comment");
    Checks.nonNegative(share, "share");
    Checks.nonNegative(gift, "gift");
    Checks.nonNegative(order, "order");
  }

  /** The event's weight: negative for a swipe past, else {@code >= 0}. */
  public double score(WatchEvent e) {
    Checks.notNull(e, "event");
    int actions = e.likes() + e.comments() + e.shares() + e.gifts() + e.orders();
    if (e.watchSeconds() < shortViewSeconds && actions == 0) {
      return -shortViewPenalty;
    }
    return watch * Math.log1p(e.watchSeconds() / 60.0)
        + like * Math.log1p(e.likes())
        + comment * Math.log1p(e.comments())
        + share * Math.log1p(e.shares())
        + gift * Math.log1p(e.gifts())
        + order * Math.log1p(e.orders());
  }
}
