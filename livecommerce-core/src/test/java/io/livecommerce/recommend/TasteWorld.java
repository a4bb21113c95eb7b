package io.livecommerce.recommend;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A small seeded world with planted tastes: each user prefers one or two of six categories, items of a category
 * share words in their text, low-numbered items of each category are popular within it, and ten hits draw most
 * views outside people's tastes. Built in tests, never loaded.
 */
final class TasteWorld {
  static final String[][] CATEGORIES = {
    {"口红", "唇釉 显白 哑光 色号"},
    {"面霜", "补水 保湿 滋润 护肤"},
    {"零食", "坚果 薯片 好吃 解馋"},
    {"耳机", "蓝牙 降噪 音质 数码"},
    {"童装", "宝宝 纯棉 儿童 衣服"},
    {"茶叶", "普洱 绿茶 茶香 冲泡"},
  };
  static final int ITEMS_PER_CATEGORY = 12;
  static final long DAY = 86_400_000L;
  static final String[] HITS = {"i5", "i17", "i30", "i41", "i54", "i66", "i70", "i9", "i20", "i33"};

  final List<Interaction> interactions = new ArrayList<>();
  final Map<String, String> itemTexts = new LinkedHashMap<>();
  final Map<String, int[]> tastes = new LinkedHashMap<>();

  TasteWorld(int users, int eventsPerUser, long seed) {
    Random rnd = new Random(seed);
    int items = CATEGORIES.length * ITEMS_PER_CATEGORY;
    for (int c = 0; c < CATEGORIES.length; c++) {
      for (int j = 0; j < ITEMS_PER_CATEGORY; j++) {
        itemTexts.put(item(c, j), CATEGORIES[c][0] + " " + CATEGORIES[c][1] + " 款式" + j);
      }
    }
    for (int u = 0; u < users; u++) {
      String user = "u" + u;
      int first = category(rnd);
      int second = rnd.nextDouble() < 0.5 ? first : category(rnd);
      tastes.put(user, new int[] {first, second});
      for (int e = 0; e < eventsPerUser; e++) {
        long t = (long) (rnd.nextDouble() * 30 * DAY);
        double r = rnd.nextDouble();
        if (r < 0.75) {
          int c = rnd.nextBoolean() ? first : second;
          // Within a category, low-numbered items are more popular.
          int j = Math.min(ITEMS_PER_CATEGORY - 1, (int) Math.floor(-Math.log(1 - rnd.nextDouble()) * 3));
          interactions.add(new Interaction(user, item(c, j), 1 + rnd.nextInt(3), t));
        } else if (r < 0.9) {
          // Outside their taste, people follow the crowd: a few hits draw most of these views.
          String hit = rnd.nextDouble() < 0.7 ? HITS[rnd.nextInt(HITS.length)] : "i" + rnd.nextInt(items);
          interactions.add(new Interaction(user, hit, 1, t));
        } else {
          // A swipe past: a negative signal on a random item.
          interactions.add(new Interaction(user, "i" + rnd.nextInt(items), -1, t));
        }
      }
    }
  }

  /** Tastes are skewed, as in real audiences: the first categories have most of the fans. */
  private static int category(Random rnd) {
    double r = rnd.nextDouble();
    double[] share = {0.35, 0.25, 0.15, 0.1, 0.1, 0.05};
    for (int c = 0; c < share.length; c++) {
      r -= share[c];
      if (r < 0) {
        return c;
      }
    }
    return share.length - 1;
  }

  static String item(int category, int j) {
    return "i" + (category * ITEMS_PER_CATEGORY + j);
  }
}
