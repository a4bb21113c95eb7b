package io.livecommerce.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AbTestTest {

  @Test
  void workedExample() {
    // A: 200 of 1000 convert, B: 250 of 1000. Pooled p = 0.225; SE = sqrt(0.225 * 0.775 * 0.002) = 0.0186748;
    // z = 0.05 / 0.01867485 = 2.677398; two-sided p = 2 * (1 - Φ(2.677398)) = 0.00741965.
    ProportionTest t = AbTest.twoProportion(200, 1000, 250, 1000);
    assertEquals(0.2, t.rateA(), 1e-15);
    assertEquals(0.25, t.rateB(), 1e-15);
    assertEquals(0.05, t.difference(), 1e-15);
    assertEquals(2.677398, t.z(), 1e-6);
    assertEquals(0.00741965, t.pValue(), 1e-8);
    // Unpooled SE = sqrt(0.2*0.8/1000 + 0.25*0.75/1000) = 0.01864135; CI = 0.05 ± 1.959964 * SE.
    assertEquals(0.05 - 1.959964 * 0.01864135, t.ciLow(), 1e-7);
    assertEquals(0.05 + 1.959964 * 0.01864135, t.ciHigh(), 1e-7);
    assertTrue(t.significantAt(0.05));
    assertFalse(t.significantAt(0.005));
  }

  @Test
  void noDifferenceGivesPValueOne() {
    ProportionTest t = AbTest.twoProportion(30, 300, 30, 300);
    assertEquals(0, t.z(), 0);
    assertEquals(1.0, t.pValue(), 1e-12);
  }

  @Test
  void normalTailAgainstKnownValues() {
    assertEquals(0.5, Normal.upperTail(0), 1e-16);
    assertEquals(0.9750021048517795, Normal.cdf(1.96), 1e-14);
    assertEquals(0.15865525393145707, Normal.upperTail(1), 1e-14);
    assertEquals(1.3498980316301e-3, Normal.upperTail(3), 1e-15);
    assertEquals(9.865876450376946e-10, Normal.upperTail(6), 1e-20);
    assertEquals(7.619853024160527e-24, Normal.upperTail(10), 1e-34);
    assertEquals(0.8413447460685429, Normal.upperTail(-1), 1e-14);
  }

  @Test
  void badInputNamesTheCount() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> AbTest.twoProportion(11, 10, 1, 10));
    assertTrue(e.getMessage().contains("conversionsA must be <= usersA (10) but was 11"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> AbTest.twoProportion(0, 0, 1, 10));
    assertTrue(e.getMessage().contains("usersA"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> AbTest.twoProportion(0, 10, 0, 10));
    assertTrue(e.getMessage().contains("undefined"), e.getMessage());
  }
}
