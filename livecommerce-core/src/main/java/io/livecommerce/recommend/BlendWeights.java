package io.livecommerce.recommend;

import io.livecommerce.internal.Checks;

/**
 * How a hybrid recommender mixes its signals: {@code score = cf·CF + content·Content + popularity·Popularity
 * + momentum·Momentum + repeat·Repeat}. CF is the collaborative affinity (about 0 to 1), Content the cosine between
 * the user's taste profile and the item's text, Popularity a decayed, log-scaled share of all engagement in [0, 1],
 * Momentum (rooms only) the recent growth of a room's audience squashed to (-1, 1), Repeat (rooms only) how often
 * viewers return to an anchor they last watched as long ago as this viewer did (a rate in (0, 1), learned from the
 * training events).
 *
 * <p>Immutable and thread-safe.
 *
 * @param cf weight of collaborative filtering, {@code >= 0}
 * @param content weight of content similarity, {@code >= 0}
 * @param popularity weight of popularity, {@code >= 0}
 * @param momentum weight of audience growth, {@code >= 0}
 * @param repeat weight of repeat viewing, {@code >= 0}
 */
public record BlendWeights(double cf, double content, double popularity, double momentum, double repeat) {

  /** The default mix: CF 1, content 0.5, popularity 0.2, momentum 0.1. */
  public static final BlendWeights DEFAULT = new BlendWeights(1, 0.5, 0.2, 0.1);
  /** Collaborative filtering alone (a baseline). */
  public static final BlendWeights CF_ONLY = new BlendWeights(1, 0, 0, 0);
  /** Content similarity alone (a baseline). */
  public static final BlendWeights CONTENT_ONLY = new BlendWeights(0, 1, 0, 0);
  /** Popularity alone (a baseline). */
  public static final BlendWeights POPULARITY_ONLY = new BlendWeights(0, 0, 1, 0);

  /**
   * Validates the weights.
   *
   * @throws IllegalArgumentException if a weight is negative or not finite, or all are zero
   */
  public BlendWeights {
    Checks.nonNegative(cf, "cf");
    Checks.nonNegative(content, "content");
    Checks.nonNegative(popularity, "popularity");
    Checks.nonNegative(momentum, "momentum");
    Checks.nonNegative(repeat, "repeat");
    if (cf + content + popularity + momentum + repeat == 0) {
      throw new IllegalArgumentException("at least one weight must be > 0");
    }
  }

  /**
   * Weights without repeat viewing.
   *
   * @throws IllegalArgumentException if a weight is negative or not finite, or all are zero
   */
  public BlendWeights(double cf, double content, double popularity, double momentum) {
    this(cf, content, popularity, momentum, 0);
  }
}
