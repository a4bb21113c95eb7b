package io.livecommerce.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SplitsTest {

  @Test
  void randomSplitIsSeededAndPartitions() {
    List<Integer> rows = IntStream.range(0, 100).boxed().toList();
    Split<Integer> a = Splits.random(rows, 0.2, 42);
    assertEquals(80, a.train().size());
    assertEquals(20, a.test().size());
    assertEquals(a, Splits.random(rows, 0.2, 42));
    assertNotEquals(a.test(), Splits.random(rows, 0.2, 43).test());
    List<Integer> all = new ArrayList<>(a.train());
    all.addAll(a.test());
    all.sort(null);
    assertEquals(rows, all);
  }

  @Test
  void timeSplitPutsTheLatestRowsInTest() {
    List<long[]> rows = List.of(new long[] {5}, new long[] {1}, new long[] {9}, new long[] {3});
    Split<long[]> s = Splits.byTime(rows, r -> r[0], 0.5);
    assertEquals(List.of(1L, 3L), s.train().stream().map(r -> r[0]).toList());
    assertEquals(List.of(5L, 9L), s.test().stream().map(r -> r[0]).toList());
  }

  @Test
  void badFraction() {
    assertThrows(IllegalArgumentException.class, () -> Splits.random(List.of(1), 1.0, 0));
    assertThrows(IllegalArgumentException.class, () -> Splits.byTime(List.of(1), x -> x, 0));
  }
}
