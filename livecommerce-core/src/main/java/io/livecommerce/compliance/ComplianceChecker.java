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
 * Medical and efficacy rules are negatable: a disclaimer before the term in the same clause (本品不能治疗疾病,
 * 不具有减肥功效) makes it clean.
 *
 * <p>What hosts type to slip past a filter is folded away before matching, and offsets still point at the original
 * characters: spaces, zero-width characters, emoji and dots between Chinese characters (最 好, 最\u200b好, 最💥低),
 * full-width and enclosed forms (ＮＯ．１, NO.①), traditional characters (國家級, 療效), and common pinyin spellings
 * (zui hao, zhiliao).
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
  private final List<CompiledRule> compiled;

  private ComplianceChecker(List<ComplianceRule> rules) {
    this.rules = List.copyOf(rules);
    this.compiled = this.rules.stream().map(CompiledRule::of).toList();
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
   * "regex", "allow", "suggestions", "suggestion", "spellings", "negatable"}]}}. Regular expressions are matched
   * against the folded text: lower case, full-width forms as ASCII, simplified characters, no spaces between Chinese
   * characters.
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
   * Checks a text. Matching runs on a folded copy of the text (see the class comment), and every finding's offsets
   * point at the original characters.
   *
   * @throws IllegalArgumentException if {@code text} is null
   */
  public ComplianceReport check(String text) {
    Checks.notNull(text, "text");
    NormalizedText nt = NormalizedText.of(text);
    String norm = nt.text();
    LatinWords latin = null;
    List<ComplianceFinding> raw = new ArrayList<>();
    for (CompiledRule c : compiled) {
      List<int[]> allowed = new ArrayList<>();
      for (String a : c.allow) {
        for (int i = norm.indexOf(a); i >= 0; i = norm.indexOf(a, i + 1)) {
          allowed.add(new int[] {i, i + a.length()});
        }
      }
      for (int t = 0; t < c.terms.size(); t++) {
        String term = c.terms.get(t);
        for (int i = norm.indexOf(term); i >= 0; i = norm.indexOf(term, i + 1)) {
          add(raw, c, nt, i, i + term.length(), allowed, c.rule.suggestionFor(c.rule.terms().get(t)));
        }
      }
      for (Pattern p : c.rule.patterns()) {
        Matcher m = p.matcher(norm);
        while (m.find()) {
          if (m.end() > m.start()) {
            add(raw, c, nt, m.start(), m.end(), allowed,
                c.rule.suggestionFor(m.group(), ComplianceReport.clauseHasHan(norm, m.start(), m.end())));
          }
        }
      }
      if (!c.spellings.isEmpty()) {
        latin = latin == null ? new LatinWords(norm) : latin;
        for (String sp : c.spellings) {
          for (int[] span : latin.find(sp)) {
            add(raw, c, nt, span[0], span[1], allowed, c.rule.suggestion());
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
      if (f.start() < coveredTo) {
        continue; // inside or overlapping the tail of an earlier, longer finding
      }
      kept.add(f);
      coveredTo = f.end();
    }
    return new ComplianceReport(text, kept);
  }

  /**
   * A compliant version of {@code text}: findings are replaced by their suggestions and disease claims are removed
   * with their clause ({@link ComplianceReport#rewritten()}); the result is checked again, and whatever still breaks
   * a rule (a suggestion that forms a new term with its neighbours) is removed with its clause. The result always
   * checks clean with this checker.
   *
   * @throws IllegalArgumentException if {@code text} is null
   */
  public String rewrite(String text) {
    ComplianceReport r = check(text);
    for (int round = 0; !r.isClean(); round++) {
      // Each removal round shortens the text by at least one finding, so this ends.
      String next = round < 2 ? r.rewritten() : r.withoutClauses();
      r = check(next);
    }
    return r.text();
  }

  private static void add(List<ComplianceFinding> out, CompiledRule c, NormalizedText nt, int start, int end,
      List<int[]> allowed, String suggestion) {
    for (int[] a : allowed) {
      if (start >= a[0] && end <= a[1]) {
        return;
      }
    }
    if (c.rule.negatable() && negated(nt.text(), start)) {
      return;
    }
    int s = nt.start(start);
    int e = nt.end(end);
    if (quotedAsCited(nt.original(), s, e)) {
      return;
    }
    out.add(new ComplianceFinding(c.rule.id(), c.rule.category(), c.rule.severity(), c.rule.basis(), s, e,
        nt.original().substring(s, e), suggestion));
  }

  private static final String OPEN_QUOTES = "“「『\"‘《";
  private static final String CLOSE_QUOTES = "”」』\"’》";
  /** Words that cite a rule: a banned term in quotes beside one is being named, not used. */
  private static final List<String> CITATIONS = List.of("广告法", "规定", "禁用", "违禁", "不能说", "不得使用", "不能用",
      "禁止使用", "敏感词", "极限词", "属于", "法规");

  /** Whether [s, e) of the original sits inside quotation marks in a sentence that cites a rule. */
  private static boolean quotedAsCited(String original, int s, int e) {
    int open = -1;
    for (int i = s - 1; i >= 0 && i >= s - 12; i--) {
      char c = original.charAt(i);
      if (CLOSE_QUOTES.indexOf(c) >= 0 && c != '"') {
        return false;
      }
      if (OPEN_QUOTES.indexOf(c) >= 0) {
        open = i;
        break;
      }
    }
    if (open < 0) {
      return false;
    }
    int close = -1;
    for (int i = e; i < original.length() && i <= e + 12; i++) {
      if (CLOSE_QUOTES.indexOf(original.charAt(i)) >= 0) {
        close = i;
        break;
      }
    }
    if (close < 0) {
      return false;
    }
    int from = open;
    while (from > 0 && "。！？!?\n".indexOf(original.charAt(from - 1)) < 0) {
      from--;
    }
    int to = close;
    while (to < original.length() && "。！？!?\n".indexOf(original.charAt(to)) < 0) {
      to++;
    }
    String sentence = original.substring(from, to);
    for (String w : CITATIONS) {
      if (sentence.contains(w)) {
        return true;
      }
    }
    return false;
  }

  /** Disclaimers that negate a claim after them in the same clause: 本品不能治疗疾病, 不具有减肥功效. */
  private static final List<String> NEGATIONS = List.of("不能", "不可", "不会", "不具有", "不具备", "不含", "无法",
      "并非", "不是", "不得", "不宣称", "不涉及", "没有", "不代表", "不等于", "不替代", "不能代替", "禁止", "切勿", "请勿",
      "not ", "never ", "n't ");
  private static final int NEGATION_WINDOW = 8;

  private static boolean negated(String norm, int start) {
    int from = Math.max(0, start - NEGATION_WINDOW);
    for (int i = start - 1; i >= from; i--) {
      if (ComplianceReport.isClauseEnd(norm, i)) {
        from = i + 1;
        break;
      }
    }
    String before = norm.substring(from, start);
    if (before.endsWith("不") || before.endsWith("非") || before.endsWith("无")) {
      return true;
    }
    for (String n : NEGATIONS) {
      if (before.contains(n)) {
        return true;
      }
    }
    return false;
  }

  /** A rule with its terms, allowed phrases and spellings folded like the texts they are matched against. */
  private record CompiledRule(ComplianceRule rule, List<String> terms, List<String> allow, List<String> spellings) {
    static CompiledRule of(ComplianceRule r) {
      return new CompiledRule(r, r.terms().stream().map(t -> NormalizedText.of(t).text()).toList(),
          r.allow().stream().map(a -> NormalizedText.of(a).text()).toList(),
          r.spellings().stream().map(sp -> sp.toLowerCase(Locale.ROOT)).toList());
    }
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
            r.has("suggestion") ? r.get("suggestion").asText() : "", strings(r.get("spellings")),
            r.path("negatable").asBoolean(false)));
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
