package io.livecommerce.recommend;

import io.livecommerce.internal.Checks;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The settings of implicit ALS, declared once: their defaults, their valid ranges, and one text form that the model
 * file's provenance, the CLI, the Spark job and logs all print and that {@link #parse} reads back. {@link
 * ImplicitAls}, {@link ImplicitTuner}, the CLI and {@code livecommerce-spark}'s {@code train-recommender} start from
 * {@link #DEFAULTS}. Immutable and thread-safe.
 *
 * @param factors latent factors, in [1, 1024]
 * @param iterations full sweeps (users then items), in [1, 1000]
 * @param regularization the penalty λ, {@code > 0}
 * @param alpha the confidence scale, {@code >= 0}: confidence is {@code 1 + alpha · strength}
 * @param seed seeds the initial factors
 */
public record AlsSettings(int factors, int iterations, double regularization, double alpha, long seed) {

  /** 32 factors, 10 iterations, λ 0.1, alpha 5, seed 42. */
  public static final AlsSettings DEFAULTS = new AlsSettings(32, 10, 0.1, 5, 42);

  /**
   * Validates every field.
   *
   * @throws IllegalArgumentException naming the field and its value when one is out of range
   */
  public AlsSettings {
    Checks.inRange(factors, 1, 1024, "factors");
    Checks.inRange(iterations, 1, 1000, "iterations");
    Checks.positive(Checks.finite(regularization, "regularization"), "regularization");
    Checks.nonNegative(Checks.finite(alpha, "alpha"), "alpha");
  }

  /** These settings with {@code factors} instead. */
  public AlsSettings withFactors(int factors) {
    return new AlsSettings(factors, iterations, regularization, alpha, seed);
  }

  /** These settings with {@code iterations} instead. */
  public AlsSettings withIterations(int iterations) {
    return new AlsSettings(factors, iterations, regularization, alpha, seed);
  }

  /** These settings with {@code regularization} instead. */
  public AlsSettings withRegularization(double regularization) {
    return new AlsSettings(factors, iterations, regularization, alpha, seed);
  }

  /** These settings with {@code alpha} instead. */
  public AlsSettings withAlpha(double alpha) {
    return new AlsSettings(factors, iterations, regularization, alpha, seed);
  }

  /** These settings with {@code seed} instead. */
  public AlsSettings withSeed(long seed) {
    return new AlsSettings(factors, iterations, regularization, alpha, seed);
  }

  /** {@code factors=32,iterations=10,regularization=0.1,alpha=5,seed=42}: what {@link #parse} reads. */
  @Override
  public String toString() {
    return "factors=" + factors + ",iterations=" + iterations + ",regularization=" + ImplicitTuner.plain(regularization)
        + ",alpha=" + ImplicitTuner.plain(alpha) + ",seed=" + seed;
  }

  /**
   * Reads {@link #toString()}'s form; keys may come in any order, and a key left out keeps its {@link #DEFAULTS}
   * value, so {@code "alpha=1"} is the defaults with alpha 1. Spaces around commas and {@code =} are allowed.
   *
   * @throws IllegalArgumentException naming the key and the value when a key is unknown or repeated, or a value is
   *     not a number or out of range
   */
  public static AlsSettings parse(String text) {
    Checks.notNull(text, "text");
    Map<String, String> values = new LinkedHashMap<>();
    if (!text.isBlank()) {
      for (String part : text.split(",")) {
        int eq = part.indexOf('=');
        if (eq < 0) {
          throw new IllegalArgumentException("ALS setting " + Checks.quote(part.trim()) + " is not key=value");
        }
        String key = part.substring(0, eq).trim().toLowerCase(Locale.ROOT);
        if (values.put(key, part.substring(eq + 1).trim()) != null) {
          throw new IllegalArgumentException("ALS setting " + Checks.quote(key) + " is given twice in "
              + Checks.quote(text));
        }
      }
    }
    AlsSettings s = DEFAULTS;
    for (Map.Entry<String, String> e : values.entrySet()) {
      String v = e.getValue();
      try {
        s = switch (e.getKey()) {
          case "factors" -> s.withFactors(Integer.parseInt(v));
          case "iterations" -> s.withIterations(Integer.parseInt(v));
          case "regularization" -> s.withRegularization(Double.parseDouble(v));
          case "alpha" -> s.withAlpha(Double.parseDouble(v));
          case "seed" -> s.withSeed(Long.parseLong(v));
          default -> throw new IllegalArgumentException("unknown ALS setting " + Checks.quote(e.getKey())
              + "; known: factors, iterations, regularization, alpha, seed");
        };
      } catch (NumberFormatException ex) {
        throw new IllegalArgumentException("ALS setting " + e.getKey() + "=" + Checks.quote(v)
            + " is not a number", ex);
      }
    }
    return s;
  }
}
