package io.livecommerce.domain;

import io.livecommerce.internal.Checks;

/**
 * Sales of one product by one anchor in one room.
 *
 * <p>Immutable and thread-safe.
 *
 * @param anchorId the anchor, not blank
 * @param productId the product, not blank
 * @param roomId the room (session), not blank
 * @param timestampMillis when the product was on sale, epoch millis, {@code >= 0}
 * @param units units sold, {@code >= 0}
 * @param revenueCents revenue (GMV) in minor units, {@code >= 0}
 */
public record SalesRecord(
    String anchorId, String productId, String roomId, long timestampMillis, long units, long revenueCents) {

  /**
   * Validates the components.
   *
   * @throws IllegalArgumentException if a component is invalid; the message names it
   */
  public SalesRecord {
    Checks.notBlank(anchorId, "anchorId");
    Checks.notBlank(productId, "productId");
    Checks.notBlank(roomId, "roomId");
    Checks.nonNegative(timestampMillis, "timestampMillis");
    Checks.nonNegative(units, "units");
    Checks.nonNegative(revenueCents, "revenueCents");
  }
}
