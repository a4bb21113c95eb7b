package io.livecommerce.domain;

import io.livecommerce.internal.Checks;

/**
 * A promotion design that can be run in a room.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id stable identifier, not blank
 * @param description what the viewer is told, e.g. "满300减50, 限前100单"; not blank
 * @param type the mechanic
 * @param discountDepth the discount as a fraction of list price, in {@code [0, 1)}; 0.2 means 20% off
 * @param durationSeconds how long it runs, {@code > 0}
 * @param category the product category it applies to; may be empty, never null
 * @param costCents expected cost to the seller in minor units (subsidy, gifts), {@code >= 0}
 */
public record Promotion(
    String id,
    String description,
    PromotionType type,
    double discountDepth,
    long durationSeconds,
    String category,
    long costCents) {

  /**
   * Validates the components.
   *
   * @throws IllegalArgumentException if a component is invalid; the message names it
   */
  public Promotion {
    Checks.notBlank(id, "id");
    Checks.notBlank(description, "description");
    Checks.notNull(type, "type");
    Checks.finite(discountDepth, "discountDepth");
    if (discountDepth < 0 || discountDepth >= 1) {
      throw new IllegalArgumentException("discountDepth must be in [0, 1) but was " + discountDepth);
    }
    Checks.positive(durationSeconds, "durationSeconds");
    category = Checks.orEmpty(category);
    Checks.nonNegative(costCents, "costCents");
  }

  /** Description, type and category joined into one text for embedding. */
  public String text() {
    return description + ' ' + type.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
        + (category.isEmpty() ? "" : ' ' + category);
  }
}
