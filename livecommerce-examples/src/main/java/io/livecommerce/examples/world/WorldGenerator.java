package io.livecommerce.examples.world;

import io.livecommerce.domain.Anchor;
import io.livecommerce.domain.LiveRoom;
import io.livecommerce.domain.Product;
import io.livecommerce.domain.Promotion;
import io.livecommerce.domain.PromotionOutcome;
import io.livecommerce.domain.PromotionType;
import io.livecommerce.domain.SalesRecord;
import io.livecommerce.domain.Viewer;
import io.livecommerce.domain.WatchEvent;
import io.livecommerce.internal.Checks;
import java.time.ZonedDateTime;
import java.time.ZoneId;
import io.livecommerce.llm.finetune.PastScript;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A seeded, deterministic simulator of a live-commerce platform with planted ground truth:
 *
 * <ul>
 *   <li>Viewers favour one or two categories (skewed: most fans for 美妆 and 食品), return to one to three favourite
 *       anchors, and swipe past (under 3 s) most other rooms. Price-sensitive viewers order less.
 *   <li>Anchors sell mostly in one category; their pull (followers) scales views and sales.
 *   <li>Units sold rise with anchor–category fit, anchor pull and "爆款" products, and fall with price.
 *   <li>Promotion GMV rises with discount depth and audience, and each category has a promotion type that works for
 *       it: flash sales for 食品, gifts for 美妆 and 护肤, bundles for 母婴, spend-and-save for 服饰 and 家居, coupons
 *       for 数码, lucky bags for 茶酒.
 *   <li>Past scripts: see {@link PastScriptSimulator}.
 * </ul>
 *
 * <p>Sessions run 19:00–23:00 Beijing time, one per anchor per day, from 2026-10-01; the last day's sessions are
 * still live. Stateless and thread-safe.
 */
public final class WorldGenerator {

  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  static final long DAY = 86_400_000L;
  static final long HOUR = 3_600_000L;
  static final long START = ZonedDateTime.of(2026, 10, 1, 0, 0, 0, 0, ZONE).toInstant().toEpochMilli();

  /** Category, its share of fans, nouns, selling words, price range in yuan, and the promotion type that works. */
  record Category(String name, double fans, String[] nouns, String[] words, int minPrice, int maxPrice,
      PromotionType works) {}

  static final Category[] CATEGORIES = {
    new Category("美妆", 0.22, new String[] {"口红", "粉底液", "眼影盘", "腮红", "睫毛膏", "卸妆水"},
        new String[] {"显白", "持久", "哑光", "不脱妆", "水润", "日常通勤"}, 39, 399, PromotionType.GIFT),
    new Category("护肤", 0.16, new String[] {"面霜", "精华液", "面膜", "洁面乳", "防晒霜", "爽肤水"},
        new String[] {"补水", "保湿", "温和", "敏感肌可用", "清爽", "秋冬必备"}, 49, 599, PromotionType.GIFT),
    new Category("食品", 0.18, new String[] {"坚果礼盒", "牛肉干", "螺蛳粉", "苹果", "辣条", "蛋黄酥"},
        new String[] {"好吃", "独立包装", "解馋", "产地直发", "新鲜", "追剧零食"}, 9, 159, PromotionType.FLASH_SALE),
    new Category("服饰", 0.12, new String[] {"羽绒服", "卫衣", "牛仔裤", "针织衫", "运动鞋", "大衣"},
        new String[] {"显瘦", "百搭", "保暖", "宽松", "透气", "简约"}, 59, 899, PromotionType.FULL_REDUCTION),
    new Category("数码", 0.10, new String[] {"蓝牙耳机", "充电宝", "机械键盘", "智能手表", "数据线", "手机支架"},
        new String[] {"降噪", "长续航", "快充", "轻薄", "高颜值", "稳定连接"}, 29, 1299, PromotionType.COUPON),
    new Category("家居", 0.09, new String[] {"收纳箱", "四件套", "不粘锅", "拖把", "香薰", "保温杯"},
        new String[] {"耐用", "好清洗", "大容量", "省空间", "亲肤", "实用"}, 19, 399, PromotionType.FULL_REDUCTION),
    new Category("母婴", 0.08, new String[] {"纸尿裤", "婴儿湿巾", "奶瓶", "辅食米粉", "儿童水杯", "爬行垫"},
        new String[] {"柔软", "安全", "宝妈推荐", "防漏", "无添加", "方便"}, 29, 399, PromotionType.BUNDLE),
    new Category("茶酒", 0.05, new String[] {"普洱茶", "绿茶", "白茶", "黄酒", "果酒", "茶具"},
        new String[] {"回甘", "香气足", "送礼", "口感顺滑", "产地直采", "自饮"}, 39, 699, PromotionType.LOTTERY),
  };
  static final String[] STYLES = {"热情", "专业测评", "搞笑", "温柔"};
  static final String[] SURNAMES = {"小美", "阿杰", "琪琪", "大鹏", "晓雯", "老王", "甜甜", "阿K", "静静", "浩哥"};
  static final String[] BRANDS = {"花漾", "木子", "山野", "优选家", "青禾", "星辰", "暖暖", "极光", "初见", "良品"};

