package io.livecommerce.selection;

import io.livecommerce.domain.Anchor;
import io.livecommerce.domain.Product;
import io.livecommerce.domain.Promotion;
import io.livecommerce.domain.PromotionOutcome;
import io.livecommerce.domain.PromotionType;
import io.livecommerce.domain.SalesRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A seeded sales world with a planted relation: units sold rise when the product's category is the anchor's, fall
 * with price, rise with "爆款" (hit) wording in the text, and scale with the anchor's pull. Promotion GMV rises with
 * discount depth, favours flash sales, and scales with the anchor's audience.
 */
final class SalesWorld {
  static final String[] CATEGORIES = {"美妆", "零食", "数码", "母婴", "服饰", "家居"};
  static final String[][] WORDS = {
    {"口红", "面霜", "精华", "粉底"}, {"坚果", "辣条", "饼干", "果干"}, {"耳机", "充电宝", "键盘", "手表"},
    {"奶粉", "纸尿裤", "辅食", "童车"}, {"卫衣", "羽绒服", "牛仔裤", "衬衫"}, {"收纳箱", "床品", "锅具", "拖把"},
  };
  static final long DAY = 86_400_000L;

  final List<Anchor> anchors = new ArrayList<>();
  final List<Product> products = new ArrayList<>();
  final List<SalesRecord> sales = new ArrayList<>();
  final List<Promotion> promotions = new ArrayList<>();
  final List<PromotionOutcome> outcomes = new ArrayList<>();

  SalesWorld(int salesCount, long seed) {
    Random rnd = new Random(seed);
    double[] pull = new double[24];
    for (int a = 0; a < 24; a++) {
      pull[a] = rnd.nextGaussian() * 0.4;
      anchors.add(new Anchor("a" + a, "主播" + a, "", List.of(CATEGORIES[a % 6]),
          (long) (10_000 * Math.exp(2 + pull[a]))));
    }
    boolean[] hit = new boolean[240];
    for (int p = 0; p < 240; p++) {
      int c = p % 6;
      String word = WORDS[c][rnd.nextInt(4)];
      hit[p] = rnd.nextDouble() < 0.3;
      long price = (long) (1000 + rnd.nextInt(30_000));
      String brand = "品牌" + rnd.nextInt(8);
      String title = (hit[p] ? "网红爆款 " : "") + word + " " + CATEGORIES[c] + "好物";
      products.add(new Product("p" + p, title, word + "，日常必备", CATEGORIES[c], brand, price, Map.of()));
    }
    for (int s = 0; s < salesCount; s++) {
      int a = rnd.nextInt(24);
      // Anchors mostly sell their own category.
      int p = rnd.nextDouble() < 0.6 ? (a % 6) + 6 * rnd.nextInt(40) : rnd.nextInt(240);
      Product prod = products.get(p);
      boolean fit = p % 6 == a % 6;
      double logUnits = 2.5 + 1.2 * (fit ? 1 : 0) - 0.6 * Math.log(prod.priceCents() / 5000.0) + (hit[p] ? 0.8 : 0)
          + pull[a] + 0.35 * rnd.nextGaussian();
      long units = Math.max(0, Math.round(Math.expm1(logUnits)));
      long t = (long) (s * (60.0 * DAY / salesCount)) + 12 * 3_600_000L;
      sales.add(new SalesRecord("a" + a, prod.id(), "room" + s / 4, t, units, units * prod.priceCents()));
    }
    PromotionType[] types = PromotionType.values();
    for (int i = 0; i < 60; i++) {
      PromotionType type = types[i % types.length];
      double depth = 0.05 + 0.05 * rnd.nextInt(8);
      String cat = CATEGORIES[rnd.nextInt(6)];
      promotions.add(new Promotion("x" + i, describe(type, depth, cat), type, depth, 600 + 300L * rnd.nextInt(6),
          cat, (long) (depth * 100_000)));
    }
    for (int o = 0; o < salesCount / 2; o++) {
      int a = rnd.nextInt(24);
      Promotion p = promotions.get(rnd.nextInt(promotions.size()));
      long viewers = (long) (2000 * Math.exp(pull[a] + 0.2 * rnd.nextGaussian()));
      double logGmv = 11 + 2.5 * p.discountDepth() + (p.type() == PromotionType.FLASH_SALE ? 0.6 : 0)
          + (p.type() == PromotionType.LOTTERY ? -0.4 : 0) + Math.log(viewers / 2000.0) + 0.3 * rnd.nextGaussian();
      long t = (long) (o * (60.0 * DAY / (salesCount / 2.0))) + 20 * 3_600_000L;
      outcomes.add(new PromotionOutcome(p.id(), "a" + a, "room" + o, t, viewers,
          (long) (viewers * 0.02), Math.round(Math.exp(logGmv))));
    }
  }

  private static String describe(PromotionType type, double depth, String cat) {
    int pct = (int) Math.round(depth * 100);
    return switch (type) {
      case COUPON -> cat + "专享券，立减" + pct + "%";
      case FLASH_SALE -> cat + "限时秒杀，直降" + pct + "%";
      case GIFT -> "买" + cat + "送赠品，折合优惠" + pct + "%";
      case BUNDLE -> cat + "组合装，套装省" + pct + "%";
      case FULL_REDUCTION -> cat + "满减活动，满300减" + (3 * pct);
      case LOTTERY -> "直播间抽奖福袋，" + cat + "好礼";
    };
  }
}
