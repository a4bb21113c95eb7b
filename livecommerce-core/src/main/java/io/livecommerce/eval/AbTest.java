package io.livecommerce.eval;

import io.livecommerce.internal.Checks;

/**
 * A/B test statistics. Stateless and thread-safe.
 */
public final class AbTest {

  private static final double Z_975 = 1.959963984540054;

  private AbTest() {}

  /**
   * Two-proportion z-test: is B's conversion rate different from A's?
   *
   * @param conversionsA converting users in A, {@code 0 <= conversionsA <= usersA}
   * @param usersA users in A, {@code > 0}
   * @param conversionsB converting users in B, {@code 0 <= conversionsB <= usersB}
   * @param usersB users in B, {@code > 0}
   * @return rates, z, two-sided p-value and a 95% interval of the difference
   * @throws IllegalArgumentException if a count is out of range, or no user converted or every user did (the test
   *     is undefined when the pooled rate is 0 or 1)
   */
  public static ProportionTest twoProportion(long conversionsA, long usersA, long conversionsB, long usersB) {
    Checks.positive(usersA, "usersA");
    Checks.positive(usersB, "usersB");
    Checks.nonNegative(conversionsA, "conversionsA");
    Checks.nonNegative(conversionsB, "conversionsB");
    if (conversionsA > usersA) {
      throw new IllegalArgumentException(
          "conversionsA must be <= usersA (" + usersA + ") but was " + conversionsA);
    }
    if (conversionsB > usersB) {
      throw new IllegalArgumentException(
          "conversionsB must be <= usersB (" + usersB + ") but was " + conversionsB);
    }
    double pa = (double) conversionsA / usersA;
    double pb = (double) conversionsB / usersB;
    double pooled = (double) (conversionsA + conversionsB) / (usersA + usersB);
    if (pooled == 0 || pooled == 1) {
      throw new IllegalArgumentException(
          "pooled conversion rate is " + pooled + "; the z-test is undefined when nobody or everybody converts");
    }
    double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / usersA + 1.0 / usersB));
    double diff = pb - pa;
    double z = diff / se;
    double p = Math.min(1.0, 2 * Normal.upperTail(Math.abs(z)));
    double seUnpooled = Math.sqrt(pa * (1 - pa) / usersA + pb * (1 - pb) / usersB);
    return new ProportionTest(pa, pb, diff, z, p, diff - Z_975 * seUnpooled, diff + Z_975 * seUnpooled);
  }
}
