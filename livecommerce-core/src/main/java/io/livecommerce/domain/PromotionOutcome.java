package io.livecommerce.domain;

import io.livecommerce.internal.Checks;

/**
 * What happened when a promotion ran in a room.
 *
 * <p>Immutable and thread-safe.
 *
 * @param promotionId the promotion, not blank
 * @param anchorId the anchor, not blank
 * @param roomId the room (session), not blank
 * @param timestampMillis when it started, epoch millis, {@code >= 0}
 * @param viewers viewers in the room while it ran, {@code >= 0}
 * @param orders orders attributed to it, {@code >= 0}
 * @param gmvCents gross merchandise value attributed to it, minor units, {@code >= 0}
 */
public record PromotionOutcome(
    String promotionId,
    String anchorId,
    String roomId,
    long timestampMillis,
    long viewers,
    long orders,
    long gmvCents) {

  /**
   * Validates the components.
   *
   * @throws IllegalArgumentException if a component is invalid; the message names it
   */
  public PromotionOutcome {
    Checks.notBlank(promotionId, "promotionId");
    Checks.notBlank(anchorId, "anchorId");
    Checks.notBlank(roomId, "roomId");
    Checks.nonNegative(timestampMillis, "timestampMillis");
    Checks.nonNegative(viewers, "viewers");
    Checks.nonNegative(orders, "orders");
    Checks.nonNegative(gmvCents, "gmvCents");
  }
}
