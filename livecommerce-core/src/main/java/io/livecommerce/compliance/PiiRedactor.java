package io.livecommerce.compliance;

import io.livecommerce.internal.Checks;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces personal data with placeholders before text leaves the process: phone numbers (mainland mobiles in any
 * grouping, with +86 or brackets, or written in Chinese numerals such as 一三八 / 幺三八 / 壹叁捌; mainland landlines with
 * their area code; Hong Kong and Taiwan numbers), resident ID numbers (check digit verified, also grouped or with a
 * lowercase x; the old 15-digit form after an ID word), passport and travel-permit numbers after their words, bank card
 * numbers, e-mail addresses (also written "at"/"dot", with #, (at) or a Chinese full stop), WeChat and QQ ids (also
 * 企鹅号, Q：, ➕V：), names after 收件人/收货人/联系人, licence plates, and street addresses with building, unit and
 * room. Tracking, order and product numbers (after 快递单号, 运单号, 订单号, 编号, 型号) are left alone. The same value
 * gets the same placeholder within one text, so a model can still refer to it.
 *
 * <p>Detection favours precision: an 18-digit number with a wrong check digit is not an ID. A card is 13 to 19
 * digits in any grouping that passes Luhn <em>and</em> either stands after a card word (卡号, 银行卡, 信用卡, card) or
 * is grouped the way cards are printed (4-4-4-4, 4-4-4-4-3, 4-6-5): about one in ten arbitrary numbers passes Luhn,
 * so order numbers, millisecond timestamps and EAN barcodes are left alone. WeChat and QQ ids are redacted only
 * after their context words (微信, VX, wx, QQ). Full-width digits, letters and ＠ are read as their ASCII forms.
 * Addresses are matched by their structure (…路12号3栋), not by a gazetteer, so unusual addresses can slip through;
 * a span starts after lead-in words such as 寄到 or 我家住在.
 *
 * <p>Immutable and thread-safe.
 */
public final class PiiRedactor {

