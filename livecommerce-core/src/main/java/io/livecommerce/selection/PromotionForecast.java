package io.livecommerce.selection;

import io.livecommerce.domain.Promotion;
import io.livecommerce.internal.Checks;

/**
 * The predicted outcome of running a promotion.
 *
 * <p>Immutable and thread-safe.
 *
 * @param promotion the candidate
 * @param gmvCents predicted GMV in minor units, {@code >= 0}
 * @param gmvLowCents lower end of the interval, {@code <= gmvCents}
 * @param gmvHighCents upper end of the interval, {@code >= gmvCents}
 */
public record PromotionForecast(Promotion promotion, double gmvCents, double gmvLowCents, double gmvHighCents) {

  /**
   * Validates the components.
   *
   * @throws IllegalArgumentException if a value is negative, not finite, or the interval does not contain gmvCents
   */
  public PromotionForecast {
    Checks.notNull(promotion, "promotion");
    Checks.nonNegative(gmvCents, "gmvCents");
    Checks.nonNegative(gmvLowCents, "gmvLowCents");
    Checks.finite(gmvHighCents, "gmvHighCents");
    if (gmvLowCents > gmvCents || gmvHighCents < gmvCents) {
      throw new IllegalArgumentException(
          "interval [" + gmvLowCents + ", " + gmvHighCents + "] must contain gmvCents " + gmvCents);
    }
  }
}
