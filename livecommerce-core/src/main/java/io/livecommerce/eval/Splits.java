package io.livecommerce.eval;

import io.livecommerce.internal.Checks;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.ToLongFunction;

/**
 * Train/test splits for offline evaluation. A time-based split is the honest one for live commerce: the model must
 * predict the future from the past. Stateless and thread-safe.
 */
public final class Splits {

  private Splits() {}

  /**
   * A seeded random split: the same input and seed always give the same split.
   *
   * @param rows the rows, none null
   * @param testFraction the share of rows in the test part, in (0, 1)
   * @param seed the seed
   * @throws IllegalArgumentException if an argument is invalid
   */
  public static <T> Split<T> random(List<T> rows, double testFraction, long seed) {
    List<T> copy = new ArrayList<>(Checks.copyNoNulls(Checks.notNull(rows, "rows"), "rows"));
    Checks.inOpenRange(testFraction, 0, 1, "testFraction");
    Collections.shuffle(copy, new Random(seed));
    int testSize = (int) Math.round(copy.size() * testFraction);
    return new Split<>(copy.subList(testSize, copy.size()), copy.subList(0, testSize));
  }

  /**
   * A time-based split: the latest {@code testFraction} of rows by time are the test part. Rows at the same time
   * keep their input order, so the split is deterministic.
   *
   * @param rows the rows, none null
   * @param timeOf each row's time, e.g. {@code WatchEvent::timestampMillis}
   * @param testFraction the share of rows in the test part, in (0, 1)
   * @throws IllegalArgumentException if an argument is invalid
   */
  public static <T> Split<T> byTime(List<T> rows, ToLongFunction<? super T> timeOf, double testFraction) {
    List<T> copy = new ArrayList<>(Checks.copyNoNulls(Checks.notNull(rows, "rows"), "rows"));
    Checks.notNull(timeOf, "timeOf");
    Checks.inOpenRange(testFraction, 0, 1, "testFraction");
    copy.sort(Comparator.comparingLong(timeOf));
    int testSize = (int) Math.round(copy.size() * testFraction);
    int cut = copy.size() - testSize;
    return new Split<>(copy.subList(0, cut), copy.subList(cut, copy.size()));
  }
}
