package io.livecommerce.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DomainValidationTest {

  private static void assertMessage(Runnable r, String... parts) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
    for (String p : parts) {
      assertTrue(e.getMessage().contains(p), () -> "message '" + e.getMessage() + "' lacks '" + p + "'");
    }
  }

  @Test
  void watchEventNamesTheNegativeField() {
    assertMessage(() -> new WatchEvent("v1", "r1", 0, -3, 0, 0, 0, 0, 0), "watchSeconds", "-3");
    assertMessage(() -> new WatchEvent("v1", "r1", 0, 3, 0, 0, 0, 0, -1), "orders", "-1");
    assertMessage(() -> new WatchEvent(" ", "r1", 0, 3, 0, 0, 0, 0, 0), "viewerId");
    assertMessage(() -> new WatchEvent(null, "r1", 0, 3, 0, 0, 0, 0, 0), "viewerId", "null");
  }

  @Test
  void liveRoomRejectsEndBeforeStartAndKnowsWhenItIsLive() {
    assertMessage(() -> new LiveRoom("r", "a", "t", "", List.of(), "", 100, 50), "endMillis", "50");
    LiveRoom r = new LiveRoom("r", "a", "口红试色", null, List.of("口红"), "美妆", 100, LiveRoom.ONGOING);
    assertTrue(r.isLiveAt(100));
    assertFalse(r.isLiveAt(99));
    assertEquals("", r.description());
    assertEquals("口红试色 口红 美妆", r.text());
    LiveRoom ended = new LiveRoom("r", "a", "t", "", List.of(), "", 100, 200);
    assertFalse(ended.isLiveAt(200));
  }

  @Test
  void productCopiesItsCollectionsAndRejectsNegativePrice() {
    assertMessage(() -> new Product("p", "面霜", "", "", "", -1, Map.of()), "priceCents", "-1");
    Map<String, String> attrs = new java.util.HashMap<>(Map.of("规格", "30ml"));
    Product p = new Product("p", "面霜", null, "美妆", "", 8900, attrs);
    attrs.put("颜色", "白");
    assertEquals(1, p.attributes().size());
    assertEquals(89.0, p.price());
  }

  @Test
  void listsAreCopiedAndBlankElementsNamedByIndex() {
    List<String> tags = new ArrayList<>(List.of("a"));
    LiveRoom r = new LiveRoom("r", "a", "t", "", tags, "", 0, 1);
    tags.add("b");
    assertEquals(List.of("a"), r.tags());
    assertMessage(() -> new LiveRoom("r", "a", "t", "", Arrays.asList("a", null), "", 0, 1), "tags[1]");
    assertMessage(() -> new Viewer("v", List.of("美妆", " ")), "interests[1]");
  }

  @Test
  void promotionChecksDiscountDepth() {
    assertMessage(
        () -> new Promotion("x", "满300减50", PromotionType.FULL_REDUCTION, 1.0, 600, "", 0),
        "discountDepth", "1.0");
    assertMessage(
        () -> new Promotion("x", "满300减50", PromotionType.FULL_REDUCTION, Double.NaN, 600, "", 0),
        "discountDepth", "NaN");
    assertMessage(() -> new Promotion("x", "秒杀", PromotionType.FLASH_SALE, 0.2, 0, "", 0), "durationSeconds");
  }

  @Test
  void salesAndOutcomesRejectNegatives() {
    assertMessage(() -> new SalesRecord("a", "p", "r", 0, -5, 0), "units", "-5");
    assertMessage(() -> new PromotionOutcome("x", "a", "r", 0, 10, 1, -1), "gmvCents", "-1");
    assertMessage(() -> new Anchor("a", "小美", "", List.of(), -1), "followers");
  }
}
