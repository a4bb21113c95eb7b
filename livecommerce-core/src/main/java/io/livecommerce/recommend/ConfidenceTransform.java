package io.livecommerce.recommend;

/**
 * How an interaction's weight becomes the strength in the confidence {@code 1 + alpha * strength}. A log of star
 * ratings trusts a 5-star rating five times more than a 1-star one under {@link #LINEAR}, which on real rating logs
 * ranks worse than treating every rating as one interaction: the tuner chooses. The sign is kept (a negative weight
 * stays a non-preference). Thread-safe (an enum).
 */
public enum ConfidenceTransform {
  /** Every interaction counts the same: the sign of the summed weight. */
  BINARY,
  /** The weight as it is (the classic Hu, Koren and Volinsky confidence). */
  LINEAR,
  /** {@code log(1 + |w|)} with the sign of {@code w}: large weights count, but less than linearly. */
  LOG;

  /** The strength for a summed weight. */
  public double apply(double w) {
    return switch (this) {
      case BINARY -> Math.signum(w);
      case LINEAR -> w;
      case LOG -> Math.signum(w) * Math.log1p(Math.abs(w));
    };
  }
}