  private static final Pattern ID = Pattern.compile("(?<![0-9A-Za-z])[1-9]\\d{5}(18|19|20)\\d{2}(0[1-9]|1[0-2])"
      + "(0[1-9]|[12]\\d|3[01])\\d{3}[0-9Xx](?![0-9A-Za-z])");
  /** 18 digits with the groupings people type (110105-19491231-002X, 110105 1949 1231 002X). */
  private static final Pattern ID_GROUPED = Pattern.compile("(?<![0-9A-Za-z])\\d{6}[ -]?\\d{4}[ -]?\\d{4}[ -]?\\d{3}"
      + "[0-9Xx](?![0-9A-Za-z])");
  /** The old 15-digit ID: yymmdd inside; taken only after an ID word. */
  private static final Pattern ID15 = Pattern.compile("(?<![0-9])[1-9]\\d{7}(0[1-9]|1[0-2])(0[1-9]|[12]\\d|3[01])"
      + "\\d{3}(?![0-9])");
  private static final Pattern ID_CONTEXT = Pattern.compile("(身份证|证件)[^0-9]{0,6}$");
  /** Passports and travel permits: a letter or two and 7 to 9 digits, or 8 digits, after their words only. */
  private static final Pattern TRAVEL_DOC = Pattern.compile("(?<![0-9A-Za-z])[A-Za-z]{0,2}\\d{7,9}(?![0-9A-Za-z])");
  private static final Pattern TRAVEL_CONTEXT = Pattern.compile(
      "(?i)(护照|passport|通行证|回乡证|台胞证|往来|来往)[^0-9A-Za-z]{0,6}$");
  private static final Pattern CARD = Pattern.compile("(?<![0-9])\\d(?:[ .-]?\\d){12,18}(?![0-9])");
  private static final Pattern CARD_GROUPING = Pattern.compile(
      "\\d{4}([ .-])\\d{4}\\1\\d{4}\\1\\d{4}(\\1\\d{1,3})?|\\d{4}([ .-])\\d{6}\\3\\d{4,5}");
  private static final Pattern CARD_CONTEXT = Pattern.compile(
      "(?i)(卡号|银行卡|信用卡|储蓄卡|借记卡|card|visa|mastercard|银联卡|账号|这张卡|打到|转到|转账到|汇到|收款卡|收款账户|卡上)"
          + "[^0-9]{0,6}$");
  /** Numbers that are not personal: a tracking or order number is left alone whatever its shape. */
  private static final Pattern NOT_PERSONAL = Pattern.compile("(快递单号|运单号|物流单号|订单号|单号|货号|编号|型号)"
      + "[^0-9]{0,4}$");
  /** A run of digits with the separators phone numbers are written with: spaces, dashes, dots, brackets, a plus. */
  private static final Pattern DIGIT_RUN = Pattern.compile(
      "(?<![0-9.])\\+?\\s?(?:\\(\\d{1,4}\\)|\\d)(?:[ .-]?(?:\\(\\d{1,4}\\)|\\d)){6,16}(?![0-9])");
  private static final String CN_DIGITS = "〇零一幺二两三四五六七八九壹贰叁肆伍陆柒捌玖";
  private static final Pattern CN_PHONE = Pattern.compile("[" + CN_DIGITS + "](?:[ -]?[" + CN_DIGITS + "]){10,13}");
  private static final Pattern EMAIL_OBFUSCATED = Pattern.compile(
      "(?i)[a-z0-9._%+-]+\\s*(?:@|#|\\(at\\)|\\[at\\]|\\sat\\s)\\s*[a-z0-9-]+"
          + "(?:\\s*(?:\\.|。|\\(dot\\)|\\[dot\\]|\\sdot\\s)\\s*[a-z0-9-]+)*"
          + "\\s*(?:\\.|。|\\(dot\\)|\\[dot\\]|\\sdot\\s)\\s*(?:com|cn|net|org|edu|cc|io|me|vip)(?![a-z])");
  private static final Pattern NAME = Pattern.compile("(?:收件人|收货人|联系人|姓名)\\s*[:：是]?\\s*"
      + "([\\u4e00-\\u9fa5]{2,3}?)(?=[^\\u4e00-\\u9fa5]|$|电话|手机|已|的|签|地址)");
  private static final Pattern PLATE = Pattern.compile("(?<![A-Za-z0-9])[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤"
      + "青藏川宁琼][A-HJ-NP-Z][·•\\s-]?[A-HJ-NP-Z0-9]{5,6}(?![A-Za-z0-9])");
  private static final Pattern PHONE =
      Pattern.compile("(?<![0-9])(\\+?86[ -]?)?1[3-9]\\d[ -]?\\d{4}[ -]?\\d{4}(?![0-9])");
  private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
  private static final Pattern WECHAT = Pattern.compile(
      "(?i)(?:微信号?|薇信|威信|v信|vx|wx|wechat|weixin|➕\\s*v|加\\s*v(?![a-z])|\\+\\s*v(?![a-z]))\\s*(?:号|id)?"
          + "\\s*[:：是]?\\s*([a-z][-_a-z0-9]{5,19})(?![-_a-z0-9])");
  private static final Pattern QQ = Pattern.compile(
      "(?i)(?:qq|扣扣|企鹅号?|(?<![a-z])q(?=\\s*[:：]))\\s*(?:号|号码)?\\s*[:：是]?\\s*([1-9]\\d{4,11})(?![0-9])");
  private static final Pattern ADDRESS = Pattern.compile(
      "([\\u4e00-\\u9fa5]{2,8}(省|自治区|市))?([\\u4e00-\\u9fa5]{2,8}(市|区|县|镇))*"
          + "[\\u4e00-\\u9fa5A-Za-z0-9]{1,12}(路|街|大道|大街|巷|弄|胡同)\\d{1,5}号"
          + "(\\d{1,4}(栋|幢|号楼|楼|单元|室|层|号|座)|[A-Za-z]座|\\d{1,4}(-\\d{1,4}){1,2}|\\d{3,4}(?![0-9]))*");
  /** Words that lead into an address and are not part of it. */
  private static final List<String> ADDRESS_LEAD_INS = List.of("寄到", "寄往", "寄至", "送到", "送至", "发到", "发往",
      "邮到", "住在", "家住", "住址", "地址是", "地址", "我家在", "在", "到");

  private static final PiiRedactor DEFAULT = new PiiRedactor();

  private PiiRedactor() {}

  /** The redactor. */
  public static PiiRedactor create() {
    return DEFAULT;
  }

  /**
   * Redacts {@code text}.
   *
   * @throws IllegalArgumentException if {@code text} is null
   */
  public Redaction redact(String text) {
    Checks.notNull(text, "text");
    Placeholders shared = new Placeholders(List.of(text));
    return new Redaction(redact(text, shared), shared.originals);
  }