  private WorldGenerator() {}

  /**
   * Generates a world.
   *
   * @throws IllegalArgumentException if {@code size} is null
   */
  public static World generate(WorldSize size, long seed) {
    Checks.notNull(size, "size");
    Random rnd = new Random(seed);
    int nc = CATEGORIES.length;
    // Anchors.
    List<Anchor> anchors = new ArrayList<>();
    int[] anchorCategory = new int[size.anchors];
    double[] pull = new double[size.anchors];
    boolean[] english = new boolean[size.anchors];
    for (int a = 0; a < size.anchors; a++) {
      anchorCategory[a] = pickCategory(rnd);
      pull[a] = rnd.nextGaussian() * 0.6;
      english[a] = rnd.nextDouble() < 0.08;
      String name = SURNAMES[a % SURNAMES.length] + (a >= SURNAMES.length ? String.valueOf(a / SURNAMES.length) : "");
      Category c = CATEGORIES[anchorCategory[a]];
      anchors.add(new Anchor("a" + a, name, STYLES[rnd.nextInt(STYLES.length)] + "型主播，主推" + c.name,
          List.of(c.name), Math.round(100_000 * Math.exp(pull[a] * 1.5))));
    }
    // Products.
    List<Product> products = new ArrayList<>();
    int[] productCategory = new int[size.products];
    boolean[] hit = new boolean[size.products];
    List<List<Integer>> byCategory = new ArrayList<>();
    for (int c = 0; c < nc; c++) {
      byCategory.add(new ArrayList<>());
    }
    for (int p = 0; p < size.products; p++) {
      int c = p % nc;
      Category cat = CATEGORIES[c];
      productCategory[p] = c;
      hit[p] = rnd.nextDouble() < 0.25;
      String noun = cat.nouns[rnd.nextInt(cat.nouns.length)];
      String w1 = cat.words[rnd.nextInt(cat.words.length)];
      String w2 = cat.words[rnd.nextInt(cat.words.length)];
      String brand = BRANDS[rnd.nextInt(BRANDS.length)];
      long price = 100L * (cat.minPrice + rnd.nextInt(cat.maxPrice - cat.minPrice + 1));
      String title = (hit[p] ? "网红爆款 " : "") + brand + " " + w1 + noun;
      String description = w1 + "、" + w2 + "，" + cat.name + "好物，" + (hit[p] ? "回购率高" : "日常实用");
      products.add(new Product("p" + p, title, description, cat.name, brand, price,
          Map.of("规格", (1 + rnd.nextInt(3)) + "件装")));
      byCategory.get(c).add(p);
    }
    // Promotions.
    List<Promotion> promotions = new ArrayList<>();
    PromotionType[] types = PromotionType.values();
    for (int i = 0; i < size.promotions; i++) {
      Category cat = CATEGORIES[i % nc];
      PromotionType type = types[(i / nc) % types.length];
      double depth = 0.05 * (1 + rnd.nextInt(8));
      long minutes = 5 + 5L * rnd.nextInt(6);
      promotions.add(new Promotion("x" + i, describe(type, depth, cat.name) + "（" + minutes + "分钟）", type, depth,
          minutes * 60, cat.name,
          Math.round(depth * 200_000)));
    }
    // Rooms, one per anchor per day.
    List<LiveRoom> rooms = new ArrayList<>();
    LiveRoom[][] roomOf = new LiveRoom[size.days][size.anchors];
    for (int d = 0; d < size.days; d++) {
      for (int a = 0; a < size.anchors; a++) {
        Category cat = CATEGORIES[anchorCategory[a]];
        String noun = cat.nouns[rnd.nextInt(cat.nouns.length)];
        String word = cat.words[rnd.nextInt(cat.words.length)];
        String title = english[a]
            ? anchors.get(a).name() + "'s " + cat.name + " live: " + noun + " tonight"
            : anchors.get(a).name() + "的" + cat.name + "专场｜" + word + noun;
        String desc = english[a] ? "New arrivals and in-stream coupons" : "今晚福利多多，" + word + "的" + noun + "上新";
        long start = START + d * DAY + 19 * HOUR;
        boolean last = d == size.days - 1;
        LiveRoom r = new LiveRoom("r" + a + "-" + d, "a" + a, title, desc, List.of(noun, cat.name), cat.name, start,
            last ? LiveRoom.ONGOING : start + 4 * HOUR);
        rooms.add(r);
        roomOf[d][a] = r;
      }
    }
    // Viewers with planted tastes.
    List<Viewer> viewers = new ArrayList<>();
    int[][] taste = new int[size.viewers][];
    int[][] favourites = new int[size.viewers][];
    double[] sensitivity = new double[size.viewers];
    List<List<Integer>> anchorsByCategory = new ArrayList<>();
    for (int c = 0; c < nc; c++) {
      anchorsByCategory.add(new ArrayList<>());
    }
    List<Integer> all = new ArrayList<>();
    for (int a = 0; a < size.anchors; a++) {
      anchorsByCategory.get(anchorCategory[a]).add(a);
      all.add(a);
    }
    Picker everyone = new Picker(all, pull);
    Picker[] pickers = new Picker[nc];
    for (int c = 0; c < nc; c++) {
      // A category without anchors falls back to everyone.
      pickers[c] = anchorsByCategory.get(c).isEmpty() ? everyone : new Picker(anchorsByCategory.get(c), pull);
    }
    for (int v = 0; v < size.viewers; v++) {
      int first = pickCategory(rnd);
      int second = rnd.nextDouble() < 0.5 ? first : pickCategory(rnd);
      taste[v] = new int[] {first, second};
      sensitivity[v] = rnd.nextDouble();
      int nf = 1 + rnd.nextInt(3);
      favourites[v] = new int[nf];
      for (int f = 0; f < nf; f++) {
        favourites[v][f] = pickers[taste[v][f % 2]].pick(rnd);
      }
      List<String> interests = rnd.nextDouble() < 0.6 ? List.of(CATEGORIES[first].name) : List.of();
      viewers.add(new Viewer("v" + v, interests));
    }
    // Watch events.
    List<WatchEvent> events = new ArrayList<>();
    int[][] audience = new int[size.days][size.anchors];
    for (int d = 0; d < size.days; d++) {
      for (int v = 0; v < size.viewers; v++) {
        int visits = poisson(rnd, size.visitsPerDay);
        for (int k = 0; k < visits; k++) {
          double r = rnd.nextDouble();
          int a;
          boolean liked;
          if (r < 0.4) {
            a = favourites[v][rnd.nextInt(favourites[v].length)];
            liked = true;
          } else if (r < 0.75) {
            a = pickers[taste[v][rnd.nextInt(2)]].pick(rnd);
            liked = anchorCategory[a] == taste[v][0] || anchorCategory[a] == taste[v][1];
          } else {
            a = everyone.pick(rnd);
            liked = rnd.nextDouble() < 0.15;
          }
          LiveRoom room = roomOf[d][a];
          long ts = room.startMillis() + (long) (rnd.nextDouble() * 3.5 * HOUR);
          if (!liked) {
            events.add(WatchEvent.view("v" + v, room.id(), ts, rnd.nextInt(3)));
            continue;
          }
          audience[d][a]++;
          long watch = Math.max(5, Math.round(Math.exp(5.3 + 0.8 * rnd.nextGaussian())));
          int orders = rnd.nextDouble() < 0.18 * (1 - 0.6 * sensitivity[v]) ? 1 : 0;
          events.add(new WatchEvent("v" + v, room.id(), ts, watch, poisson(rnd, 3), poisson(rnd, 0.4),
              rnd.nextDouble() < 0.05 ? 1 : 0, rnd.nextDouble() < 0.03 ? 1 : 0, orders));
        }
      }
    }
    events.sort(Comparator.comparingLong(WatchEvent::timestampMillis));
    // Sales: each session sells several products, mostly from the anchor's category.
    List<SalesRecord> sales = new ArrayList<>();
    List<PromotionOutcome> outcomes = new ArrayList<>();
    Map<Integer, List<Integer>> promosByCategory = new HashMap<>();
    for (int i = 0; i < promotions.size(); i++) {
      promosByCategory.computeIfAbsent(i % nc, x -> new ArrayList<>()).add(i);
    }
    int perSession = size == WorldSize.LARGE ? 8 : size == WorldSize.SMALL ? 6 : 4;
    for (int d = 0; d < size.days - 1; d++) {
      for (int a = 0; a < size.anchors; a++) {
        LiveRoom room = roomOf[d][a];
        for (int k = 0; k < perSession; k++) {
          boolean own = rnd.nextDouble() < 0.7;
          int c = own ? anchorCategory[a] : rnd.nextInt(nc);
          List<Integer> pool = byCategory.get(c);
          int p = pool.get(rnd.nextInt(pool.size()));
          Product prod = products.get(p);
          double logUnits = 2.2 + 1.0 * (productCategory[p] == anchorCategory[a] ? 1 : 0) + 0.7 * pull[a]
              - 0.45 * Math.log(prod.price() / 100.0) + (hit[p] ? 0.6 : 0) + 0.4 * rnd.nextGaussian();
          long units = Math.max(0, Math.round(Math.expm1(logUnits)));
          long ts = room.startMillis() + k * (3 * HOUR / perSession);
          sales.add(new SalesRecord("a" + a, prod.id(), room.id(), ts, units, units * prod.priceCents()));
        }
        int runs = 1 + rnd.nextInt(2);
        for (int k = 0; k < runs; k++) {
          int c = rnd.nextDouble() < 0.8 ? anchorCategory[a] : rnd.nextInt(nc);
          List<Integer> pool = promosByCategory.get(c);
          Promotion promo = promotions.get(pool.get(rnd.nextInt(pool.size())));
          long viewersInRoom = Math.max(20, Math.round((audience[d][a] + 1) * 40 * Math.exp(0.2 * rnd.nextGaussian())));
          // The right mechanic for the category helps; a promotion outside the anchor's category draws less.
          double effect = (promo.type() == CATEGORIES[c].works ? 0.7 : 0) + (c == anchorCategory[a] ? 0 : -0.5);
          double logGmv = 9.5 + 2.0 * promo.discountDepth() + effect + Math.log(viewersInRoom / 100.0)
              + 0.35 * rnd.nextGaussian();
          long gmv = Math.round(Math.exp(logGmv));
          long orders = Math.max(0, Math.round(viewersInRoom * 0.02 * Math.exp(effect / 2)));
          outcomes.add(new PromotionOutcome(promo.id(), "a" + a, room.id(), room.startMillis() + (k + 1) * HOUR,
              viewersInRoom, orders, gmv));
        }
      }
    }
    List<PastScript> scripts = PastScriptSimulator.simulate(anchors, rooms, products, sales, seed);
    return new World(anchors, rooms, products, viewers, events, sales, promotions, outcomes, scripts);
  }

