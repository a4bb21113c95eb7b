package io.livecommerce.llm.finetune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.livecommerce.compliance.ComplianceChecker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FineTuningDatasetTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ComplianceChecker CHECKER = ComplianceChecker.bundled();

  /** Distinct scripts: each uses its own nouns, so no two are near-duplicates. */
  private static final String[] TOPICS = {"口红颜色很正，涂上显白又持久，姐妹们看这个质地", "粉底液轻薄服帖，混油皮一整天不暗沉",
      "眼影盘十二色日常通勤都能用，配色温柔", "面霜滋润不黏腻，秋冬干皮放心用", "坚果礼盒每天一小包，办公室解馋刚好",
      "牛肉干是草原上的黄牛肉，越嚼越香", "螺蛳粉汤底够味，酸笋是灵魂", "羽绒服九十鸭绒，轻薄又保暖",
      "卫衣宽松版型，男生女生都能穿", "蓝牙耳机降噪效果明显，地铁上也安静", "充电宝两万毫安，出差带一个够用",
      "四件套纯棉亲肤，洗了不起球", "不粘锅煎蛋不粘，少油更健康", "纸尿裤轻薄透气，宝宝一夜干爽",
      "普洱茶汤色红亮，回甘明显", "保温杯二十四小时保温，上班带着正好"};

  private static PastScript script(String id, String category, int topic, long gmvCents) {
    String text = TOPICS[topic % TOPICS.length] + "。家人们点点关注，喜欢的扣个1，库存有限，拍下就发货。";
    return new PastScript(id, "a1", category, "商品" + topic, text, 10, 1000, gmvCents / 1000, gmvCents);
  }

  private static List<PastScript> twoCategories() {
    List<PastScript> list = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      list.add(script("m" + i, "美妆", i, 10_000L * (i + 1)));
    }
    for (int i = 0; i < 5; i++) {
      list.add(script("f" + i, "食品", 10 + i, 5_000L * (i + 1)));
    }
    return list;
  }

  private static Set<String> ids(List<ChatExample> examples) {
    Set<String> out = new HashSet<>();
    examples.forEach(e -> out.add(e.scriptId()));
    return out;
  }

  @Test
  void picksTheTopShareOfEachCategoryByGmvPerMinute() {
    FineTuningExport x = FineTuningDataset.newBuilder().topFraction(0.2).validationFraction(0).build()
        .export(twoCategories());
    assertEquals(Set.of("m9", "m8", "f4"), ids(x.train()));
    assertEquals(new ExportSummary.CategoryCount(5, 1), x.summary().perCategory().get("食品"));
    assertEquals(new ExportSummary.CategoryCount(10, 2), x.summary().perCategory().get("美妆"));
    assertEquals(List.of("美妆", "食品").stream().sorted().toList(), List.copyOf(x.summary().perCategory().keySet()));
  }

  @Test
  void ordersPerMinuteRanksDifferentlyFromGmv() {
    List<PastScript> list = List.of(
        new PastScript("cheap", "a", "食品", "辣条", TOPICS[6], 10, 100, 50, 50_000),
        new PastScript("dear", "a", "食品", "礼盒", TOPICS[4], 10, 100, 5, 90_000));
    FineTuningDataset.Builder b = FineTuningDataset.newBuilder().topFraction(0.5).validationFraction(0);
    assertEquals(Set.of("dear"), ids(b.build().export(list).train()));
    assertEquals(Set.of("cheap"), ids(b.outcome(Outcome.ORDERS_PER_MINUTE).build().export(list).train()));
  }

  @Test
  void everyLineIsAValidChatExampleWithoutPersonalDataOrBannedClaims() throws IOException {
    List<PastScript> list = new ArrayList<>(twoCategories());
    list.add(new PastScript("pii", "a1", "美妆", "口红 客服电话13812345678",
        "想要的加我微信 lipstick_2024，或者打13912345678，身份证11010519491231002X的那位姐妹你的货发了", 10, 1000,
        900, 900_000));
    list.add(new PastScript("claims", "a1", "食品", "全网最低价的螺蛳粉", "这款螺蛳粉全网最低价，吃了根治便秘，第一名的味道",
        10, 1000, 900, 800_000));
    FineTuningExport x = FineTuningDataset.newBuilder().topFraction(0.3).seed(3).build().export(list);
    assertTrue(ids(x.train()).contains("pii") || ids(x.validation()).contains("pii"));
    assertTrue(ids(x.train()).contains("claims") || ids(x.validation()).contains("claims"));
    assertEquals(1, x.summary().redacted());
    assertEquals(1, x.summary().rewritten());
    String all = FineTuningExport.jsonl(x.train()) + FineTuningExport.jsonl(x.validation());
    for (String banned : List.of("13812345678", "13912345678", "11010519491231002X", "lipstick_2024")) {
      assertFalse(all.contains(banned), banned);
    }
    String[] lines = all.split("\n");
    assertEquals(x.train().size() + x.validation().size(), lines.length);
    for (String line : lines) {
      JsonNode root = JSON.readTree(line);
      assertEquals(List.of("messages"), iterable(root.fieldNames()));
      JsonNode messages = root.get("messages");
      assertEquals(3, messages.size());
      List<String> roles = new ArrayList<>();
      for (JsonNode m : messages) {
        roles.add(m.get("role").asText());
        String content = m.get("content").asText();
        assertFalse(content.isBlank());
        assertTrue(CHECKER.check(content).isClean(), content);
      }
      assertEquals(List.of("system", "user", "assistant"), roles);
    }
  }

  private static List<String> iterable(java.util.Iterator<String> it) {
    List<String> out = new ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }

  @Test
  void dropPolicyLeavesNonCompliantScriptsOutAndTheNextBestTakesTheirPlace() {
    List<PastScript> list = new ArrayList<>(twoCategories());
    list.add(new PastScript("claims", "a1", "食品", "螺蛳粉", "这款螺蛳粉吃了根治便秘，是全网第一的味道，" + TOPICS[6], 10, 1000,
        900, 800_000));
    assertFalse(CHECKER.check(list.get(list.size() - 1).script()).isClean());
    FineTuningExport x = FineTuningDataset.newBuilder().topFraction(0.2).validationFraction(0)
        .nonCompliant(NonCompliantPolicy.DROP).build().export(list);
    assertEquals(1, x.summary().droppedNonCompliant());
    assertEquals(0, x.summary().rewritten());
    assertEquals(Set.of("m9", "m8", "f4", "f3"), ids(x.train()));
  }

  @Test
  void nearDuplicatesOfABetterScriptAreSkipped() {
    List<PastScript> list = new ArrayList<>(twoCategories());
    // m9's script again with one phrase changed, performing a little worse.
    String again = list.get(9).script().replace("姐妹们看这个质地", "大家看这个质地");
    list.add(new PastScript("m9-again", "a1", "美妆", "商品9", again, 10, 1000, 99, 99_000));
    FineTuningExport x = FineTuningDataset.newBuilder().topFraction(0.25).validationFraction(0).build().export(list);
    assertEquals(1, x.summary().nearDuplicates());
    assertTrue(ids(x.train()).containsAll(Set.of("m9", "m8", "m7")));
    assertFalse(ids(x.train()).contains("m9-again"));
  }

  @Test
  void theSplitIsSeededDisjointAndComplete() {
    List<PastScript> list = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      list.add(new PastScript("s" + i, "a", "c" + (i % 4), "商品" + i, TOPICS[i % TOPICS.length] + "，第" + i + "场的专属话术，"
          + "这场讲的是" + "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmn".charAt(i) + "款", 10, 100, 1, 1000 + i));
    }
    FineTuningDataset.Builder b = FineTuningDataset.newBuilder().topFraction(1).maxSimilarity(1).validationFraction(0.25);
    FineTuningExport a = b.seed(1).build().export(list);
    FineTuningExport again = b.seed(1).build().export(list);
    FineTuningExport other = b.seed(2).build().export(list);
    assertEquals(10, a.validation().size());
    assertEquals(30, a.train().size());
    assertEquals(a, again);
    assertEquals(FineTuningExport.jsonl(a.train()), FineTuningExport.jsonl(again.train()));
    assertNotEquals(ids(a.validation()), ids(other.validation()));
    Set<String> union = new HashSet<>(ids(a.train()));
    union.addAll(ids(a.validation()));
    assertEquals(40, union.size());
  }

  @Test
  void aSingleExampleHasNoValidationSet() {
    FineTuningExport x = FineTuningDataset.newBuilder().topFraction(1).build()
        .export(List.of(script("only", "美妆", 0, 1000)));
    assertEquals(1, x.train().size());
    assertEquals(0, x.validation().size());
  }

  @Test
  void countsTokensApproximately() {
    assertEquals(2, TokenEstimate.of("你好"));
    assertEquals(3, TokenEstimate.of("hello world"));
    assertEquals(6, TokenEstimate.of("买2件，立减")); // five wide characters and one run of Latin
  }

  @Test
  void refusesBadInputNamingIt() {
    IllegalArgumentException dup = assertThrows(IllegalArgumentException.class, () -> FineTuningDataset.newBuilder()
        .build().export(List.of(script("x", "美妆", 0, 1), script("x", "美妆", 1, 2))));
    assertTrue(dup.getMessage().contains("\"x\"") || dup.getMessage().contains("'x'"), dup.getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> FineTuningDataset.newBuilder().build()
        .export(List.of())).getMessage().contains("scripts"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> FineTuningDataset.newBuilder().topFraction(0))
        .getMessage().contains("topFraction must be in (0, 1] but was 0.0"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> FineTuningDataset.newBuilder()
        .validationFraction(0.9)).getMessage().contains("validationFraction"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> FineTuningDataset.newBuilder()
        .userTemplate("写话术")).getMessage().contains("{product}"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> new PastScript("s", "a", "c", "p", "t", 0, 1, 1, 1))
        .getMessage().contains("minutesOnAir must be > 0 but was 0.0"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> new PastScript("s", "a", "c", "p", "t", 1, 1, -1, 1))
        .getMessage().contains("orders"));
  }

  @Test
  void writesTheThreeFilesAndLeavesNoTemporaryFiles(@TempDir Path dir) throws IOException {
    FineTuningExport x = FineTuningDataset.newBuilder().topFraction(0.5).seed(5).build().export(twoCategories());
    Path out = dir.resolve("ft");
    x.writeTo(out);
    assertEquals(FineTuningExport.jsonl(x.train()), Files.readString(out.resolve("train.jsonl")));
    assertEquals(FineTuningExport.jsonl(x.validation()), Files.readString(out.resolve("validation.jsonl")));
    JsonNode summary = JSON.readTree(Files.readString(out.resolve("summary.json"), StandardCharsets.UTF_8));
    assertEquals(15, summary.get("input").asInt());
    assertEquals(x.train().size(), summary.get("train").asInt());
    assertEquals(5, summary.get("settings").get("seed").asInt());
    assertTrue(summary.get("trainTokens").asLong() > 0);
    try (Stream<Path> s = Files.list(out)) {
      assertEquals(Set.of("train.jsonl", "validation.jsonl", "summary.json"),
          Set.copyOf(s.map(p -> p.getFileName().toString()).toList()));
    }
  }
}
