package io.livecommerce.compliance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The third adversarial round: look-alike and homophone characters, English, split characters, plain phrases that
 * were missed, and innocent uses that were flagged (a quoted regulation, a cart slot, a coupon condition, advice),
 * each beside innocent uses of the same characters. Precision and recall must both reach 0.95.
 */
class ComplianceRound3Test {

  /** Violations. */
  static final List<String> BAD = List.of(
      // Look-alikes and homophones.
      "这款是全网蕞低价", "蕞好用的面霜", "销量弟一的口红", "全网第壹", "行业第①", "全国弟壹的品牌", "蕞便宜的一次",
      "我们是第1品牌", "销量第1名",
      // English.
      "This serum is top one in China", "Number One lipstick of the year", "the best cream you can buy",
      "TOP ONE 的品质", "our number 1 bestseller", "It's the best!",
      // Split characters.
      "全-网-最-低价", "最.好.用的", "销/量/第/一", "国|家|级品质", "最~低~价", "第 一 名的口碑",
      // Plain phrases.
      "宇宙第一好用", "这款面膜没有之一", "吃了保证瘦", "保证不反弹", "万人疯抢中", "贴上就能止痛", "长期吃能降三高",
      "喝了降血压", "用了肿瘤变小", "医院同款修护霜", "术后修复专用", "三天保证瘦十斤", "效果好到别家都比不了",
      "别家都比不了我们的价格", "秒杀全网所有同款", "吊打一切大牌",
      // Earlier families, so nothing regressed.
      "全网最低价，销量第一", "国家级品质", "根治失眠", "无副作用", "专家推荐", "错过再等一年", "稳赚不赔",
      "医生都在用", "7天瘦10斤", "原价899今天99", "顶级面料", "独家配方", "一次见效", "包治百病",
      "TOP1 爆款", "NO.1 口碑", "唯一正品");

  /** Innocent uses of the same characters. */
  static final List<String> GOOD = List.of(
      // A quoted regulation, a cart slot, a coupon condition, advice.
      "广告法规定不能说“最佳”“第一”这类词", "按照《广告法》，“国家级”属于禁用语", "点购物车 No.1 链接下单",
      "看1号链接，购物车No.1就是它", "满199可用，最低使用门槛199元", "消炎药请去药店买，我们不卖药",
      "有炎症请遵医嘱用药，这款只是护肤品",
      // Neutral 最 / 第一 / 唯一.
      "最近天气很干", "最后一步上妆", "第一次用的姐妹", "坐在第一排的家人", "唯一的缺点是有点贵", "最好先试用小样",
      "第一件原价第二件半价", "最晚今晚发货", "最多可以领三张券", "最低气温零下", "最高立减50元",
      // Look-alike characters in innocent words.
      "小弟一直用这款", "弟弟说很好用", "蕞尔小店也有好货", "壹号店铺上新了",
      // English without a claim.
      "do your best to stay hydrated", "best wishes to everyone", "one of our top picks for winter",
      "number of orders today is huge", "the best way to apply is with a brush", "top 10 questions answered",
      // Split characters that are not claims.
      "1-2 天发货", "满 2/3 的家人都回购了", "50% 棉 50% 麻",
      // Plain phrases near the new rules.
      "保证正品，假一赔十", "保证发货速度", "疼的话请停止使用", "血压高的家人请咨询医生", "不反弹的弹力裤腰",
      "人多疯抢的时候别着急", "术后请遵医嘱", "医院附近的门店可自提", "别家也有卖，我们价格透明",
      "比不了大牌的包装，但用料实在", "宇宙飞船造型的杯子",
      // Earlier clean phrases.
      "本品不能治疗疾病", "不具有减肥功效", "治愈系的香味", "最佳食用时间是开封后一周内", "国家标准一级品",
      "首次下单有礼", "今天的福利很多", "价格很实惠");

  static double[] score(ComplianceChecker c) {
    int tp = 0;
    int fp = 0;
    List<String> missed = new ArrayList<>();
    List<String> wrong = new ArrayList<>();
    for (String s : BAD) {
      if (!c.check(s).isClean()) {
        tp++;
      } else {
        missed.add(s);
      }
    }
    for (String s : GOOD) {
      if (!c.check(s).isClean()) {
        fp++;
        wrong.add(s + " " + c.check(s).findings().get(0).matchedText());
      }
    }
    System.out.println("missed " + missed);
    System.out.println("false positives " + wrong);
    return new double[] {tp / (double) (tp + fp), tp / (double) BAD.size()};
  }

  @Test
  void rewritesReadAsChineseAndCheckClean() {
    ComplianceChecker c = ComplianceChecker.bundled();
    String[][] cases = {
      {"顶级品质的面料", "高品质的面料"},
      {"最最最好用的面霜", "好用的面霜"},
      {"这款精华能消炎，敏感肌也能用", "敏感肌也能用"},
      {"专家推荐，用了不生病", ""},
      {"TOP1 爆款，别家都比不了", "人气 爆款"},
      {"吃了保证瘦", "吃了效果因人而异"},
      {"蕞好用的眼霜", "很好用的眼霜"},
    };
    for (String[] t : cases) {
      String r = c.rewrite(t[0]);
      org.junit.jupiter.api.Assertions.assertEquals(t[1], r, t[0]);
      assertTrue(c.check(r).isClean(), r);
    }
  }

  @Test
  void precisionAndRecallReach95PercentOnTheRound3Phrases() {
    assertTrue(BAD.size() + GOOD.size() >= 100, "at least 100 phrases");
    double[] pr = score(ComplianceChecker.bundled());
    assertTrue(pr[0] >= 0.95 && pr[1] >= 0.95, "precision " + pr[0] + ", recall " + pr[1]);
  }
}
