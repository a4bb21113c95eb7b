package io.livecommerce.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ComplianceCheckerTest {

  private static final ComplianceChecker CHECKER = ComplianceChecker.bundled();

  @ParameterizedTest(name = "{0} -> {1} {2}")
  @CsvSource(delimiter = '|', value = {
    // absolute terms: superlatives
    "这是全网最低价，家人们冲|ABSOLUTE_TERM|全网最低",
    "我们家面霜效果最好|ABSOLUTE_TERM|最好",
    "今年最火的一款口红|ABSOLUTE_TERM|最火",
    "绝对是最佳选择|ABSOLUTE_TERM|最佳",
    "同价位里最划算的|ABSOLUTE_TERM|最划算",
    "最受欢迎的色号来了|ABSOLUTE_TERM|最受欢迎",
    "史上最低的一次价格|ABSOLUTE_TERM|史上最低",
    "这款是店里最畅销的|ABSOLUTE_TERM|最畅销",
    "用料是最高级的|ABSOLUTE_TERM|最高级",
    // rankings
    "销量第一的国货品牌|ABSOLUTE_TERM|销量第一",
    "行业第一，大家放心买|ABSOLUTE_TERM|行业第一",
    "连续三年排名第一|ABSOLUTE_TERM|排名第一",
    "这是我们的NO.1单品|ABSOLUTE_TERM|NO.1",
    "天猫TOP1爆款|ABSOLUTE_TERM|TOP1",
    "去年的销量冠军回来了|ABSOLUTE_TERM|销量冠军",
    "全网唯一一家有货|ABSOLUTE_TERM|唯一",
    "独一无二的设计|ABSOLUTE_TERM|独一无二",
    // levels and exclusivity
    "国家级的配方标准|ABSOLUTE_TERM|国家级",
    "世界级工艺打造|ABSOLUTE_TERM|世界级",
    "顶级面料，手感超好|ABSOLUTE_TERM|顶级",
    "这茶叶是极品|ABSOLUTE_TERM|极品",
    "极致的丝滑体验|ABSOLUTE_TERM|极致",
    "至尊礼盒装|ABSOLUTE_TERM|至尊",
    "直播间独家款|ABSOLUTE_TERM|独家",
    "今晚全网首发|ABSOLUTE_TERM|首发",
    "送礼首选|ABSOLUTE_TERM|首选",
    "绝版色号不再生产|ABSOLUTE_TERM|绝版",
    // medical and efficacy
    "这个精华能治疗痘痘|MEDICAL_CLAIM|治疗",
    "三天根治脚气|MEDICAL_CLAIM|根治",
    "真的是药到病除|MEDICAL_CLAIM|药到病除",
    "纯植物配方无副作用|MEDICAL_CLAIM|无副作用",
    "100%有效，不信你试|MEDICAL_CLAIM|100%有效",
    "喝了能降血糖|MEDICAL_CLAIM|降血糖",
    "每天一杯帮助排毒|MEDICAL_CLAIM|排毒",
    "无效退款，放心拍|MEDICAL_CLAIM|无效退款",
    "95%的人用了都有效|MEDICAL_CLAIM|95%的人用了都有效",
    "喝这个茶就能减肥|MEDICAL_CLAIM|减肥",
    "祛斑效果特别明显|MEDICAL_CLAIM|祛斑",
    "小朋友吃了增强免疫力|MEDICAL_CLAIM|增强免疫力",
    "涂上去立竿见影|MEDICAL_CLAIM|立竿见影",
    // false urgency
    "错过再等一年|FALSE_URGENCY|错过再等一年",
    "下播马上涨价|FALSE_URGENCY|马上涨价",
    "只剩3件了，快拍|FALSE_URGENCY|只剩3件",
    // numbers as hosts say them, and the whole claim so that its rewrite reads
    "仅剩三件了|FALSE_URGENCY|仅剩三件",
    "只剩下两单，抓紧|FALSE_URGENCY|只剩下两单",
    "仅剩最后10件！|FALSE_URGENCY|仅剩最后10件",
    "还剩最后3单|FALSE_URGENCY|还剩最后3单",
    "最后两单了宝宝们|FALSE_URGENCY|最后两单",
    "最后三分钟上车|FALSE_URGENCY|最后三分钟",
    "就剩五套了|FALSE_URGENCY|就剩五套",
    "最后一单给你|FALSE_URGENCY|最后一单",
    // English scripts (--language en)
    "This cream cures acne in days|MEDICAL_CLAIM|cures acne",
    "It heals eczema overnight|MEDICAL_CLAIM|heals eczema",
    "Lowers blood pressure naturally|MEDICAL_CLAIM|Lowers blood pressure",
    "An anti-cancer superfood|MEDICAL_CLAIM|anti-cancer",
    "No side effects at all|MEDICAL_CLAIM|No side effects",
    "Guaranteed to work for everyone|MEDICAL_CLAIM|Guaranteed to work",
    "Only 3 left, order now|FALSE_URGENCY|Only 3 left",
    "Last chance to grab it|FALSE_URGENCY|Last chance",
    "It is selling out fast|FALSE_URGENCY|selling out fast",
    "明天恢复原价|FALSE_URGENCY|明天恢复原价",
    "今天不买就没了|FALSE_URGENCY|今天不买就没了",
    "仅此一次的价格|FALSE_URGENCY|仅此一次",
    // guaranteed returns
    "买了稳赚不赔|GUARANTEED_RETURN|稳赚不赔",
    "零风险入手|GUARANTEED_RETURN|零风险",
    "收藏这套邮票保本|GUARANTEED_RETURN|保本",
    // price comparison
    "原价999，今天只要99|PRICE_COMPARISON|原价999",
    "专柜价要五百多|PRICE_COMPARISON|专柜价",
    "比超市便宜一半|PRICE_COMPARISON|比超市便宜",
    "老板亏本卖了|PRICE_COMPARISON|亏本卖",
  })
  void violationsAreFoundWithTheirSpan(String text, ComplianceCategory category, String matched) {
    ComplianceReport r = CHECKER.check(text);
    assertTrue(r.findings().stream().anyMatch(f -> f.category() == category && f.matchedText().equals(matched)),
        () -> "expected " + category + " " + matched + " in " + r.findings());
    for (ComplianceFinding f : r.findings()) {
      assertEquals(f.matchedText(), text.substring(f.start(), f.end()));
      assertTrue(f.legalBasis().length() > 5);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "最近天气干，记得补水",
    "最后一步，点击下方小黄车",
    "最后两件事跟大家说一下",
    "最后一件商品给大家介绍一下",
    "最后一个链接是面膜",
    "最后三个问题我统一回答",
    "还剩两个颜色没讲",
    "Our cured ham is sliced thin",
    "Dog treats for small breeds",
    "This does not cure acne, it cleans gently",
    "It won't treat eczema; ask your doctor",
    "The best way to store it is somewhere cool",
    "Only 3 colours, all in stock",
    "The price is 89.90 yuan. Order now.",
    "这是我第一次用这个牌子",
    "坐在第一排的宝宝扣个1",
    "唯一的缺点就是有点香",
    "第一款给大家介绍面霜",
    "大家最好先领券再下单",
    "最好提前把尺码选好",
    "今天第一个福利马上来",
    "第一步先洗脸，第二步涂精华",
    "这款洗面奶很温和，敏感肌可以用",
    "补水保湿，秋冬必备",
    "满300减50，可以叠加店铺券",
    "今晚八点准时开播",
    "拍下后48小时内发货",
    "这个颜色显白，日常通勤很合适",
    "有问题的宝宝可以在评论区留言",
    "第一时间给大家发货",
    "唯一需要注意的是先做皮试",
    "本品不能代替药物治疗",
    "最低起订量是两件",
    "这款卫衣是加绒的",
  })
  void ordinaryWordsDoNotTrip(String text) {
    ComplianceReport r = CHECKER.check(text);
    assertTrue(r.isClean(), () -> text + " flagged: " + r.findings());
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
    "The best thermos you can buy, the No.1 seller, only 3 left!|A great thermos you can buy, the popular seller!",
    "Great value. This cures acne. Order now.|Great value. Order now.",
    "This cream cures acne in days. Order now.|Order now.",
    "Price 89.90 yuan, the best deal. Only 2 left.|Price 89.90 yuan, a great deal.",
    "No side effects, it is gentle.|Gentle, it is gentle.",
    "这款面霜很好，能根治痘痘。|这款面霜很好。",
    "TOP1 爆款，别家都比不了|人气 爆款",
  })
  void englishRewritesStayEnglishAndSentencesStillEnd(String text, String expected) {
    String rewritten = CHECKER.rewrite(text);
    assertEquals(expected, rewritten);
    assertTrue(CHECKER.check(rewritten).isClean(), rewritten);
  }

  @Test
  void overlappingMatchesKeepTheLongestAndRewriteIsClean() {
    ComplianceReport r = CHECKER.check("全网最低价，销量第一！");
    assertEquals(List.of("全网最低", "销量第一"), r.findings().stream().map(ComplianceFinding::matchedText).toList());
    assertEquals(0, r.findings().get(0).start());
    assertEquals(4, r.findings().get(0).end());
    assertEquals(6, r.findings().get(1).start());
    assertEquals("直播间优惠价，深受欢迎！", r.rewritten());
    assertTrue(CHECKER.check(r.rewritten()).isClean());
  }

  @Test
  void rulesCanBeExtendedFromJsonAndBadRulesAreNamed() throws Exception {
    String json = "{\"rules\":[{\"id\":\"brand-x\",\"category\":\"ABSOLUTE_TERM\",\"severity\":\"LOW\","
        + "\"basis\":\"平台规则\",\"terms\":[\"闭眼冲\"],\"suggestion\":\"可以看看\"}]}";
    List<ComplianceRule> extra = ComplianceChecker.fromJson(
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "extra.json");
    ComplianceChecker c = CHECKER.withRules(extra);
    assertEquals("brand-x", c.check("姐妹们闭眼冲").findings().get(0).ruleId());
    assertTrue(CHECKER.check("姐妹们闭眼冲").isClean());
    String bad = "{\"rules\":[{\"id\":\"broken\",\"category\":\"ABSOLUTE_TERM\",\"severity\":\"LOW\","
        + "\"basis\":\"x\",\"regex\":[\"(\"]}]}";
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ComplianceChecker.fromJson(
        new ByteArrayInputStream(bad.getBytes(StandardCharsets.UTF_8)), "bad.json"));
    assertTrue(e.getMessage().contains("bad.json rule \"broken\""), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new ComplianceRule("x", ComplianceCategory.ABSOLUTE_TERM,
        Severity.LOW, "b", List.of(), List.<Pattern>of(), List.of(), java.util.Map.of(), ""));
  }
}
