package io.livecommerce.eval;

/**
 * The standard normal distribution's CDF and tail, accurate to about 1e-15 absolute in the body and with good
 * relative accuracy in the tails. Package-private.
 */
final class Normal {

  private static final double INV_SQRT_2PI = 0.3989422804014327;

  private Normal() {}

  static double pdf(double x) {
    return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
  }

  /** P(Z > x). */
  static double upperTail(double x) {
    if (x < 0) {
      return 1 - upperTail(-x);
    }
    if (x > 5) {
      // Continued fraction Q(x) = φ(x) / (x + 1/(x + 2/(x + 3/(x + ...)))), evaluated from the back.
      double f = x;
      for (int k = 60; k >= 1; k--) {
        f = x + k / f;
      }
      return pdf(x) / f;
    }
    // Marsaglia's series: Φ(x) = 1/2 + φ(x) (x + x³/3 + x⁵/(3·5) + ...), all terms positive.
    double term = x;
    double sum = x;
    double x2 = x * x;
    for (int i = 3; i < 400; i += 2) {
      term *= x2 / i;
      double next = sum + term;
      if (next == sum) {
        break;
      }
      sum = next;
    }
    return 0.5 - pdf(x) * sum;
  }

  /** P(Z <= x). */
  static double cdf(double x) {
    return 1 - upperTail(x);
  }
}
