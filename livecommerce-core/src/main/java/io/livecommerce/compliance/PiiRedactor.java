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
 * Replaces personal data with placeholders before text leaves the process: mainland mobile numbers, resident ID
 * numbers (check digit verified), bank card numbers (Luhn verified), e-mail addresses, and street addresses. The
 * same value gets the same placeholder within one text, so a model can still refer to it.
 *
 * <p>Detection favours precision: an 18-digit number with a wrong check digit is not an ID, a 16-digit number that
 * fails Luhn is not a card. Addresses are matched by their structure (…路12号3栋), not by a gazetteer, so unusual
 * addresses can slip through.
 *
 * <p>Immutable and thread-safe.
 */
public final class PiiRedactor {

  private static final Pattern ID = Pattern.compile("(?<![0-9A-Za-z])[1-9]\\d{5}(18|19|20)\\d{2}(0[1-9]|1[0-2])"
      + "(0[1-9]|[12]\\d|3[01])\\d{3}[0-9Xx](?![0-9A-Za-z])");
  private static final Pattern CARD = Pattern.compile("(?<![0-9])(\\d{4}[ -]?){3}\\d{1,7}(?![0-9])");
  private static final Pattern PHONE = Pattern.compile("(?<![0-9])(\\+?86[ -]?)?1[3-9]\\d[ -]?\\d{4}[ -]?\\d{4}(?![0-9])");
  private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
  private static final Pattern ADDRESS = Pattern.compile(
      "([\\u4e00-\\u9fa5]{2,8}(省|自治区|市))?([\\u4e00-\\u9fa5]{2,8}(市|区|县|镇))*"
          + "[\\u4e00-\\u9fa5A-Za-z0-9]{1,12}(路|街|大道|大街|巷|弄|胡同)\\d{1,5}号"
          + "(\\d{1,4}(栋|幢|号楼|楼|单元|室|层))*");

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
    List<int[]> spans = new ArrayList<>();
    List<String> kinds = new ArrayList<>();
    // Most specific first; later kinds skip spans already taken.
    find(text, ID, "ID", spans, kinds, PiiRedactor::validId);
    find(text, EMAIL, "EMAIL", spans, kinds, s -> true);
    find(text, PHONE, "PHONE", spans, kinds, s -> true);
    find(text, CARD, "CARD", spans, kinds, PiiRedactor::luhn);
    find(text, ADDRESS, "ADDRESS", spans, kinds, s -> true);
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < spans.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparingInt(i -> spans.get(i)[0]));
    Map<String, String> byValue = new LinkedHashMap<>();
    Map<String, Integer> counters = new LinkedHashMap<>();
    Map<String, String> originals = new LinkedHashMap<>();
    StringBuilder sb = new StringBuilder();
    int pos = 0;
    for (int i : order) {
      int[] span = spans.get(i);
      String value = text.substring(span[0], span[1]);
      String placeholder = byValue.computeIfAbsent(kinds.get(i) + "\u0000" + value, k -> {
        int n = counters.merge(kinds.get(i), 1, Integer::sum);
        return "[" + kinds.get(i) + "_" + n + "]";
      });
      originals.put(placeholder, value);
      sb.append(text, pos, span[0]).append(placeholder);
      pos = span[1];
    }
    sb.append(text.substring(pos));
    return new Redaction(sb.toString(), originals);
  }

  private static void find(String text, Pattern p, String kind, List<int[]> spans, List<String> kinds,
      java.util.function.Predicate<String> valid) {
    Matcher m = p.matcher(text);
    while (m.find()) {
      int s = m.start();
      int e = m.end();
      boolean overlaps = false;
      for (int[] span : spans) {
        if (s < span[1] && e > span[0]) {
          overlaps = true;
          break;
        }
      }
      if (!overlaps && valid.test(m.group())) {
        spans.add(new int[] {s, e});
        kinds.add(kind);
      }
    }
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
    String digits = s.replaceAll("[ -]", "");
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
    return "PiiRedactor{phone, resident-id, bank-card, email, address}";
  }
}
