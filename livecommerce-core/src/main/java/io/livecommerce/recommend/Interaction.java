package io.livecommerce.recommend;

import io.livecommerce.internal.Checks;

/**
 * One implicit-feedback observation: a user did something with an item. The generic input of
 * {@link ImplicitRecommender}, for any log of (user, item, weight, time).
 *
 * <p>Weights of one (user, item) pair are summed. A positive sum is a preference held with confidence
 * {@code 1 + alpha * sum}; a negative sum (e.g. a swipe past a live room within 3 seconds) is a non-preference held
 * with confidence {@code 1 + alpha * |sum|}; zero marks the pair as seen with no preference.
 *
 * <p>Immutable and thread-safe.
 *
 * @param user the user, not blank
 * @param item the item, not blank
 * @param weight the strength of the signal, finite; see above
 * @param timestampMillis when it happened, epoch millis, {@code >= 0}
 */
public record Interaction(String user, String item, double weight, long timestampMillis) {

  /**
   * Validates the components.
   *
   * @throws IllegalArgumentException if a component is invalid; the message names it
   */
  public Interaction {
    Checks.notBlank(user, "user");
    Checks.notBlank(item, "item");
    Checks.finite(weight, "weight");
    Checks.nonNegative(timestampMillis, "timestampMillis");
  }
}
