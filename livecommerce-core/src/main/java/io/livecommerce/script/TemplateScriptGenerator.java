package io.livecommerce.script;

import io.livecommerce.compliance.ComplianceChecker;
import io.livecommerce.domain.Product;
import io.livecommerce.domain.Promotion;
import io.livecommerce.internal.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The offline script generator: composes a complete script from the product's attributes, category phrase banks
 * (Chinese and English), the promotion and the anchor's style. Deterministic (the same request gives the same
 * script) and needs no network.
 *
 * <p>It never emits a compliance violation: the phrase banks are written to be clean, and any violation carried in
 * from the request's own text (a product title saying 全网最低, say) is rewritten with the checker's suggestion
 * before the script is returned.
 *
 * <p>Immutable and thread-safe.
 */
public final class TemplateScriptGenerator implements ScriptGenerator {

  private final ComplianceChecker checker;

  private TemplateScriptGenerator(ComplianceChecker checker) {
    this.checker = checker;
  }

  /** A generator that checks with the bundled rules. */
  public static TemplateScriptGenerator create() {
    return new TemplateScriptGenerator(ComplianceChecker.bundled());
  }

  /** A generator that checks with {@code checker}. */
  public static TemplateScriptGenerator withChecker(ComplianceChecker checker) {
    return new TemplateScriptGenerator(Checks.notNull(checker, "checker"));
  }

  @Override
  public LiveScript generate(ScriptRequest request) {
    Checks.notNull(request, "request");
    boolean zh = request.language() == Language.ZH;
    Bank bank = zh ? Bank.ZH : Bank.EN;
    boolean energetic = energetic(request);
    List<Product> products = request.products();
    int n = products.size();
    List<Part> parts = new ArrayList<>();
    Product first = products.get(0);
    String anchor = request.anchor().name();
    parts.add(new Part(SegmentKind.OPENING, 0.10,
        fill(pick(energetic ? bank.openingEnergetic : bank.openingCalm, first.id(), 0), first, request, anchor)));
    for (int i = 0; i < n; i++) {
      Product p = products.get(i);
      String[] phrases = bank.categoryPhrases(p.category());
      parts.add(new Part(SegmentKind.PRODUCT_PITCH, 0.18 / n, fill(pick(bank.pitch, p.id(), 1), p, request, anchor)
          + " " + attributes(p, zh)));
      parts.add(new Part(SegmentKind.SELLING_POINTS, 0.25 / n,
          fill(pick(phrases, p.id(), 2), p, request, anchor) + " " + fill(pick(phrases, p.id(), 3), p, request,
              anchor)));
    }
    parts.add(new Part(SegmentKind.INTERACTION, 0.10,
        fill(pick(bank.interaction, first.id(), 4), first, request, anchor)));
    request.promotionIfAny().ifPresent(promo -> parts.add(new Part(SegmentKind.PROMOTION, 0.15,
        promotion(promo, zh))));
    parts.add(new Part(SegmentKind.CALL_TO_ACTION, 0.12,
        fill(pick(energetic ? bank.ctaEnergetic : bank.ctaCalm, first.id(), 5), first, request, anchor)));
    parts.add(new Part(SegmentKind.CLOSING, 0.08, fill(pick(bank.closing, first.id(), 6), first, request, anchor)));

    double total = parts.stream().mapToDouble(Part::share).sum();
    List<ScriptSegment> segments = new ArrayList<>();
    for (Part part : parts) {
      int seconds = Math.max(5, (int) Math.round(request.targetSeconds() * part.share / total));
      String text = clean(part.text).strip();
      if (!text.isEmpty()) { // a segment made only of the caller's non-compliant text has nothing left to say
        segments.add(new ScriptSegment(part.kind, text, seconds));
      }
    }
    return LiveScript.checked(request.language(), segments, checker, request);
  }

  /** Rewrites any violation the request's own text carried in; the checker guarantees a clean result. */
  private String clean(String text) {
    return checker.rewrite(text);
  }

