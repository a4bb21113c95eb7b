package io.livecommerce.script;

import io.livecommerce.compliance.ComplianceCategory;
import io.livecommerce.compliance.ComplianceFinding;
import io.livecommerce.compliance.Severity;
import io.livecommerce.domain.Product;
import io.livecommerce.domain.Promotion;
import io.livecommerce.internal.Checks;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that the facts a script states come from its request: a price, discount, stock count or date that the
 * request does not give is a finding, because a wrong price on air is a legal problem of its own (价格法, 明码标价和禁止
 * 价格欺诈规定, 反不正当竞争法's 虚假宣传), however fluent the model that wrote it.
 *
 * <p>Allowed: the products' prices (when the request lets prices be stated), each less any amount named in the
 * promotion and times one minus its discount depth; every number written in the promotion's own description; the
 * discount as 折 or per cent. Stock counts and calendar dates are never in a request, so a script that states one
 * has made it up, unless the promotion's description says it.
 *
 * <p>Stateless and thread-safe.
 */
public final class ScriptFacts {

  /** The law behind every finding here. */
  public static final String LEGAL_BASIS = "《价格法》第十四条、《明码标价和禁止价格欺诈规定》第十九条；《反不正当竞争法》第八条（虚假宣传）";

  private static final Pattern PRICE = Pattern.compile(
      "[¥￥]\\s*(\\d+(?:\\.\\d{1,2})?)|(\\d+(?:\\.\\d{1,2})?)\\s*(?:元|块钱|yuan|RMB)", Pattern.CASE_INSENSITIVE);
  private static final Pattern ZHE = Pattern.compile("(\\d+(?:\\.\\d)?)\\s*折");
  // Only a discount: "100%纯棉" and "99%的用户" are claims of another kind.
  private static final Pattern PERCENT = Pattern.compile(
      "(\\d+(?:\\.\\d+)?)\\s*%\\s*(?:off|的?优惠|折扣)|(?:优惠|折扣|省|直降|立减)\\s*(\\d+(?:\\.\\d+)?)\\s*%",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern STOCK = Pattern.compile(
      "(?:仅剩|只剩|还剩|库存|限量|最后)\\s*(\\d+)\\s*(?:件|单|份|台|个|瓶|盒|套)|only\\s+(\\d+)\\s+left",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern DATE = Pattern.compile(
      "\\d{1,2}\\s*月\\s*\\d{1,2}\\s*[日号]|\\d{4}\\s*[-/.年]\\s*\\d{1,2}\\s*[-/.月]\\s*\\d{1,2}");
  private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");

  private ScriptFacts() {}

  /**
   * The facts in {@code text} that {@code request} does not give, as findings of
   * {@link ComplianceCategory#FACT_MISMATCH}, in text order.
   *
   * @throws IllegalArgumentException if an argument is null
   */
  public static List<ComplianceFinding> check(String text, ScriptRequest request) {
    Checks.notNull(text, "text");
    Checks.notNull(request, "request");
    Promotion promo = request.promotion();
    String promoText = promo == null ? "" : promo.description();
    List<BigDecimal> promoNumbers = numbers(promoText);
    List<BigDecimal> prices = new ArrayList<>();
    if (request.mentionPrices()) {
      for (Product p : request.products()) {
        BigDecimal price = BigDecimal.valueOf(p.priceCents(), 2);
        prices.add(price);
        for (BigDecimal off : promoNumbers) {
          prices.add(price.subtract(off));
        }
        if (promo != null && promo.discountDepth() > 0) {
          prices.add(price.multiply(BigDecimal.valueOf(1 - promo.discountDepth())));
        }
      }
    }
    List<ComplianceFinding> out = new ArrayList<>();
    Matcher m = PRICE.matcher(text);
    while (m.find()) {
      BigDecimal value = new BigDecimal(m.group(1) != null ? m.group(1) : m.group(2));
      if (!near(value, prices) && !near(value, promoNumbers)) {
        String suggestion = request.mentionPrices() && request.products().size() == 1
            ? m.group().replace(m.group(1) != null ? m.group(1) : m.group(2),
                plain(BigDecimal.valueOf(request.products().get(0).priceCents(), 2)))
            : "";
        out.add(finding("fact-price", m, suggestion));
      }
    }
    double depth = promo == null ? 0 : promo.discountDepth();
    Matcher z = ZHE.matcher(text);
    while (z.find()) {
      BigDecimal value = new BigDecimal(z.group(1));
      boolean ok = near(value, promoNumbers)
          || (depth > 0 && near(value, List.of(BigDecimal.valueOf(10 * (1 - depth)))));
      if (!ok) {
        out.add(finding("fact-discount", z, ""));
      }
    }
    Matcher pc = PERCENT.matcher(text);
    while (pc.find()) {
      BigDecimal value = new BigDecimal(pc.group(1) != null ? pc.group(1) : pc.group(2));
      boolean ok = near(value, promoNumbers) || (depth > 0 && near(value, List.of(BigDecimal.valueOf(100 * depth))));
      if (!ok) {
        out.add(finding("fact-discount", pc, ""));
      }
    }
    Matcher s = STOCK.matcher(text);
    while (s.find()) {
      if (!promoText.contains(s.group())) {
        out.add(finding("fact-stock", s, ""));
      }
    }
    Matcher d = DATE.matcher(text);
    while (d.find()) {
      if (!promoText.contains(d.group())) {
        out.add(finding("fact-date", d, ""));
      }
    }
    out.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start())
        : a.ruleId().compareTo(b.ruleId()));
    return List.copyOf(out);
  }

  private static ComplianceFinding finding(String rule, Matcher m, String suggestion) {
    return new ComplianceFinding(rule, ComplianceCategory.FACT_MISMATCH, Severity.HIGH, LEGAL_BASIS, m.start(),
        m.end(), m.group(), suggestion);
  }

  private static List<BigDecimal> numbers(String s) {
    List<BigDecimal> out = new ArrayList<>();
    Matcher m = NUMBER.matcher(s);
    while (m.find()) {
      out.add(new BigDecimal(m.group()));
    }
    return out;
  }

  /** Within half a cent (or a tenth of a 折) of one of {@code allowed}. */
  private static boolean near(BigDecimal value, List<BigDecimal> allowed) {
    for (BigDecimal a : allowed) {
      if (value.subtract(a).abs().compareTo(new BigDecimal("0.005")) <= 0) {
        return true;
      }
    }
    return false;
  }

  private static String plain(BigDecimal price) {
    return price.stripTrailingZeros().toPlainString().toLowerCase(Locale.ROOT);
  }
}
