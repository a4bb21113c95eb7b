package io.livecommerce.recommend;

import io.livecommerce.domain.LiveRoom;

/**
 * One room in a {@link LiveRoomIndex}: the room, its unit-length text vector and its anchor's model index (-1 when
 * the model does not know the anchor). Equality is identity: a room re-added with other text is a new entry.
 *
 * <p>Thread-safe: immutable but for {@link #removed}, which the index sets once and readers check.
 */
final class RoomEntry {
  final LiveRoom room;
  final float[] vector;
  final int anchor;
  final String label;
  volatile boolean removed;

  RoomEntry(LiveRoom room, float[] vector, int anchor) {
    this.room = room;
    this.vector = vector;
    this.anchor = anchor;
    this.label = !room.tags().isEmpty() ? room.tags().get(0) : !room.category().isEmpty() ? room.category()
        : room.title();
  }
}
