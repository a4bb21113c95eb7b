package io.livecommerce.recommend;

import io.livecommerce.math.Vectors;
import java.util.Arrays;

/**
 * What one viewer did since training, as the live index learns it from {@link LiveRoomIndex#observe}: the anchors
 * they watched (summed confidence weight and the last watch), the text of the rooms they stayed in, and the
 * collaborative vector folded in from all of it. Bounded: at most {@code maxAnchors} anchors (the lightest goes).
 *
 * <p>Thread-safe: every method holds the instance's lock; readers take a {@link View}, a copy.
 */
final class ViewerSession {

  private final int maxAnchors;
  private int[] anchors = new int[4];
  private float[] weights = new float[4];
  private long[] lastWatch = new long[4];
  private int size;
  private float[] profileSum; // Σ weight · room vector over positive events
  private String lastLabel;
  private long lastEventMillis;
  private float[] alsVector; // folded in after each event, null before the first or for EASE-only models

  ViewerSession(int maxAnchors) {
    this.maxAnchors = maxAnchors;
  }

  /**
   * Records one event. {@code anchor} is the model's anchor index, or -1 for an anchor it does not know (then only
   * the content part learns). Returns whether the viewer's collaborative inputs changed.
   */
  synchronized boolean record(int anchor, float weight, long atMillis, float[] roomVector, String label) {
    lastEventMillis = Math.max(lastEventMillis, atMillis);
    if (weight > 0 && roomVector != null) {
      if (profileSum == null) {
        profileSum = new float[roomVector.length];
      }
      Vectors.addScaled(profileSum, roomVector, weight);
      lastLabel = label;
    }
    if (anchor < 0 || weight == 0) {
      return false;
    }
    int at = indexOf(anchor);
    if (at < 0) {
      if (size == maxAnchors) {
        at = lightest();
      } else {
        if (size == anchors.length) {
          int n = Math.min(maxAnchors, size * 2);
          anchors = Arrays.copyOf(anchors, n);
          weights = Arrays.copyOf(weights, n);
          lastWatch = Arrays.copyOf(lastWatch, n);
        }
        at = size++;
      }
      anchors[at] = anchor;
      weights[at] = 0;
      lastWatch[at] = Long.MIN_VALUE;
    }
    weights[at] += weight;
    if (weight > 0) {
      lastWatch[at] = Math.max(lastWatch[at], atMillis);
    }
    return true;
  }

  private int indexOf(int anchor) {
    for (int i = 0; i < size; i++) {
      if (anchors[i] == anchor) {
        return i;
      }
    }
    return -1;
  }

  private int lightest() {
    int best = 0;
    for (int i = 1; i < size; i++) {
      if (weights[i] < weights[best] || (weights[i] == weights[best] && lastWatch[i] < lastWatch[best])) {
        best = i;
      }
    }
    return best;
  }

  synchronized void setAlsVector(float[] v) {
    alsVector = v;
  }

  synchronized long lastEventMillis() {
    return lastEventMillis;
  }

  /** A copy of the state for one request. */
  synchronized View view() {
    return new View(Arrays.copyOf(anchors, size), Arrays.copyOf(weights, size), Arrays.copyOf(lastWatch, size),
        profileSum == null ? null : Vectors.normalize(profileSum), lastLabel, alsVector, lastEventMillis);
  }

  /**
   * A copy of a session.
   *
   * @param anchors anchor indexes
   * @param weights summed weight per anchor
   * @param lastWatch last positive watch per anchor, epoch millis, {@link Long#MIN_VALUE} for none
   * @param profile unit content profile of the session's rooms, or null
   * @param lastLabel the label (first tag, category or title) of the last room watched, or null
   * @param alsVector the folded-in collaborative vector, or null
   * @param lastEventMillis the newest event
   */
  record View(int[] anchors, float[] weights, long[] lastWatch, float[] profile, String lastLabel, float[] alsVector,
      long lastEventMillis) {

    /** The index in {@link #anchors} of {@code anchor}, or -1. */
    int find(int anchor) {
      for (int i = 0; i < anchors.length; i++) {
        if (anchors[i] == anchor) {
          return i;
        }
      }
      return -1;
    }
  }
}
