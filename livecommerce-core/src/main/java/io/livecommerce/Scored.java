package io.livecommerce;

import io.livecommerce.internal.Checks;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A ranked result: the item, its score (higher is better) and the reasons behind the score, largest first.
 *
 * <p>Immutable, and thread-safe when {@code T} is.
 *
 * @param item the item, never null
 * @param score the score, finite; its scale depends on the ranker (documented there)
 * @param reasons the signals that drove the score, most important first; may be empty
 * @param <T> the item type
 */
public record Scored<T>(T item, double score, List<Reason> reasons) {

  /**
   * Validates and copies the components.
   *
   * @throws IllegalArgumentException if {@code item} is null, {@code score} not finite, or a reason null
   */
  public Scored {
    Checks.notNull(item, "item");
    Checks.finite(score, "score");
    reasons = Checks.copyNoNulls(Checks.notNull(reasons, "reasons"), "reasons");
  }

  /** The reasons' texts joined with "; ", e.g. for a UI tooltip. Empty when there are no reasons. */
  public String explanation() {
    return reasons.stream().map(Reason::text).collect(Collectors.joining("; "));
  }
}
