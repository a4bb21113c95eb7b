package io.livecommerce;

import io.livecommerce.internal.Checks;

/**
 * One signal that drove a score, in words a merchandiser understands.
 *
 * <p>Immutable and thread-safe.
 *
 * @param signal a short machine-readable name such as {@code "cf"}, {@code "content"}, {@code "price"}
 * @param contribution how much this signal added to the score (negative when it pulled it down), finite
 * @param text the explanation for people, e.g. "你常看主播 小美" or "price 89.00 is below this anchor's usual"
 */
public record Reason(String signal, double contribution, String text) {

  /**
   * Validates the components.
   *
   * @throws IllegalArgumentException if {@code signal} or {@code text} is blank or {@code contribution} not finite
   */
  public Reason {
    Checks.notBlank(signal, "signal");
    Checks.finite(contribution, "contribution");
    Checks.notBlank(text, "text");
  }
}
