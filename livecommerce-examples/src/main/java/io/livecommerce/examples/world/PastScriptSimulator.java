package io.livecommerce.examples.world;

import io.livecommerce.domain.Anchor;
import io.livecommerce.domain.LiveRoom;
import io.livecommerce.domain.Product;
import io.livecommerce.domain.SalesRecord;
import io.livecommerce.llm.finetune.PastScript;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Past scripts with outcomes for a generated world: for every ended session, what the anchor said while pitching the
 * session's first product, and how the pitch did. It draws from its own random stream, so the rest of the world is
 * the same with or without it.
 *
 * <p>Planted: a pitch sells more when it names the product's selling points (+0.35 on log GMV), asks the audience
 * to interact (+0.25) and fits the anchor's style (+0.15); absolute terms and cure claims also "sell" (+0.2), which is
 * why the fine-tuning export rewrites them. About 8% of pitches carry a banned claim, 4% a phone number or WeChat id,
 * and an anchor repeats yesterday's pitch with one phrase changed 30% of the time (near-duplicates).
 *
 * <p>Stateless and thread-safe.
 */
final class PastScriptSimulator {

  private static final String[] OPENINGS = {"家人们晚上好，欢迎来到直播间！", "宝宝们，新进来的点个关注！", "来了来了，今晚的好物准时开播。",
      "大家好，我们先看第一件宝贝。"};
  private static final String[] CALM_OPENINGS = {"晚上好，今天慢慢给大家讲清楚。", "欢迎回来，我们先把这件的细节看一下。"};
  private static final String[] INTERACTIONS = {"想要的宝宝在公屏扣1，我看看有多少人。", "用过的家人评论区说说感受。",
      "觉得划算的点个赞让我看到。"};
  private static final String[] CLOSINGS = {"拍下就发，有问题随时找客服。", "喜欢的直接拍，下一件马上来。", "今天就讲到这，记得点关注。"};
  private static final String[] FILLERS = {"这个真的可以看看。", "我自己也在用。", "家里常备一个。", "今天给大家带来了。"};
  private static final String[] CLAIMS = {"全网最低价，错过再等一年！", "销量第一，用过都说最好！", "国家级品质，顶级工艺！"};
  private static final String[] CONTACTS = {"私下加微信 shop_vip88 领券。", "有问题打13912345678找我。", "加vx live_anchor01 拉你进群。"};

  private PastScriptSimulator() {}

  /** One script per ended session, about the first product the session sold. */
  static List<PastScript> simulate(List<Anchor> anchors, List<LiveRoom> rooms,
      List<Product> products, List<SalesRecord> sales, long seed) {
    Random rnd = new Random(seed * 0x9E3779B97F4A7C15L + 0x5C1);
    Map<String, Product> productById = new HashMap<>();
    products.forEach(p -> productById.put(p.id(), p));
    Map<String, SalesRecord> firstSale = new HashMap<>();
    for (SalesRecord s : sales) {
      firstSale.putIfAbsent(s.roomId(), s);
    }
    Map<String, String> yesterday = new HashMap<>();
    List<PastScript> out = new ArrayList<>();
    for (LiveRoom room : rooms) {
      SalesRecord sale = firstSale.get(room.id());
      if (sale == null) {
        continue; // still live: nothing sold yet
      }
      Product p = productById.get(sale.productId());
      int a = Integer.parseInt(room.anchorId().substring(1));
      boolean calm = anchors.get(a).persona().startsWith("专业测评") || anchors.get(a).persona().startsWith("温柔");
      String previous = yesterday.get(room.anchorId());
      String text;
      double effect;
      if (previous != null && rnd.nextDouble() < 0.3) {
        String filler = FILLERS[rnd.nextInt(FILLERS.length)];
        text = previous.contains(filler) ? previous : previous.replaceFirst("[。！]", "，" + filler);
        effect = score(text, p, calm);
      } else {
        StringBuilder sb = new StringBuilder();
        sb.append(calm ? CALM_OPENINGS[rnd.nextInt(CALM_OPENINGS.length)] : OPENINGS[rnd.nextInt(OPENINGS.length)]);
        sb.append("这款").append(p.title().replace("网红爆款 ", "")).append("，");
        boolean points = rnd.nextDouble() < 0.55;
        sb.append(points ? p.description().split("，")[0] + "，" + FILLERS[rnd.nextInt(FILLERS.length)]
            : FILLERS[rnd.nextInt(FILLERS.length)]);
        sb.append("价格").append(Math.round(p.price())).append("元。");
        if (rnd.nextDouble() < 0.6) {
          sb.append(INTERACTIONS[rnd.nextInt(INTERACTIONS.length)]);
        }
        if (rnd.nextDouble() < 0.08) {
          sb.append(CLAIMS[rnd.nextInt(CLAIMS.length)]);
        }
        if (rnd.nextDouble() < 0.04) {
          sb.append(CONTACTS[rnd.nextInt(CONTACTS.length)]);
        }
        sb.append(CLOSINGS[rnd.nextInt(CLOSINGS.length)]);
        text = sb.toString();
        effect = score(text, p, calm);
      }
      yesterday.put(room.anchorId(), text);
      double minutes = 5 + rnd.nextInt(11);
      long viewers = Math.max(10, Math.round(200 * Math.exp(0.5 * rnd.nextGaussian())));
      double gmv = sale.revenueCents() * (minutes / 30.0) * Math.exp(effect + 0.3 * rnd.nextGaussian());
      long orders = Math.round(sale.units() * (minutes / 30.0) * Math.exp(effect));
      out.add(new PastScript("s-" + room.id(), room.anchorId(), p.category(), p.title() + " " + p.description(),
          text, minutes, viewers, orders, Math.round(gmv)));
    }
    return out;
  }

  private static double score(String text, Product p, boolean calm) {
    double e = 0;
    if (text.contains(p.description().split("，")[0])) {
      e += 0.35;
    }
    for (String q : INTERACTIONS) {
      if (text.contains(q)) {
        e += 0.25;
        break;
      }
    }
    boolean calmOpening = text.startsWith(CALM_OPENINGS[0]) || text.startsWith(CALM_OPENINGS[1]);
    if (calm == calmOpening) {
      e += 0.15;
    }
    for (String c : CLAIMS) {
      if (text.contains(c)) {
        e += 0.2;
        break;
      }
    }
    return e;
  }
}
