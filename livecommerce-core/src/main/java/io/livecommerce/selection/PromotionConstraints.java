package io.livecommerce.selection;

import io.livecommerce.internal.Checks;

/**
 * Limits a promotion must respect to be recommended.
 *
 * <p>Immutable and thread-safe.
 *
 * @param maxDiscountDepth the deepest discount allowed, in {@code [0, 1]}
 * @param maxCostCents the most the promotion may cost the seller, minor units, {@code >= 0}
 */
public record PromotionConstraints(double maxDiscountDepth, long maxCostCents) {

  /** No limits. */
  public static final PromotionConstraints NONE = new PromotionConstraints(1.0, Long.MAX_VALUE);

  /**
   * Validates the components.
   *
   * @throws IllegalArgumentException if a value is out of range
   */
  public PromotionConstraints {
    Checks.inRange(maxDiscountDepth, 0, 1, "maxDiscountDepth");
    Checks.nonNegative(maxCostCents, "maxCostCents");
  }
}
