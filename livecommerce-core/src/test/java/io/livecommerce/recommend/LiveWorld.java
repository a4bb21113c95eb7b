package io.livecommerce.recommend;

import io.livecommerce.domain.Anchor;
import io.livecommerce.domain.LiveRoom;
import io.livecommerce.domain.WatchEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A small seeded live-streaming world with planted tastes. Anchors sell in one category and go live once a day;
 * viewers favour one or two categories and a few anchors they return to; most other visits are swipes past.
 * Day 15 is the test day: its visits are what the recommender should predict.
 */
final class LiveWorld {
  static final long DAY = 86_400_000L;
  static final String[][] CATEGORIES = {
    {"美妆", "口红 试色 显白 哑光"}, {"护肤", "面霜 补水 保湿 精华"}, {"零食", "坚果 辣条 好吃 解馋"},
    {"数码", "耳机 降噪 手机 充电"}, {"母婴", "宝宝 奶粉 纸尿裤 辅食"}, {"服饰", "羽绒服 卫衣 显瘦 穿搭"},
    {"家居", "收纳 床品 锅具 清洁"}, {"茶酒", "普洱 绿茶 白酒 茶具"},
  };
  static final int ANCHORS_PER_CATEGORY = 5;
  static final int DAYS = 14;

  final List<Anchor> anchors = new ArrayList<>();
  final List<LiveRoom> rooms = new ArrayList<>();
  final List<LiveRoom> liveNow = new ArrayList<>();
  final List<WatchEvent> train = new ArrayList<>();
  final List<WatchEvent> test = new ArrayList<>(); // day 15's events, for replays
  final Map<String, java.util.Set<String>> testRelevant = new LinkedHashMap<>();
  final long now = (DAYS + 1) * DAY + 20 * 3_600_000L; // day 15, 20:00

  private final Random rnd;
  private final Map<String, int[]> taste = new LinkedHashMap<>();
  private final Map<String, String[]> favourites = new LinkedHashMap<>();

  LiveWorld(int viewers, int visitsPerDay, long seed) {
    rnd = new Random(seed);
    for (int c = 0; c < CATEGORIES.length; c++) {
      for (int j = 0; j < ANCHORS_PER_CATEGORY; j++) {
        String id = "a" + (c * ANCHORS_PER_CATEGORY + j);
        anchors.add(new Anchor(id, CATEGORIES[c][0] + "主播" + j, "", List.of(CATEGORIES[c][0]), 1000L * (j + 1)));
      }
    }
    List<List<LiveRoom>> byDay = new ArrayList<>();
    for (int d = 0; d <= DAYS; d++) {
      List<LiveRoom> day = new ArrayList<>();
      for (Anchor a : anchors) {
        int c = Integer.parseInt(a.id().substring(1)) / ANCHORS_PER_CATEGORY;
        String[] words = CATEGORIES[c][1].split(" ");
        String title = CATEGORIES[c][0] + "专场 " + words[rnd.nextInt(words.length)] + " " + words[rnd.nextInt(4)];
        long start = d * DAY + 19 * 3_600_000L;
        boolean today = d == DAYS;
        LiveRoom r = new LiveRoom("r" + a.id() + "d" + d, a.id(), title, words[rnd.nextInt(words.length)] + "福利",
            List.of(words[0]), CATEGORIES[c][0], start + DAY, today ? LiveRoom.ONGOING : start + DAY + 3 * 3_600_000L);
        day.add(r);
        rooms.add(r);
        if (today) {
          liveNow.add(r);
        }
      }
      byDay.add(day);
    }
    for (int v = 0; v < viewers; v++) {
      String viewer = "v" + v;
      int first = skewedCategory();
      int second = rnd.nextDouble() < 0.5 ? first : skewedCategory();
      taste.put(viewer, new int[] {first, second});
      favourites.put(viewer, new String[] {
        "a" + (first * ANCHORS_PER_CATEGORY + rnd.nextInt(ANCHORS_PER_CATEGORY)),
        "a" + (second * ANCHORS_PER_CATEGORY + rnd.nextInt(ANCHORS_PER_CATEGORY))});
    }
    for (int d = 0; d <= DAYS; d++) {
      for (String viewer : taste.keySet()) {
        for (int k = 0; k < visitsPerDay; k++) {
          WatchEvent e = visit(viewer, byDay.get(d));
          if (d < DAYS) {
            train.add(e);
          } else {
            test.add(e);
          }
          if (d == DAYS && e.watchSeconds() >= 60) {
            testRelevant.computeIfAbsent(viewer, x -> new java.util.HashSet<>()).add(e.roomId());
          }
        }
      }
    }
  }

  private int skewedCategory() {
    double[] share = {0.25, 0.2, 0.15, 0.1, 0.1, 0.08, 0.07, 0.05};
    double r = rnd.nextDouble();
    for (int c = 0; c < share.length; c++) {
      r -= share[c];
      if (r < 0) {
        return c;
      }
    }
    return share.length - 1;
  }

  private WatchEvent visit(String viewer, List<LiveRoom> day) {
    int[] t = taste.get(viewer);
    double r = rnd.nextDouble();
    LiveRoom room;
    boolean liked;
    if (r < 0.35) {
      String fav = favourites.get(viewer)[rnd.nextInt(2)];
      room = day.get(Integer.parseInt(fav.substring(1)));
      liked = true;
    } else if (r < 0.7) {
      int c = t[rnd.nextInt(2)];
      room = day.get(c * ANCHORS_PER_CATEGORY + rnd.nextInt(ANCHORS_PER_CATEGORY));
      liked = true;
    } else if (r < 0.8) {
      // The biggest anchor of each category draws some outsiders.
      room = day.get(rnd.nextInt(CATEGORIES.length) * ANCHORS_PER_CATEGORY + ANCHORS_PER_CATEGORY - 1);
      liked = rnd.nextBoolean();
    } else {
      room = day.get(rnd.nextInt(day.size()));
      liked = false;
    }
    long ts = room.startMillis() + rnd.nextInt(3 * 3_600_000);
    if (!liked) {
      return WatchEvent.view(viewer, room.id(), ts, rnd.nextInt(3));
    }
    int orders = rnd.nextDouble() < 0.2 ? 1 : 0;
    return new WatchEvent(viewer, room.id(), ts, 60 + rnd.nextInt(1500), rnd.nextInt(20), rnd.nextInt(3), 0,
        rnd.nextDouble() < 0.05 ? 1 : 0, orders);
  }
}
