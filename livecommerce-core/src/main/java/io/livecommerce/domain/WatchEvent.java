package io.livecommerce.domain;

import io.livecommerce.internal.Checks;

/**
 * One viewer's visit to a live room, with what they did there. Views under a few seconds are usually swipes past
 * and are treated as negatives by the recommenders.
 *
 * <p>Immutable and thread-safe.
 *
 * @param viewerId the viewer, not blank
 * @param roomId the room, not blank
 * @param timestampMillis when the visit started, epoch millis, {@code >= 0}
 * @param watchSeconds how long the viewer stayed, {@code >= 0}
 * @param likes likes (点赞) sent, {@code >= 0}
 * @param comments comments (评论) posted, {@code >= 0}
 * @param shares shares (分享), {@code >= 0}
 * @param gifts gifts (打赏) sent, {@code >= 0}
 * @param orders orders (下单) placed, {@code >= 0}
 */
public record WatchEvent(
    String viewerId,
    String roomId,
    long timestampMillis,
    long watchSeconds,
    int likes,
    int comments,
    int shares,
    int gifts,
    int orders) {

  /**
   * Validates the components.
   *
   * @throws IllegalArgumentException if a component is invalid; the message names it
   */
  public WatchEvent {
    Checks.notBlank(viewerId, "viewerId");
    Checks.notBlank(roomId, "roomId");
    Checks.nonNegative(timestampMillis, "timestampMillis");
    Checks.nonNegative(watchSeconds, "watchSeconds");
    Checks.nonNegative(likes, "likes");
    Checks.nonNegative(comments, "comments");
    Checks.nonNegative(shares, "shares");
    Checks.nonNegative(gifts, "gifts");
    Checks.nonNegative(orders, "orders");
  }

  /** A plain view with no interactions. */
  public static WatchEvent view(String viewerId, String roomId, long timestampMillis, long watchSeconds) {
    return new WatchEvent(viewerId, roomId, timestampMillis, watchSeconds, 0, 0, 0, 0, 0);
  }
}
