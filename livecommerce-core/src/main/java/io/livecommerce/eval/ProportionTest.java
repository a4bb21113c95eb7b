package io.livecommerce.eval;

import io.livecommerce.internal.Checks;

/**
 * The result of a two-proportion z-test comparing conversion rates of a control (A) and a treatment (B).
 *
 * <p>Immutable and thread-safe.
 *
 * @param rateA conversion rate of A
 * @param rateB conversion rate of B
 * @param difference {@code rateB - rateA}
 * @param z the z statistic with the pooled standard error
 * @param pValue two-sided p-value
 * @param ciLow lower end of the 95% confidence interval of the difference (unpooled standard error)
 * @param ciHigh upper end of that interval
 */
public record ProportionTest(
    double rateA, double rateB, double difference, double z, double pValue, double ciLow, double ciHigh) {

  /** Whether the difference is significant at level {@code alpha} (two-sided). */
  public boolean significantAt(double alpha) {
    Checks.inOpenRange(alpha, 0, 1, "alpha");
    return pValue < alpha;
  }
}
