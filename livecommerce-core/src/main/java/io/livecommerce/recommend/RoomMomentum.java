package io.livecommerce.recommend;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts arrivals per room in one-minute buckets to compare the last window with the one before. Thread-safe:
 * each room's buckets are guarded by their own lock. Package-private.
 */
final class RoomMomentum {
  private static final long MINUTE = 60_000L;

  private final int windowMinutes;
  private final ConcurrentHashMap<String, long[][]> rooms = new ConcurrentHashMap<>();

  RoomMomentum(int windowMinutes) {
    this.windowMinutes = windowMinutes;
  }

  /** Records one arrival. Arrivals older than two windows before the newest seen for the room are ignored. */
  void observe(String roomId, long timestampMillis) {
    long minute = timestampMillis / MINUTE;
    int slots = 2 * windowMinutes;
    long[][] b = rooms.computeIfAbsent(roomId, k -> new long[][] {new long[slots], filled(slots)});
    synchronized (b) {
      int slot = (int) (minute % slots);
      if (b[1][slot] != minute) {
        if (b[1][slot] > minute) {
          return; // older than what the slot holds now
        }
        b[1][slot] = minute;
        b[0][slot] = 0;
      }
      b[0][slot]++;
    }
  }

  private static long[] filled(int n) {
    long[] a = new long[n];
    java.util.Arrays.fill(a, Long.MIN_VALUE);
    return a;
  }

  /**
   * Arrivals in the window ending at {@code at} and in the window before it, packed without allocating (this runs
   * once per candidate): the recent count in the high 32 bits, the one before in the low 32, each capped at
   * {@link Integer#MAX_VALUE}; read them with {@link #recent} and {@link #before}.
   */
  long packedCounts(String roomId, long at) {
    long[][] b = rooms.get(roomId);
    if (b == null) {
      return 0;
    }
    long now = at / MINUTE;
    long recent = 0;
    long before = 0;
    synchronized (b) {
      for (int s = 0; s < b[0].length; s++) {
        long age = now - b[1][s];
        if (age >= 0 && age < windowMinutes) {
          recent += b[0][s];
        } else if (age >= windowMinutes && age < 2L * windowMinutes) {
          before += b[0][s];
        }
      }
    }
    return (Math.min(recent, Integer.MAX_VALUE) << 32) | Math.min(before, Integer.MAX_VALUE);
  }

  static long recent(long packed) {
    return packed >>> 32;
  }

  static long before(long packed) {
    return packed & 0xFFFF_FFFFL;
  }

  int windowMinutes() {
    return windowMinutes;
  }
}
