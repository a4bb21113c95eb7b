package io.livecommerce.selection;

import io.livecommerce.domain.Product;
import io.livecommerce.internal.Checks;

/**
 * Predicted sales of a product for an anchor, with an interval from cross-validated residuals.
 *
 * <p>Immutable and thread-safe.
 *
 * @param product the candidate
 * @param units predicted units per session, {@code >= 0}
 * @param revenueCents predicted revenue per session in minor units, {@code >= 0}
 * @param unitsLow lower end of the interval, {@code <= units}
 * @param unitsHigh upper end of the interval, {@code >= units}
 */
public record SalesForecast(Product product, double units, double revenueCents, double unitsLow, double unitsHigh) {

  /**
   * Validates the components.
   *
   * @throws IllegalArgumentException if a value is negative, not finite, or the interval does not contain units
   */
  public SalesForecast {
    Checks.notNull(product, "product");
    Checks.nonNegative(units, "units");
    Checks.nonNegative(revenueCents, "revenueCents");
    Checks.nonNegative(unitsLow, "unitsLow");
    Checks.finite(unitsHigh, "unitsHigh");
    if (unitsLow > units || unitsHigh < units) {
      throw new IllegalArgumentException(
          "interval [" + unitsLow + ", " + unitsHigh + "] must contain units " + units);
    }
  }
}
