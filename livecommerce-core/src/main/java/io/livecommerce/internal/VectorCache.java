package io.livecommerce.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bounded least-recently-used map from a key (a text, a room id) to a vector, for work that embeds the same
 * texts again.
 * Stores and returns copies, so callers may mutate what they get.
 *
 * <p>Thread-safe: every operation holds the instance's lock (the lock is held for a map operation, never for an
 * inference).
 */
public final class VectorCache {

  private final int capacity;
  private final LinkedHashMap<String, float[]> map;
  private long hits;
  private long misses;

  /** A cache that keeps at most {@code capacity} vectors. */
  public VectorCache(int capacity) {
    if (capacity <= 0) {
      throw new IllegalArgumentException("capacity must be > 0 but was " + capacity);
    }
    this.capacity = capacity;
    this.map = new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
        return size() > VectorCache.this.capacity;
      }
    };
  }

  /** A copy of the cached vector, or null. */
  public synchronized float[] get(String text) {
    float[] v = map.get(text);
    if (v == null) {
      misses++;
      return null;
    }
    hits++;
    return v.clone();
  }

  /** Stores a copy of {@code vector}. */
  public synchronized void put(String text, float[] vector) {
    map.put(text, vector.clone());
  }

  /** Number of cached vectors. */
  public synchronized int size() {
    return map.size();
  }

  /** Lookups that found a vector. */
  public synchronized long hits() {
    return hits;
  }

  /** Lookups that found nothing. */
  public synchronized long misses() {
    return misses;
  }
}