  private static boolean energetic(ScriptRequest r) {
    String s = (r.style() + " " + r.anchor().persona()).toLowerCase(Locale.ROOT);
    if (s.contains("专业") || s.contains("测评") || s.contains("温柔") || s.contains("calm")
        || s.contains("professional")) {
      return false;
    }
    return true;
  }

  private static String promotion(Promotion p, boolean zh) {
    int pct = (int) Math.round(p.discountDepth() * 100);
    long minutes = Math.max(1, p.durationSeconds() / 60);
    if (zh) {
      String frame = switch (p.type()) {
        case COUPON -> "直播间专属优惠券已经上架，";
        case FLASH_SALE -> "接下来是限时秒杀环节，";
        case GIFT -> "今天下单还有赠品，";
        case BUNDLE -> "组合装更划得来，";
        case FULL_REDUCTION -> "今天有满减活动，";
        case LOTTERY -> "福袋抽奖马上开始，";
      };
      boolean saysDepth = p.description().contains("%") || p.description().contains("折");
      return frame + p.description() + (pct > 0 && !saysDepth ? "，相当于优惠" + pct + "%" : "") + "，活动持续约" + minutes
          + "分钟，具体以页面为准。";
    }
    String frame = switch (p.type()) {
      case COUPON -> "Your in-stream coupon is live: ";
      case FLASH_SALE -> "Flash sale time: ";
      case GIFT -> "Order today and a gift comes with it: ";
      case BUNDLE -> "The bundle saves you more: ";
      case FULL_REDUCTION -> "Spend-and-save is on: ";
      case LOTTERY -> "The lucky draw starts now: ";
    };
    return frame + p.description() + (pct > 0 && !p.description().contains("%") ? " (about " + pct + "% off)" : "")
        + ", running for about "
        + minutes + " minutes; the product page has the details.";
  }

