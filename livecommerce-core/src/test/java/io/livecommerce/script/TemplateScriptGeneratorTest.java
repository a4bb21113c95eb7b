package io.livecommerce.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livecommerce.compliance.ComplianceChecker;
import io.livecommerce.domain.Anchor;
import io.livecommerce.domain.Product;
import io.livecommerce.domain.Promotion;
import io.livecommerce.domain.PromotionType;
import io.livecommerce.facade.LiveCommerce;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateScriptGeneratorTest {

  static final Product CREAM = new Product("p1", "玻尿酸补水面霜", "秋冬干皮救星", "护肤", "水润坊", 8900,
      Map.of("规格", "50g"));
  static final Anchor ANCHOR = new Anchor("a1", "小美", "热情的邻家姐姐", List.of("护肤"), 120_000);
  static final Promotion COUPON = new Promotion("c1", "领券立减20元", PromotionType.COUPON, 0.2, 600, "护肤", 2000);

  @Test
  void completeDeterministicScriptOfRoughlyTheTargetLength() {
    TemplateScriptGenerator g = TemplateScriptGenerator.create();
    ScriptRequest req = ScriptRequest.newBuilder().product(CREAM).anchor(ANCHOR).promotion(COUPON)
        .audience("学生党").targetSeconds(180).build();
    LiveScript s = g.generate(req);
    assertEquals(List.of(SegmentKind.OPENING, SegmentKind.PRODUCT_PITCH, SegmentKind.SELLING_POINTS,
        SegmentKind.INTERACTION, SegmentKind.PROMOTION, SegmentKind.CALL_TO_ACTION, SegmentKind.CLOSING),
        s.segments().stream().map(ScriptSegment::kind).toList());
    assertTrue(Math.abs(s.totalSeconds() - 180) <= 10, "total " + s.totalSeconds());
    assertTrue(s.text().contains("玻尿酸补水面霜") && s.text().contains("89.00") && s.text().contains("小美"),
        s.text());
    assertTrue(s.text().contains("领券立减20元"), s.text());
    assertTrue(s.text().contains("规格 50g"), s.text());
    assertTrue(s.compliance().isClean(), s.compliance().findings().toString());
    assertEquals(s, g.generate(req), "deterministic");
  }

  @Test
  void neverEmitsAViolationEvenFromDirtyProductText() {
    Product dirty = new Product("p2", "全网最低价顶级面霜", "根治干皮，无副作用，销量第一", "护肤", "", 5900, Map.of());
    LiveScript s = TemplateScriptGenerator.create().generate(
        ScriptRequest.newBuilder().product(dirty).anchor(ANCHOR).build());
    assertTrue(s.compliance().isClean(), s.compliance().findings().toString());
    assertTrue(ComplianceChecker.bundled().check(s.text()).isClean());
    assertFalse(s.text().contains("全网最低"), s.text());
  }

  @Test
  void englishScriptFromDirtyEnglishTextStaysEnglishAndTidy() {
    Product dirty = new Product("p4", "The best thermos, cures headaches", "No side effects", "home", "", 2990,
        Map.of());
    Anchor host = new Anchor("a2", "Mia", "", List.of(), 1000);
    Promotion urgent = new Promotion("c2", "Only 3 left, last chance", PromotionType.COUPON, 0, 600, "home", 0);
    LiveScript s = TemplateScriptGenerator.create().generate(ScriptRequest.newBuilder().product(dirty).anchor(host)
        .promotion(urgent).language(Language.EN).build());
    assertTrue(s.compliance().isClean(), s.compliance().findings().toString());
    assertTrue(s.text().codePoints().noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
        "no Chinese rewrite inside English: " + s.text());
    for (ScriptSegment seg : s.segments()) {
      assertEquals(seg.text().strip(), seg.text(), "no stray spaces around " + seg);
    }
    assertTrue(s.text().contains("a great thermos"), s.text());
    assertFalse(s.text().toLowerCase(java.util.Locale.ROOT).contains("headache"), s.text());
  }

  @Test
  void englishCalmStyleMultipleProductsNoPromotion() {
    Product earbuds = new Product("p3", "Wireless earbuds", "Noise cancelling", "数码", "Sonic", 19900, Map.of());
    LiveScript s = TemplateScriptGenerator.create().generate(ScriptRequest.newBuilder()
        .products(List.of(CREAM, earbuds)).anchor(ANCHOR).style("professional review").language(Language.EN)
        .targetSeconds(240).build());
    assertEquals(Language.EN, s.language());
    assertEquals(2, s.segments().stream().filter(x -> x.kind() == SegmentKind.PRODUCT_PITCH).count());
    assertTrue(s.segments().stream().noneMatch(x -> x.kind() == SegmentKind.PROMOTION));
    assertTrue(s.text().contains("Wireless earbuds"), s.text());
    assertTrue(s.compliance().isClean());
  }

  @Test
  void isTheDefaultGeneratorOfLiveCommerce() {
    try (LiveCommerce lc = LiveCommerce.newBuilder().build()) {
      assertTrue(lc.scriptGenerator() instanceof TemplateScriptGenerator);
    }
  }
}
