package io.livecommerce.recommend;

import java.util.Arrays;
import java.util.Locale;

/**
 * Repeat viewing, the strongest regularity of live streaming: how long ago a viewer last watched an anchor, in
 * buckets (a day, three days, a week, a month, longer), scored by how often viewers came back to an anchor from that
 * bucket in the training data itself: at the day before the newest event, the share of (viewer, anchor) pairs in each
 * bucket whose viewer watched that anchor again within that last day, among viewers active in it (Laplace-smoothed).
 *
 * <p>Immutable and thread-safe; package-private (the room recommender's {@link BlendWeights#repeat()} weighs it).
 */
final class RepeatSignal {

  /** Upper edges of the buckets, in hours; the last bucket is open. */
  static final double[] EDGES_HOURS = {24, 72, 168, 720};
  private static final String[] PHRASES = {"in the last day", "in the last 3 days", "this week", "this month",
      "before"};
  private static final double HOUR = 3_600_000.0;

  final long trainedUntil;
  final float[] rates;
  final float[][] hoursBefore; // by viewer, aligned with anchors: hours before trainedUntil of the last watch; NaN never

  RepeatSignal(long trainedUntil, float[] rates, float[][] hoursBefore) {
    if (rates.length != EDGES_HOURS.length + 1) {
      throw new IllegalArgumentException("repeat rates: " + rates.length + " for " + (EDGES_HOURS.length + 1)
          + " buckets");
    }
    this.trainedUntil = trainedUntil;
    this.rates = rates;
    this.hoursBefore = hoursBefore;
  }

  /** No history: every score 0 (models saved before the signal existed). */
  static RepeatSignal none(int viewers, int anchors) {
    float[][] h = new float[viewers][anchors];
    for (float[] row : h) {
      Arrays.fill(row, Float.NaN);
    }
    return new RepeatSignal(0, new float[EDGES_HOURS.length + 1], h);
  }

  /**
   * Learns the bucket rates and records each viewer's last watch of each anchor.
   *
   * @param viewer viewer index per positive watch event
   * @param anchor anchor index per positive watch event
   * @param time timestamp per positive watch event
   */
  static RepeatSignal fit(int viewers, int anchors, int[] viewer, int[] anchor, long[] time) {
    long end = Long.MIN_VALUE;
    for (long t : time) {
      end = Math.max(end, t);
    }
    long cut = end - (long) (24 * HOUR);
    float[][] hours = new float[viewers][anchors];
    float[][] beforeCut = new float[viewers][anchors];
    boolean[][] after = new boolean[viewers][anchors];
    boolean[] activeAfter = new boolean[viewers];
    for (int v = 0; v < viewers; v++) {
      Arrays.fill(hours[v], Float.NaN);
      Arrays.fill(beforeCut[v], Float.NaN);
    }
    for (int e = 0; e < time.length; e++) {
      int v = viewer[e];
      int a = anchor[e];
      hours[v][a] = min(hours[v][a], (float) ((end - time[e]) / HOUR));
      if (time[e] < cut) {
        beforeCut[v][a] = min(beforeCut[v][a], (float) ((cut - time[e]) / HOUR));
      } else {
        after[v][a] = true;
        activeAfter[v] = true;
      }
    }
    double[] exposed = new double[EDGES_HOURS.length + 1];
    double[] returned = new double[EDGES_HOURS.length + 1];
    for (int v = 0; v < viewers; v++) {
      if (!activeAfter[v]) {
        continue;
      }
      for (int a = 0; a < anchors; a++) {
        if (!Float.isNaN(beforeCut[v][a])) {
          int b = bucket(beforeCut[v][a]);
          exposed[b]++;
          returned[b] += after[v][a] ? 1 : 0;
        }
      }
    }
    float[] rates = new float[exposed.length];
    for (int b = 0; b < rates.length; b++) {
      rates[b] = (float) ((returned[b] + 1) / (exposed[b] + 2));
    }
    return new RepeatSignal(end, rates, hours);
  }

  private static float min(float current, float x) {
    return Float.isNaN(current) ? x : Math.min(current, x);
  }

  static int bucket(double hoursAgo) {
    int b = 0;
    while (b < EDGES_HOURS.length && hoursAgo >= EDGES_HOURS[b]) {
      b++;
    }
    return b;
  }

  /** The bucket of viewer {@code v}'s last watch of anchor {@code a} as seen at {@code atMillis}, or -1 for never. */
  int bucketAt(int v, int a, long atMillis) {
    float h = hoursBefore[v][a];
    return Float.isNaN(h) ? -1 : bucket(Math.max(0, h + (atMillis - trainedUntil) / HOUR));
  }

  /** Hours from viewer {@code v}'s last watch of anchor {@code a} to {@code atMillis}, or NaN for never. */
  double hoursAgo(int v, int a, long atMillis) {
    float h = hoursBefore[v][a];
    return Float.isNaN(h) ? Double.NaN : Math.max(0, h + (atMillis - trainedUntil) / HOUR);
  }

  /** The signal of a bucket from {@link #bucketAt}: its return rate, 0 for an anchor never watched (-1). */
  double rateOf(int bucket) {
    return bucket < 0 ? 0 : rates[bucket];
  }

  /** "you watched X in the last 3 days". */
  static String phrase(String anchor, int bucket) {
    return String.format(Locale.ROOT, "you watched %s %s", anchor, PHRASES[bucket]);
  }
}
