package io.livecommerce.eval;

import io.livecommerce.internal.Checks;
import java.util.List;

/**
 * A train/test split.
 *
 * <p>Immutable, and thread-safe when {@code T} is.
 *
 * @param train the training part
 * @param test the test part
 * @param <T> the row type
 */
public record Split<T>(List<T> train, List<T> test) {

  /** Copies the parts. */
  public Split {
    train = Checks.copyNoNulls(Checks.notNull(train, "train"), "train");
    test = Checks.copyNoNulls(Checks.notNull(test, "test"), "test");
  }
}
