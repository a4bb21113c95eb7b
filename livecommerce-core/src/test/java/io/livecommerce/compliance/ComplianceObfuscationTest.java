package io.livecommerce.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A phrase set written for this test, not taken from the rules: violations hidden the way hosts and sellers hide
 * them (spaces, zero-width and full-width characters, emoji, traditional characters, pinyin, numbers), and clean
 * phrases that use the same characters innocently (disclaimers, promotional caps, slang).
 */
class ComplianceObfuscationTest {

  private static final ComplianceChecker CHECKER = ComplianceChecker.bundled();

  private static final List<String> VIOLATING = List.of(
      "全网最 低价，家人们冲",
      "效果最\u200b好的一款面霜",
      "销量第\u3000一的国货",
      "这是ＮＯ．１爆款",
      "天猫ＴＯＰ１单品",
      "今晚的 NO.① 单品",
      "國家級配方",
      "療效顯著，老顧客都知道",
      "頂級面料做的",
      "這款是 zui hao 用的",
      "家人们这是 JiPin 好茶",
      "喝了能zhiliao失眠",
      "七天瘦十斤不是梦",
      "一个月瘦了20斤",
      "3天减5kg，亲测",
      "皮肤科医生都推荐的面霜",
      "央视推荐品牌",
      "国家药监局认证过的",
      "专家一致认可的配方",
      "根-治-脚-气",
      "最💥低价只有今天",
      "独 家 首 发",
      "史上最*低价",
      "無副作用，放心用",
      "１００％有效",
      "吃了能降血壓",
      "唯\u200d一正品渠道",
      "喝出好身材，燃脂瘦身",
      "原价９９９，现在只要９９",
      "ＣＣＴＶ推荐的好物",
      "三天根治失眠",
      "稳.赚.不.赔",
      "用了马上就能 zhi yu",
      "Guo Jia Ji 认证的工艺",
      "醫生推薦，放心買");

  private static final List<String> CLEAN = List.of(
      "最近天气干，记得补水",
      "最后讲一下用法",
      "第一次来直播间的宝宝点个关注",
      "唯一的缺点是包装太朴素",
      "最高立减50元，领券下单",
      "这首歌好治愈",
      "治愈系的小猫玩偶",
      "本品不是药品，不能代替药物治疗",
      "本品不具有减肥功效，请遵医嘱",
      "请遵医嘱使用，本品不能治病",
      "國慶節快樂，今晚上新",
      "這款外套很保暖",
      "ＮＯ问题，马上发货",
      "我们家ＴＯＰ款式有三种",
      "第 1 排的宝宝扣个1",
      "最 近 很 忙，晚点回复",
      "Ding dong，上新啦",
      "瘦了的宝宝记得换小一码",
      "满300减50元，可以叠加",
      "体重60斤以下的小朋友穿S码",
      "三天内发货",
      "医生说要多喝水",
      "我妈是医生，她也喜欢这个颜色",
      "国家规定的三包政策我们都有",
      "最低起订量两件",
      "这款是极简风",
      "顶部有个小拉链",
      "Top coat 加上去更亮",
      "本产品并非药品，不能替代药物治疗疾病",
      "最好先领券再下单",
      "今天第一次给大家介绍",
      "zui jin 上新的款式",
      "這件衣服很好看",
      "下单后48小时内发货",
      "有问题的宝宝评论区留言");

  @Test
  void findsHiddenViolationsAndLeavesInnocentUsesAlone() {
    int tp = 0;
    int fp = 0;
    List<String> missed = new ArrayList<>();
    List<String> wrong = new ArrayList<>();
    for (String s : VIOLATING) {
      if (CHECKER.check(s).isClean()) {
        missed.add(s);
      } else {
        tp++;
      }
    }
    for (String s : CLEAN) {
      ComplianceReport r = CHECKER.check(s);
      if (!r.isClean()) {
        fp++;
        wrong.add(s + " " + r.findings());
      }
    }
    double precision = tp / (double) (tp + fp);
    double recall = tp / (double) VIOLATING.size();
    assertTrue(VIOLATING.size() + CLEAN.size() >= 60);
    assertTrue(precision >= 0.95, () -> "precision " + precision + ", wrongly flagged " + wrong);
    assertTrue(recall >= 0.90, () -> "recall " + recall + ", missed " + missed);
  }

  @Test
  void findingsPointAtTheOriginalCharacters() {
    for (String s : VIOLATING) {
      for (ComplianceFinding f : CHECKER.check(s).findings()) {
        assertTrue(f.start() >= 0 && f.end() <= s.length() && f.start() < f.end(), s + " " + f);
        assertEquals(s.substring(f.start(), f.end()), f.matchedText());
      }
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "效果最\u200b好的一款面霜|最\u200b好",
    "國家級配方|國家級",
    "这是ＮＯ．１爆款|ＮＯ．１",
    "這款是 zui hao 用的|zui hao",
    "根-治-脚-气|根-治",
  })
  void spansCoverTheObfuscatedOriginal(String text, String matched) {
    assertEquals(matched, CHECKER.check(text).findings().get(0).matchedText());
  }

  @Test
  void everyRewriteChecksClean() {
    for (String s : VIOLATING) {
      String rewritten = CHECKER.rewrite(s);
      assertTrue(CHECKER.check(rewritten).isClean(), () -> s + " -> " + rewritten);
    }
    for (String s : CLEAN) {
      assertEquals(s, CHECKER.rewrite(s), "a clean text is returned unchanged");
    }
  }

  @Test
  void aDiseaseClaimIsRemovedNotSoftened() {
    String rewritten = CHECKER.rewrite("这款枕头能根治失眠，睡得特别香");
    assertEquals("睡得特别香", rewritten);
    assertFalse(rewritten.contains("失眠"));
    assertEquals("面霜很好用", CHECKER.rewrite("面霜最好用"));
  }
}
