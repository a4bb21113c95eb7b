package io.livecommerce.llm.finetune;

/** Which outcome makes a script a top performer. Thread-safe (an enum). */
public enum Outcome {
  /** GMV per minute on air (the default): what a script earns for its airtime. */
  GMV_PER_MINUTE,
  /** Orders per minute on air: conversions regardless of price. */
  ORDERS_PER_MINUTE,
  /** Orders per viewer. */
  CONVERSION_RATE;

  /** The value of this outcome for {@code s}. */
  public double of(PastScript s) {
    return switch (this) {
      case GMV_PER_MINUTE -> s.gmvPerMinute();
      case ORDERS_PER_MINUTE -> s.ordersPerMinute();
      case CONVERSION_RATE -> s.conversionRate();
    };
  }
}