  private static String describe(PromotionType type, double depth, String category) {
    int pct = (int) Math.round(depth * 100);
    return switch (type) {
      case COUPON -> category + "直播间专享券，立减" + pct + "%";
      case FLASH_SALE -> category + "限时秒杀，直降" + pct + "%";
      case GIFT -> "买" + category + "送同款小样，折合优惠" + pct + "%";
      case BUNDLE -> category + "组合装，套装省" + pct + "%";
      case FULL_REDUCTION -> category + "满300减" + (3 * pct);
      case LOTTERY -> "整点福袋抽" + category + "好礼，参与即享" + pct + "%优惠";
    };
  }

  private static int pickCategory(Random rnd) {
    double r = rnd.nextDouble();
    for (int c = 0; c < CATEGORIES.length; c++) {
      r -= CATEGORIES[c].fans;
      if (r < 0) {
        return c;
      }
    }
    return CATEGORIES.length - 1;
  }

  /** Picks anchors in proportion to exp(pull), by binary search over cumulative weights. */
  private static final class Picker {
    final int[] ids;
    final double[] cumulative;

    Picker(List<Integer> pool, double[] pull) {
      ids = pool.stream().mapToInt(Integer::intValue).toArray();
      cumulative = new double[ids.length];
      double sum = 0;
      for (int i = 0; i < ids.length; i++) {
        sum += Math.exp(pull[ids[i]]);
        cumulative[i] = sum;
      }
    }

    int pick(Random rnd) {
      double r = rnd.nextDouble() * cumulative[cumulative.length - 1];
      int i = java.util.Arrays.binarySearch(cumulative, r);
      return ids[Math.min(ids.length - 1, i < 0 ? -i - 1 : i)];
    }
  }

  private static int poisson(Random rnd, double mean) {
    double l = Math.exp(-mean);
    int k = 0;
    double p = 1;
    do {
      k++;
      p *= rnd.nextDouble();
    } while (p > l);
    return k - 1;
  }
}
