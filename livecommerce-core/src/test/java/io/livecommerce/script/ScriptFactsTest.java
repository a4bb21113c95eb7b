package io.livecommerce.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livecommerce.compliance.ComplianceCategory;
import io.livecommerce.compliance.ComplianceChecker;
import io.livecommerce.compliance.ComplianceFinding;
import io.livecommerce.domain.Anchor;
import io.livecommerce.domain.Product;
import io.livecommerce.domain.Promotion;
import io.livecommerce.domain.PromotionType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** A price, discount, stock count or date the request does not give is a finding; the request's own facts are not. */
class ScriptFactsTest {

  static final Product CREAM = new Product("p1", "玻尿酸补水面霜", "", "护肤", "", 8_990, Map.of());
  static final Promotion COUPON = new Promotion("x1", "领券立减20元", PromotionType.COUPON, 0.2, 600, "护肤", 0);

  static ScriptRequest request(boolean prices, Promotion promotion) {
    ScriptRequest.Builder b = ScriptRequest.newBuilder().product(CREAM).anchor(Anchor.of("a1", "小美"))
        .mentionPrices(prices);
    if (promotion != null) {
      b.promotion(promotion);
    }
    return b.build();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
    // The request's price, in the ways a host says it.
    "今天直播间只要89.9元                  | ",
    "到手价 ¥89.90，闭眼入                  | ",
    "领券再减20元，到手69.9元               | ",
    "打8折，相当于71.92元                   | ",
    "优惠20%，冲                            | ",
    // Made up.
    "今天只要79元                           | fact-price",
    "原价199元现在89.9元                    | fact-price",
    "¥59.9 秒杀                             | fact-price",
    "今天5折                                | fact-discount",
    "直降50%                                | fact-discount",
    "仅剩3件，手慢无                        | fact-stock",
    "库存100瓶                              | fact-stock",
    "12月12日前下单                         | fact-date",
    "2026-12-12 截止                        | fact-date",
    // Numbers that are not those facts.
    "100%纯棉，99%的姐妹都说好              | ",
    "3分钟讲清楚，1号链接，第2件            | ",
    "三块面膜一起用                         | ",
  })
  void factsAreCheckedAgainstTheRequest(String text, String rule) {
    List<ComplianceFinding> found = ScriptFacts.check(text.strip(), request(true, COUPON));
    if (rule == null) {
      assertEquals(List.of(), found, text);
    } else {
      assertEquals(1, found.size(), text + " -> " + found);
      assertEquals(rule, found.get(0).ruleId());
      assertEquals(ComplianceCategory.FACT_MISMATCH, found.get(0).category());
    }
  }

  @Test
  void withoutPricesInTheRequestEveryPriceIsAFindingAndAWrongOneIsCorrected() {
    List<ComplianceFinding> none = ScriptFacts.check("今天只要89.9元", request(false, null));
    assertEquals(1, none.size());
    assertEquals("", none.get(0).suggestion(), "no price to suggest: the clause goes");
    List<ComplianceFinding> wrong = ScriptFacts.check("今天只要79元", request(true, null));
    assertEquals("89.9元", wrong.get(0).suggestion());
    assertTrue(ScriptFacts.check("今天8折", request(true, null)).size() == 1, "no promotion, no discount");
  }

  @Test
  void aCheckedScriptCarriesTheFactFindingsBesideTheRules() {
    LiveScript s = LiveScript.checked(Language.ZH, List.of(new ScriptSegment(SegmentKind.PROMOTION,
        "全网最低价，今天只要79元", 20)), ComplianceChecker.bundled(), request(true, COUPON));
    assertTrue(s.compliance().findings().stream().anyMatch(f -> f.ruleId().equals("fact-price")),
        s.compliance().findings().toString());
    assertTrue(s.compliance().findings().stream().anyMatch(f -> f.category() == ComplianceCategory.ABSOLUTE_TERM));
    assertTrue(s.compliance().rewritten().contains("89.9元"), s.compliance().rewritten());
  }
}
