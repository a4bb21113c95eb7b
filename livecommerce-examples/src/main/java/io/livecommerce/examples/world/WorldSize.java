package io.livecommerce.examples.world;

/** How big a generated world is. Thread-safe (an enum). */
public enum WorldSize {
  /** For tests: about 3k watch events. */
  TINY(24, 7, 200, 2.0, 120, 30),
  /** For the demo: about 80k watch events. */
  SMALL(60, 14, 3000, 2.0, 400, 60),
  /** For load tests: about 1M watch events. */
  LARGE(400, 30, 20000, 1.7, 3000, 120);

  final int anchors;
  final int days;
  final int viewers;
  final double visitsPerDay;
  final int products;
  final int promotions;

  WorldSize(int anchors, int days, int viewers, double visitsPerDay, int products, int promotions) {
    this.anchors = anchors;
    this.days = days;
    this.viewers = viewers;
    this.visitsPerDay = visitsPerDay;
    this.products = products;
    this.promotions = promotions;
  }

  /** Days of history. */
  public int days() {
    return days;
  }
}
