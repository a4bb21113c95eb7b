package io.livecommerce.compliance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.livecommerce.internal.Checks;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Checks live-selling text against advertising-law rules (广告法): absolute terms, medical and efficacy claims, false
 * urgency, guaranteed returns and unverifiable price comparisons. Each finding gives the rule, legal basis, exact
 * character offsets, the matched text and a compliant rewrite.
 *
 * <p>Precision matters as much as recall (a checker that flags every 最 gets switched off): rules list neutral
 * phrases such as 最近, 最后一步, 第一次, 唯一的缺点 that contain a term but do not violate it, and rankings are
 * matched as claims (销量第一, 第一名), not as every 第一. When matches overlap, the longest one is reported.
 *
 * <pre>{@code
 * ComplianceChecker checker = ComplianceChecker.bundled();
 * ComplianceReport r = checker.check("全网最低价，销量第一！");
 * r.findings();      // 全网最低 (absolute-superlative) at [0, 4), 销量第一 at [6, 10)
 * r.rewritten();     // "直播间优惠价，深受欢迎！"
 * }</pre>
 *
 * <p>Rules come from the bundled JSON resource {@code io/livecommerce/compliance/rules.json}; load your own with
 * {@link #fromJson} to extend or replace them. Immutable and thread-safe.
 */
public final class ComplianceChecker {

  private static final String BUNDLED = "/io/livecommerce/compliance/rules.json";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static volatile ComplianceChecker bundled;

  private final List<ComplianceRule> rules;

  private ComplianceChecker(List<ComplianceRule> rules) {
    this.rules = List.copyOf(rules);
  }

  /** The checker with the bundled rules. Loaded once. */
  public static ComplianceChecker bundled() {
    ComplianceChecker c = bundled;
    if (c == null) {
      synchronized (ComplianceChecker.class) {
        c = bundled;
        if (c == null) {
          try (InputStream in = ComplianceChecker.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
              throw new IllegalStateException("bundled rules " + BUNDLED + " are missing from the class path");
            }
            c = new ComplianceChecker(parse(in, BUNDLED));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          bundled = c;
        }
      }
    }
    return c;
  }

  /** A checker with exactly these rules. */
  public static ComplianceChecker of(List<ComplianceRule> rules) {
    return new ComplianceChecker(Checks.copyNoNulls(Checks.notNull(rules, "rules"), "rules"));
  }

  /**
   * Reads rules in the bundled format: {@code {"rules": [{"id", "category", "severity", "basis", "terms",
   * "regex", "allow", "suggestions", "suggestion"}]}}.
   *
   * @param source a name for error messages (a file name)
   * @throws IllegalArgumentException if the JSON is malformed or a rule is invalid; the message names the rule
   */
  public static List<ComplianceRule> fromJson(InputStream in, String source) throws IOException {
    Checks.notNull(in, "in");
    return parse(in, Checks.notBlank(source, "source"));
  }

  /** A checker with this checker's rules followed by {@code more}. */
  public ComplianceChecker withRules(List<ComplianceRule> more) {
    List<ComplianceRule> all = new ArrayList<>(rules);
    all.addAll(Checks.copyNoNulls(Checks.notNull(more, "more"), "more"));
    return new ComplianceChecker(all);
  }

  /** The rules, in order. */
  public List<ComplianceRule> rules() {
    return rules;
  }

  /**
   * Checks a text.
   *
   * @throws IllegalArgumentException if {@code text} is null
   */
  public ComplianceReport check(String text) {
    Checks.notNull(text, "text");
    List<ComplianceFinding> raw = new ArrayList<>();
    String lower = text.toLowerCase(Locale.ROOT);
    for (ComplianceRule rule : rules) {
      List<int[]> allowed = new ArrayList<>();
      for (String a : rule.allow()) {
        for (int i = text.indexOf(a); i >= 0; i = text.indexOf(a, i + 1)) {
          allowed.add(new int[] {i, i + a.length()});
        }
      }
      for (String term : rule.terms()) {
        String haystack = isAscii(term) ? lower : text;
        String needle = isAscii(term) ? term.toLowerCase(Locale.ROOT) : term;
        for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
          add(raw, rule, text, i, i + term.length(), allowed);
        }
      }
      for (Pattern p : rule.patterns()) {
        Matcher m = p.matcher(text);
        while (m.find()) {
          if (m.end() > m.start()) {
            add(raw, rule, text, m.start(), m.end(), allowed);
          }
        }
      }
    }
    // Longest first at each start, then drop matches inside an already kept one.
    raw.sort(Comparator.comparingInt(ComplianceFinding::start)
        .thenComparing(Comparator.comparingInt((ComplianceFinding f) -> f.end() - f.start()).reversed()));
    List<ComplianceFinding> kept = new ArrayList<>();
    int coveredTo = -1;
    for (ComplianceFinding f : raw) {
      if (f.end() <= coveredTo) {
        continue;
      }
      if (f.start() < coveredTo) {
        continue; // overlaps the previous finding's tail; the earlier, longer one stands
      }
      kept.add(f);
      coveredTo = f.end();
    }
    return new ComplianceReport(text, kept);
  }

  private static void add(List<ComplianceFinding> out, ComplianceRule rule, String text, int start, int end,
      List<int[]> allowed) {
    for (int[] a : allowed) {
      if (start >= a[0] && end <= a[1]) {
        return;
      }
    }
    String matched = text.substring(start, end);
    out.add(new ComplianceFinding(rule.id(), rule.category(), rule.severity(), rule.basis(), start, end, matched,
        rule.suggestionFor(matched)));
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) > 127) {
        return false;
      }
    }
    return true;
  }

  private static List<ComplianceRule> parse(InputStream in, String source) throws IOException {
    JsonNode root = JSON.readTree(in);
    JsonNode list = root == null ? null : root.get("rules");
    if (list == null || !list.isArray()) {
      throw new IllegalArgumentException(source + " has no \"rules\" array");
    }
    List<ComplianceRule> rules = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode r = list.get(i);
      String id = text(r, "id", source + " rules[" + i + "]");
      String where = source + " rule " + Checks.quote(id);
      try {
        List<Pattern> patterns = new ArrayList<>();
        for (String re : strings(r.get("regex"))) {
          patterns.add(Pattern.compile(re));
        }
        Map<String, String> suggestions = new HashMap<>();
        JsonNode s = r.get("suggestions");
        if (s != null) {
          s.fields().forEachRemaining(e -> suggestions.put(e.getKey(), e.getValue().asText()));
        }
        rules.add(new ComplianceRule(id,
            ComplianceCategory.valueOf(text(r, "category", where)),
            Severity.valueOf(text(r, "severity", where)),
            text(r, "basis", where),
            strings(r.get("terms")), patterns, strings(r.get("allow")), suggestions,
            r.has("suggestion") ? r.get("suggestion").asText() : ""));
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException(where + " has an invalid regex: " + e.getDescription(), e);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
      }
    }
    return rules;
  }

  private static String text(JsonNode node, String field, String where) {
    JsonNode v = node.get(field);
    if (v == null || !v.isTextual() || v.asText().isBlank()) {
      throw new IllegalArgumentException(where + " needs a text field \"" + field + "\"");
    }
    return v.asText();
  }

  private static List<String> strings(JsonNode node) {
    List<String> out = new ArrayList<>();
    if (node != null) {
      node.forEach(n -> out.add(n.asText()));
    }
    return out;
  }

  @Override
  public String toString() {
    return "ComplianceChecker{rules=" + rules.size() + "}";
  }
}
