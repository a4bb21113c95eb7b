package io.livecommerce.recommend;

/**
 * The {@code capacity} best (entry, score) pairs seen: a min-heap on score, ties broken towards the smaller room
 * id (as {@link RoomDiversifier} breaks them, so a channel keeps the tied rooms the final ranking would show). Not
 * thread-safe: one per request.
 */
final class EntryHeap {
  private final RoomEntry[] entries;
  private final float[] scores;
  private int size;

  EntryHeap(int capacity) {
    entries = new RoomEntry[capacity];
    scores = new float[capacity];
  }

  void offer(RoomEntry e, float score) {
    if (size < entries.length) {
      int i = size++;
      entries[i] = e;
      scores[i] = score;
      up(i);
    } else if (entries.length > 0 && worse(scores[0], entries[0], score, e)) {
      entries[0] = e;
      scores[0] = score;
      down(0);
    }
  }

  int size() {
    return size;
  }

  RoomEntry entry(int i) {
    return entries[i];
  }

  /** Empties the heap into an array, best first. */
  RoomEntry[] drainBestFirst() {
    RoomEntry[] out = new RoomEntry[size];
    for (int i = size - 1; i >= 0; i--) {
      out[i] = entries[0];
      size--;
      if (size > 0) {
        entries[0] = entries[size];
        scores[0] = scores[size];
        down(0);
      }
    }
    return out;
  }

  /** The entries held, in no order. */
  RoomEntry[] toArray() {
    return java.util.Arrays.copyOf(entries, size);
  }

  private static boolean worse(float sa, RoomEntry a, float sb, RoomEntry b) {
    return sa < sb || (sa == sb && a.room.id().compareTo(b.room.id()) > 0);
  }

  private void up(int i) {
    while (i > 0) {
      int p = (i - 1) >>> 1;
      if (!worse(scores[i], entries[i], scores[p], entries[p])) {
        break;
      }
      swap(i, p);
      i = p;
    }
  }

  private void down(int i) {
    while (true) {
      int l = 2 * i + 1;
      if (l >= size) {
        return;
      }
      int c = l + 1 < size && worse(scores[l + 1], entries[l + 1], scores[l], entries[l]) ? l + 1 : l;
      if (!worse(scores[c], entries[c], scores[i], entries[i])) {
        return;
      }
      swap(i, c);
      i = c;
    }
  }

  private void swap(int a, int b) {
    RoomEntry e = entries[a];
    entries[a] = entries[b];
    entries[b] = e;
    float s = scores[a];
    scores[a] = scores[b];
    scores[b] = s;
  }
}