  private static String attributes(Product p, boolean zh) {
    if (p.attributes().isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder(zh ? "规格参数：" : "Details: ");
    new java.util.TreeMap<>(p.attributes()).forEach((k, v) -> sb.append(k).append(zh ? " " : ": ").append(v)
        .append(zh ? "，" : "; "));
    sb.setLength(sb.length() - (zh ? 1 : 2));
    return sb.append(zh ? "。" : ".").toString();
  }

  private static String fill(String template, Product p, ScriptRequest r, String anchor) {
    boolean zh = r.language() == Language.ZH;
    if (!r.mentionPrices()) {
      template = withoutPriceClause(template);
    }
    String audience = r.audience().isEmpty() ? (zh ? "家人们" : "everyone") : r.audience();
    return template.replace("{title}", p.title())
        .replace("{brand}", p.brand().isEmpty() ? (zh ? "这个牌子" : "this brand") : p.brand())
        .replace("{category}", p.category().isEmpty() ? (zh ? "好物" : "pick") : p.category())
        .replace("{price}", String.format(Locale.ROOT, "%.2f", p.price()))
        .replace("{anchor}", anchor)
        .replace("{audience}", audience)
        .replace("{description}", p.description().isEmpty() ? p.title() : p.description());
  }

  /** Drops the clause that states the price (，直播间价{price}元 / , at {price}), keeping the sentence around it. */
  static String withoutPriceClause(String template) {
    int at = template.indexOf("{price}");
    if (at < 0) {
      return template;
    }
    int start = 0;
    boolean wholeSentence = true; // no comma before the price: the sentence goes, with its full stop
    for (String mark : new String[] {"，", ",", "。", ". "}) {
      int i = template.lastIndexOf(mark, at);
      boolean sentenceEnd = mark.equals("。") || mark.equals(". ");
      int from = i < 0 ? 0 : sentenceEnd ? i + 1 : i;
      if (i >= 0 && from >= start) {
        start = from;
        wholeSentence = sentenceEnd;
      }
    }
    int end = template.length();
    for (String mark : new String[] {"。", ".", "，"}) {
      int i = template.indexOf(mark, at);
      if (i >= 0 && i < end) {
        end = wholeSentence && !mark.equals("，") ? i + 1 : i;
      }
    }
    String out = template.substring(0, start) + template.substring(end);
    return withoutPriceClause(out);
  }

  /** A stable choice: the same product and slot always pick the same phrase. */
  private static String pick(String[] options, String key, int slot) {
    int h = (key + "#" + slot).hashCode();
    return options[Math.floorMod(h, options.length)];
  }

  private record Part(SegmentKind kind, double share, String text) {}

  /** Phrase banks for one language. */
  private record Bank(String[] openingEnergetic, String[] openingCalm, String[] pitch, String[] interaction,
      String[] ctaEnergetic, String[] ctaCalm, String[] closing, Map<String, String[]> categories,
      String[] general) {

    String[] categoryPhrases(String category) {
      for (Map.Entry<String, String[]> e : categories.entrySet()) {
        if (category.contains(e.getKey())) {
          return e.getValue();
        }
      }
      return general;
    }

    static final Bank ZH = new Bank(
        new String[] {"欢迎来到直播间的{audience}！我是{anchor}，今天给大家带来一波好物，先点个关注不迷路！",
            "{audience}晚上好！{anchor}来啦，今天的福利一个接一个，新来的宝宝先点亮粉丝灯牌！",
            "哈喽{audience}！我是{anchor}，刚进来的朋友别走开，今天这几款我自己都在用。"},
        new String[] {"大家好，我是{anchor}，今天和{audience}细细聊几款我认真用过的产品。",
            "欢迎{audience}，我是{anchor}。今天不赶时间，咱们把每个细节都讲清楚。"},
        new String[] {"先来看今天的第一款：{title}，来自{brand}，直播间价{price}元。",
            "这款是{brand}的{title}，{description}，今天在直播间{price}元就能带走。",
            "给大家介绍{title}。{description}，价格是{price}元。"},
        new String[] {"用过同类{category}的宝宝在评论区扣1，没用过的扣2，我看看大家的情况。",
            "大家平时买{category}最在意什么？打在公屏上，我一个个回答。",
            "有问题的宝宝直接在评论区问，尺码、用法、发货时间我都给大家讲清楚。"},
        new String[] {"想要的{audience}点击下方小黄车，{title}已经上架了，拍下就给大家安排发货！",
            "链接已经挂上了，喜欢的宝宝点小黄车，下单之后记得在评论区说一声！"},
        new String[] {"需要的朋友可以点击下方链接了解详情，按需购买，理性消费。",
            "链接在下方购物车里，大家对照自己的需求再决定，有疑问随时问我。"},
        new String[] {"今天就先聊到这里，感谢{audience}的陪伴，点个关注，下次开播第一时间提醒你！",
            "谢谢大家今天的支持，没抢到的宝宝关注一下，下一场我们还有更多好物。"},
        Map.of(
            "美妆", new String[] {"上脸很服帖，不卡粉，通勤妆也能轻松搞定。", "颜色日常好驾驭，素颜涂也很提气色。",
                "质地轻薄，叠涂也不厚重，补妆方便。", "小巧好携带，放在包里随时补妆。"},
            "护肤", new String[] {"质地很好推开，吸收快，用完皮肤水润不黏腻。", "成分温和，敏感肌的朋友也可以先小范围试用。",
                "秋冬干燥的时候用来打底，脸上舒服很多。", "按压式包装，用量好控制，也更卫生。"},
            "食品", new String[] {"独立小包装，上班带着、追剧的时候吃都方便。", "口感很好，甜度刚刚好，不腻口。",
                "配料表干净，老人孩子都能吃。", "保质期长，囤一点放家里很安心。"},
            "零食", new String[] {"独立小包装，上班带着、追剧的时候吃都方便。", "口感酥脆，一口接一口停不下来。",
                "配料表干净，老人孩子都能吃。", "分享装分量足，朋友聚会拿出来很体面。"},
            "数码", new String[] {"续航很稳，一天的通勤和工作都够用。", "连接稳定，开盖就能用，老人也会操作。",
                "做工扎实，细节处理得很好，拿在手里质感不错。", "售后有保障，用着放心。"},
            "家居", new String[] {"收纳之后家里一下子整齐了很多。", "材质结实耐用，清洁起来也方便。",
                "尺寸设计得很贴心，小户型也放得下。", "颜色百搭，放在哪个房间都好看。"},
            "母婴", new String[] {"材质柔软亲肤，宝宝用着更舒服。", "设计细节很用心，宝妈单手就能操作。",
                "通过了相关检测，给宝宝用更放心。", "出门带着方便，轻巧不占地方。"},
            "服饰", new String[] {"版型很显瘦，上身效果特别利落。", "面料亲肤透气，穿一整天也舒服。",
                "颜色百搭，搭牛仔裤、半身裙都好看。", "做工细致，走线整齐，经得起机洗。"},
            "茶", new String[] {"茶汤清亮，入口顺滑，回甘明显。", "冲泡方便，办公室也能随手来一杯。",
                "包装大方，自己喝、送长辈都合适。", "香气很足，开袋就能闻到。"}),
        new String[] {"品质很扎实，细节经得起看。", "日常用起来很顺手，性价比很高。", "很多回头客都回来复购了。",
            "包装用心，收到就能直接用。"});

    static final Bank EN = new Bank(
        new String[] {"Welcome in, {audience}! I'm {anchor} and we've got great picks tonight, so hit follow!",
            "Hey {audience}, {anchor} here! New faces, say hi in the chat, the good stuff starts now."},
        new String[] {"Hi {audience}, I'm {anchor}. Tonight we'll take our time with a few things I really use.",
            "Welcome, {audience}. I'm {anchor}, and I'll walk you through every detail."},
        new String[] {"First up: {title} from {brand}, {price} in this stream.",
            "Meet {title} by {brand}. {description}. It's {price} here today.",
            "Let me show you {title}. {description}, at {price}."},
        new String[] {"Type 1 if you've tried a {category} like this, 2 if it's new to you.",
            "What matters most to you in a {category}? Drop it in the chat and I'll answer.",
            "Questions about size, use or shipping? Ask away, I'm reading the chat."},
        new String[] {"Tap the cart below, {title} is live now and ships right after you order!",
            "The link is up, tap the cart and tell me in the chat once you've ordered!"},
        new String[] {"If it fits your needs, the link is in the cart below; take your time to decide.",
            "You'll find it in the cart below. Check it against what you need, and ask me anything."},
        new String[] {"That's it for today, thanks for hanging out, {audience}! Follow so you catch the next stream.",
            "Thanks for your support tonight. Follow along, more good finds next time."},
        Map.of(
            "美妆", new String[] {"It blends smoothly and stays put through the day.", "The shades are easy to wear.",
                "Light texture that layers without caking.", "Small enough to keep in any bag."},
            "护肤", new String[] {"It spreads easily and sinks in fast, no sticky feel.",
                "A gentle formula; sensitive skin can patch-test first.", "Great as a base on dry winter days.",
                "The pump keeps it clean and easy to dose."},
            "数码", new String[] {"Battery life easily covers a full day.", "Pairs instantly and stays connected.",
                "Solid build with nice details.", "Backed by a proper warranty."},
            "服饰", new String[] {"The cut is flattering and clean.", "Soft, breathable fabric for all-day wear.",
                "Goes with jeans or skirts.", "Neat stitching that survives the washing machine."},
            "零食", new String[] {"Individually wrapped, easy to take anywhere.", "Crunchy and hard to stop eating.",
                "A short, clean ingredient list.", "A generous sharing pack."}),
        new String[] {"Solid quality in every detail.", "Easy to use every day and great value.",
            "Lots of customers come back for more.", "Thoughtfully packed and ready to use."});
  }

  @Override
  public String toString() {
    return "TemplateScriptGenerator{" + checker + "}";
  }
}
