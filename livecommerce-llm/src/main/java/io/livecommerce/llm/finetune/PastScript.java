package io.livecommerce.llm.finetune;

import io.livecommerce.internal.Checks;
import io.livecommerce.llm.script.ScriptExample;

/**
 * A script that was spoken on air, with how it did.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the script's id, unique within a dataset
 * @param anchorId who spoke it (may be empty)
 * @param category the product's category, for picking the best per category (may be empty: one group)
 * @param productText what was sold: title and description
 * @param script the script as spoken
 * @param minutesOnAir how long it ran, {@code > 0}
 * @param viewers viewers while it ran, {@code >= 0}
 * @param orders orders while it ran, {@code >= 0}
 * @param gmvCents GMV while it ran in minor units, {@code >= 0}
 */
public record PastScript(String id, String anchorId, String category, String productText, String script,
    double minutesOnAir, long viewers, long orders, long gmvCents) {

  /**
   * Validates the components.
   *
   * @throws IllegalArgumentException naming the component and its value when one is out of range
   */
  public PastScript {
    Checks.notBlank(id, "id");
    anchorId = Checks.orEmpty(anchorId);
    category = Checks.orEmpty(category);
    Checks.notBlank(productText, "productText");
    Checks.notBlank(script, "script");
    Checks.finite(minutesOnAir, "minutesOnAir");
    if (!(minutesOnAir > 0)) {
      throw new IllegalArgumentException("minutesOnAir must be > 0 but was " + minutesOnAir + " (script " + id + ")");
    }
    Checks.nonNegative(viewers, "viewers");
    Checks.nonNegative(orders, "orders");
    Checks.nonNegative(gmvCents, "gmvCents");
  }

  /** GMV per minute on air, in minor units. */
  public double gmvPerMinute() {
    return gmvCents / minutesOnAir;
  }

  /** Orders per minute on air. */
  public double ordersPerMinute() {
    return orders / minutesOnAir;
  }

  /** Orders per viewer, capped at 1 (a viewer may order twice); 0 without viewers. */
  public double conversionRate() {
    return viewers == 0 ? 0 : Math.min(1, (double) orders / viewers);
  }

  /** This script as a few-shot example for {@link io.livecommerce.llm.script.ScriptExampleStore}. */
  public ScriptExample toExample() {
    return new ScriptExample(productText, script, conversionRate(), gmvPerMinute());
  }
}
