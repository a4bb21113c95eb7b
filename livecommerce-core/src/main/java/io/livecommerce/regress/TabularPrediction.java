package io.livecommerce.regress;

import io.livecommerce.Reason;
import io.livecommerce.internal.Checks;
import java.util.List;

/**
 * A prediction with an interval from cross-validated residuals and the features that drove it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param value the prediction on the target's scale
 * @param low lower end of the 80% interval
 * @param high upper end of the 80% interval
 * @param reasons the largest contributions, grouped by source column, largest magnitude first
 */
public record TabularPrediction(double value, double low, double high, List<Reason> reasons) {

  /** Copies the reasons. */
  public TabularPrediction {
    Checks.finite(value, "value");
    Checks.finite(low, "low");
    Checks.finite(high, "high");
    reasons = List.copyOf(reasons);
  }
}