  /**
   * Redacts each of {@code texts} on its own (no match spans two of them), with one numbering: a value in two texts
   * gets one placeholder, and no placeholder appears in any text beforehand. Each returned {@link Redaction} holds
   * the originals of all the texts, so any of them restores an answer that quotes placeholders from any text (a
   * chat model's reply to a conversation).
   *
   * @throws IllegalArgumentException if {@code texts} or one of them is null
   */
  public List<Redaction> redactAll(List<String> texts) {
    List<String> list = Checks.copyNoNulls(Checks.notNull(texts, "texts"), "texts");
    Placeholders shared = new Placeholders(list);
    List<String> redacted = new ArrayList<>();
    for (String text : list) {
      redacted.add(redact(text, shared));
    }
    List<Redaction> out = new ArrayList<>();
    for (String r : redacted) {
      out.add(new Redaction(r, shared.originals));
    }
    return List.copyOf(out);
  }

  /** The numbering shared by the texts redacted together. */
  private static final class Placeholders {
    final List<String> texts;
    final Map<String, String> byValue = new LinkedHashMap<>();
    final Map<String, Integer> counters = new LinkedHashMap<>();
    final Map<String, String> originals = new LinkedHashMap<>();

    Placeholders(List<String> texts) {
      this.texts = texts;
    }

    boolean inAnyText(String placeholder) {
      return texts.stream().anyMatch(t -> t.contains(placeholder));
    }
  }

