package io.livecommerce.llm.script;

import io.livecommerce.internal.Checks;

/**
 * A past script with how it performed, for few-shot prompting.
 *
 * <p>Immutable and thread-safe.
 *
 * @param productText what was sold (title and description)
 * @param script the script as it was spoken
 * @param conversionRate orders per viewer while it ran, in [0, 1]
 * @param gmvPerMinute GMV per minute in minor units, {@code >= 0}
 */
public record ScriptExample(String productText, String script, double conversionRate, double gmvPerMinute) {

  /** Validates the components. */
  public ScriptExample {
    Checks.notBlank(productText, "productText");
    Checks.notBlank(script, "script");
    Checks.inRange(conversionRate, 0, 1, "conversionRate");
    Checks.nonNegative(gmvPerMinute, "gmvPerMinute");
  }
}
