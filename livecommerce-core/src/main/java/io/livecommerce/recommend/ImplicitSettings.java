package io.livecommerce.recommend;

import io.livecommerce.internal.Checks;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What an implicit recommender was trained with, in the one text form that {@link ImplicitTuner}'s trials, the
 * model file's provenance, the CLI and the HTML report print and that {@link #parse} reads back: {@code
 * family=blend,confidence=linear,alpha=5,factors=32,regularization=0.1,iterations=10,easeLambda=0.25xmeanDiag,
 * content=0.5,popularity=0.2}. Only the settings the family uses appear; the others hold their defaults, so a
 * printed record parses back equal. Immutable and thread-safe.
 *
 * @param family the model family
 * @param confidence how weights become confidence
 * @param als the ALS settings (the defaults unless the family uses ALS); the seed is not printed
 * @param easeLambda EASE's λ as a multiple of the mean diagonal of XᵀX ({@link EaseTrainer#DEFAULT_RELATIVE_LAMBDA}
 *     unless the family uses EASE)
 * @param weights the blend of CF, content and popularity
 */
public record ImplicitSettings(ModelFamily family, ConfidenceTransform confidence, AlsSettings als,
    double easeLambda, BlendWeights weights) {

  /**
   * Validates the settings and resets those the family does not use to their defaults.
   *
   * @throws IllegalArgumentException if a field is null or easeLambda is not positive
   */
  public ImplicitSettings {
    Checks.notNull(family, "family");
    Checks.notNull(confidence, "confidence");
    Checks.notNull(als, "als");
    Checks.positive(Checks.finite(easeLambda, "easeLambda"), "easeLambda");
    Checks.notNull(weights, "weights");
    als = family.usesAls() ? als.withSeed(AlsSettings.DEFAULTS.seed()) : AlsSettings.DEFAULTS;
    easeLambda = family.usesEase() ? easeLambda : EaseTrainer.DEFAULT_RELATIVE_LAMBDA;
  }

  /** The settings joined by commas, as {@link #parse} reads them. */
  @Override
  public String toString() {
    return format(",");
  }

  /** The settings joined by {@code separator}, e.g. {@code ", "} for people. */
  public String format(String separator) {
    StringBuilder b = new StringBuilder("family=").append(family.name().toLowerCase(Locale.ROOT))
        .append(separator).append("confidence=").append(confidence.name().toLowerCase(Locale.ROOT));
    if (family.usesAls()) {
      b.append(separator).append("alpha=").append(ImplicitTuner.plain(als.alpha()))
          .append(separator).append("factors=").append(als.factors())
          .append(separator).append("regularization=").append(ImplicitTuner.plain(als.regularization()))
          .append(separator).append("iterations=").append(als.iterations());
    }
    if (family.usesEase()) {
      b.append(separator).append("easeLambda=").append(ImplicitTuner.plain(easeLambda)).append("xmeanDiag");
    }
    if (weights.cf() != 1) {
      b.append(separator).append("cf=").append(ImplicitTuner.plain(weights.cf()));
    }
    b.append(separator).append("content=").append(ImplicitTuner.plain(weights.content()))
        .append(separator).append("popularity=").append(ImplicitTuner.plain(weights.popularity()));
    if (weights.momentum() != 0) {
      b.append(separator).append("momentum=").append(ImplicitTuner.plain(weights.momentum()));
    }
    return b.toString();
  }

  /**
   * Reads {@link #toString()}'s form (commas, with or without spaces after them).
   *
   * @throws IllegalArgumentException naming the key and value when a key is unknown, missing ({@code family}) or
   *     repeated, or a value is out of range
   */
  public static ImplicitSettings parse(String text) {
    Checks.notNull(text, "text");
    Map<String, String> v = new LinkedHashMap<>();
    for (String part : text.split(",")) {
      int eq = part.indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException("setting " + Checks.quote(part.trim()) + " is not key=value");
      }
      String key = part.substring(0, eq).trim();
      if (v.put(key, part.substring(eq + 1).trim()) != null) {
        throw new IllegalArgumentException("setting " + Checks.quote(key) + " is given twice");
      }
    }
    String familyName = v.remove("family");
    if (familyName == null) {
      throw new IllegalArgumentException("settings " + Checks.quote(text) + " name no family");
    }
    ModelFamily family = enumValue(ModelFamily.class, "family", familyName);
    ConfidenceTransform confidence = enumValue(ConfidenceTransform.class, "confidence",
        v.getOrDefault("confidence", "linear"));
    v.remove("confidence");
    AlsSettings d = AlsSettings.DEFAULTS;
    AlsSettings als = new AlsSettings(integer(v, "factors", d.factors()), integer(v, "iterations", d.iterations()),
        number(v, "regularization", d.regularization()), number(v, "alpha", d.alpha()), d.seed());
    String lambda = v.remove("easeLambda");
    double easeLambda = lambda == null ? EaseTrainer.DEFAULT_RELATIVE_LAMBDA
        : parseDouble("easeLambda", lambda.endsWith("xmeanDiag") ? lambda.substring(0, lambda.length() - 9) : lambda);
    BlendWeights weights = new BlendWeights(number(v, "cf", 1), number(v, "content", 0), number(v, "popularity", 0),
        number(v, "momentum", 0));
    if (!v.isEmpty()) {
      throw new IllegalArgumentException("unknown setting " + Checks.quote(v.keySet().iterator().next()) + " in "
          + Checks.quote(text));
    }
    return new ImplicitSettings(family, confidence, als, easeLambda, weights);
  }

  private static <E extends Enum<E>> E enumValue(Class<E> type, String key, String value) {
    try {
      return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(key + "=" + Checks.quote(value) + " is not one of "
          + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT), e);
    }
  }

  private static int integer(Map<String, String> v, String key, int fallback) {
    String s = v.remove(key);
    try {
      return s == null ? fallback : Integer.parseInt(s);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + "=" + Checks.quote(s) + " is not a whole number", e);
    }
  }

  private static double number(Map<String, String> v, String key, double fallback) {
    String s = v.remove(key);
    return s == null ? fallback : parseDouble(key, s);
  }

  private static double parseDouble(String key, String s) {
    try {
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + "=" + Checks.quote(s) + " is not a number", e);
    }
  }
}