  private String redact(String text, Placeholders shared) {
    String folded = foldWidth(text); // same length, so offsets carry over
    List<int[]> spans = new ArrayList<>();
    List<String> kinds = new ArrayList<>();
    // Most specific first; later kinds skip spans already taken.
    find(folded, ID_GROUPED, 0, "ID", spans, kinds, (s, at) -> personal(folded, at)
        && validId(s.replaceAll("[ -]", "")));
    find(folded, ID15, 0, "ID", spans, kinds, (s, at) -> before(folded, at, ID_CONTEXT));
    find(folded, TRAVEL_DOC, 0, "ID", spans, kinds, (s, at) -> before(folded, at, TRAVEL_CONTEXT));
    find(folded, EMAIL, 0, "EMAIL", spans, kinds, (s, at) -> true);
    find(folded, EMAIL_OBFUSCATED, 0, "EMAIL", spans, kinds, (s, at) -> true);
    find(folded, PHONE, 0, "PHONE", spans, kinds, (s, at) -> personal(folded, at));
    find(folded, CARD, 0, "CARD", spans, kinds, (s, at) -> personal(folded, at) && luhn(s)
        && (before(folded, at, CARD_CONTEXT) || CARD_GROUPING.matcher(s).matches()));
    find(folded, DIGIT_RUN, 0, "PHONE", spans, kinds, (s, at) -> personal(folded, at) && phoneDigits(s));
    find(folded, CN_PHONE, 0, "PHONE", spans, kinds, (s, at) -> phoneDigits(chineseDigits(s)));
    find(folded, WECHAT, 1, "WECHAT", spans, kinds, (s, at) -> true);
    find(folded, QQ, 1, "QQ", spans, kinds, (s, at) -> true);
    find(folded, NAME, 1, "NAME", spans, kinds, (s, at) -> true);
    find(folded, PLATE, 0, "PLATE", spans, kinds, (s, at) -> true);
    findAddresses(folded, spans, kinds);
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < spans.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparingInt(i -> spans.get(i)[0]));
    StringBuilder sb = new StringBuilder();
    int pos = 0;
    for (int i : order) {
      int[] span = spans.get(i);
      String value = text.substring(span[0], span[1]);
      String placeholder = shared.byValue.computeIfAbsent(kinds.get(i) + "\u0000" + value, k -> {
        String p;
        do { // a placeholder a text already contains would be "restored" too: skip it
          p = "[" + kinds.get(i) + "_" + shared.counters.merge(kinds.get(i), 1, Integer::sum) + "]";
        } while (shared.inAnyText(p));
        return p;
      });
      shared.originals.put(placeholder, value);
      sb.append(text, pos, span[0]).append(placeholder);
      pos = span[1];
    }
    sb.append(text.substring(pos));
    return sb.toString();
  }

  /** Whether the text just before {@code at} matches {@code context} (a word that says what follows). */
  private static boolean before(String text, int at, Pattern context) {
    return context.matcher(text.substring(Math.max(0, at - 12), at)).find();
  }

  /** Not a tracking, order or product number. */
  private static boolean personal(String text, int at) {
    return !before(text, at, NOT_PERSONAL);
  }

  /**
   * Whether the digits of {@code s} make a phone number: a mainland mobile (86 or 0 before it allowed), a mainland
   * landline with its area code, a Hong Kong number after 852, a Taiwan mobile after 886 or as 09xx.
   */
  static boolean phoneDigits(String s) {
    String d = s.replaceAll("[^0-9]", "");
    if (d.startsWith("86") && d.length() >= 13) {
      d = d.substring(2);
    }
    if (d.startsWith("0") && d.length() == 12 && d.charAt(1) == '1') {
      d = d.substring(1); // (0)138...
    }
    if (d.length() == 11 && d.charAt(0) == '1' && d.charAt(1) >= '3') {
      return true;
    }
    if (d.startsWith("852") && d.length() == 11 && d.charAt(3) >= '2') {
      return true;
    }
    if (d.startsWith("886") && (d.length() == 12 || d.length() == 11)) {
      return true;
    }
    if (d.startsWith("09") && d.length() == 10) {
      return true;
    }
    // A landline: 0, a two- or three-digit area code, a seven- or eight-digit number, and written with separators.
    return d.startsWith("0") && d.charAt(1) != '0' && d.length() >= 10 && d.length() <= 12 && !s.matches("\\d+");
  }

  /** Chinese numerals (一, 幺, 壹 ...) as ASCII digits; separators kept. */
  static String chineseDigits(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      int i = CN_DIGITS.indexOf(c);
      sb.append(i >= 0 ? "0011223456789123456789".charAt(i) : c);
    }
    return sb.toString();
  }

  /** Full-width ASCII forms (０-９, Ａ-Ｚ, ＠, －) and the ideographic space as ASCII, one char for one char. */
  private static String foldWidth(String s) {
    char[] cs = s.toCharArray();
    for (int i = 0; i < cs.length; i++) {
      char c = cs[i];
      if (c >= '\uFF01' && c <= '\uFF5E') {
        cs[i] = (char) (c - 0xFEE0);
      } else if (c == '\u3000') {
        cs[i] = ' ';
      }
    }
    return new String(cs);
  }

  private interface Validator {
    boolean test(String match, int start);
  }

  private static void find(String text, Pattern p, int group, String kind, List<int[]> spans, List<String> kinds,
      Validator valid) {
    Matcher m = p.matcher(text);
    while (m.find()) {
      int s = m.start(group);
      int e = m.end(group);
      if (!overlaps(spans, s, e) && valid.test(m.group(group), s)) {
        spans.add(new int[] {s, e});
        kinds.add(kind);
      }
    }
  }

  private static void findAddresses(String text, List<int[]> spans, List<String> kinds) {
    Matcher m = ADDRESS.matcher(text);
    while (m.find()) {
      int s = m.start();
      int e = m.end();
      // The structure match can reach back over the words before the address (寄到, 我家住在): start after them.
      String head = text.substring(s, e);
      int firstDigit = 0;
      while (firstDigit < head.length() && !Character.isDigit(head.charAt(firstDigit))) {
        firstDigit++;
      }
      int cut = 0;
      for (String lead : ADDRESS_LEAD_INS) {
        int i = head.lastIndexOf(lead, firstDigit - 1);
        if (i >= 0 && i + lead.length() > cut && i + lead.length() < firstDigit) {
          cut = i + lead.length();
        }
      }
      s += cut;
      if (e > s && !overlaps(spans, s, e)) {
        spans.add(new int[] {s, e});
        kinds.add("ADDRESS");
      }
    }
  }

  private static boolean overlaps(List<int[]> spans, int s, int e) {
    for (int[] span : spans) {
      if (s < span[1] && e > span[0]) {
        return true;
      }
    }
    return false;
  }

  /** GB 11643 check digit: weights 2^(17-i) mod 11, check characters "10X98765432". */
  static boolean validId(String id) {
    int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    String checks = "10X98765432";
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (id.charAt(i) - '0') * weights[i];
    }
    return Character.toUpperCase(id.charAt(17)) == checks.charAt(sum % 11);
  }

  /** The Luhn checksum over the digits, for 13 to 19 digits. */
  static boolean luhn(String s) {
    String digits = s.replaceAll("[ .-]", "");
    if (digits.length() < 13 || digits.length() > 19) {
      return false;
    }
    int sum = 0;
    boolean dbl = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (dbl) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      dbl = !dbl;
    }
    return sum % 10 == 0;
  }

  @Override
  public String toString() {
    return "PiiRedactor{phone, resident-id, bank-card, email, wechat, qq, address}";
  }
}
