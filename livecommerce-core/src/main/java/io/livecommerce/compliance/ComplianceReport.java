package io.livecommerce.compliance;

import io.livecommerce.internal.Checks;
import java.util.List;

/**
 * The findings of a compliance check, in text order.
 *
 * <p>Immutable and thread-safe.
 *
 * @param text the checked text
 * @param findings the findings, ordered by start offset; empty when the text is clean
 */
public record ComplianceReport(String text, List<ComplianceFinding> findings) {

  /** A report with no findings. */
  public static ComplianceReport clean(String text) {
    return new ComplianceReport(text, List.of());
  }

  /** Copies the findings. */
  public ComplianceReport {
    Checks.notNull(text, "text");
    findings = Checks.copyNoNulls(Checks.notNull(findings, "findings"), "findings");
  }

  /** Whether there are no findings. */
  public boolean isClean() {
    return findings.isEmpty();
  }

  /**
   * The text with every finding replaced by its suggestion, except disease claims and disparagement (a {@link
   * ComplianceCategory#MEDICAL_CLAIM} or {@link ComplianceCategory#DISPARAGEMENT} finding with an empty suggestion):
   * softening them (根治失眠 to 改善失眠, 消炎 to 舒缓) would still claim to treat a disease, so their whole clause is
   * removed; so is an English clause whose match has nothing to put in its place. A suggestion does not repeat the
   * words that follow it (顶级品质 becomes 高品质) and starts in capitals where the replaced words did (The best becomes
   * A great). {@link ComplianceChecker#rewrite} checks the result again and guarantees a clean text.
   */
  public String rewritten() {
    return apply(false);
  }

  /** The text with the clause around every finding removed. */
  String withoutClauses() {
    return apply(true);
  }

  /** Whether the clause around [start, end) of {@code s} has a Chinese character. */
  static boolean clauseHasHan(CharSequence s, int start, int end) {
    int from = start;
    while (from > 0 && !isClauseEnd(s, from - 1)) {
      from--;
    }
    int to = end;
    while (to < s.length() && !isClauseEnd(s, to)) {
      to++;
    }
    return ComplianceRule.hasHan(s.subSequence(from, to));
  }

  /** Whether only spaces stand between {@code i} and the start of the text or of a sentence. */
  private static boolean startsSentence(String text, int i) {
    int j = i - 1;
    while (j >= 0 && text.charAt(j) == ' ') {
      j--;
    }
    return j < 0 || ".!?\n".indexOf(text.charAt(j)) >= 0;
  }

  /** "A great" for "The best" opening a sentence: a Latin suggestion is capitalized where the replaced words were. */
  private static String capitalizedLike(String matched, String suggestion) {
    if (!matched.isEmpty() && !suggestion.isEmpty() && Character.isUpperCase(matched.charAt(0))
        && suggestion.charAt(0) >= 'a' && suggestion.charAt(0) <= 'z') {
      return Character.toUpperCase(suggestion.charAt(0)) + suggestion.substring(1);
    }
    return suggestion;
  }

  /**
   * {@code suggestion} less an ending that the text right after the finding repeats: 顶级品质 becomes 高品质, not
   * 高品质品质.
   */
  private static String withoutEcho(String suggestion, String text, int end) {
    for (int k = Math.min(suggestion.length() - 1, text.length() - end); k >= 2; k--) {
      if (suggestion.endsWith(text.substring(end, end + k))) {
        return suggestion.substring(0, suggestion.length() - k);
      }
    }
    return suggestion;
  }

  /** Characters that end a clause: a claim does not reach across them. Shared with the checker's negation rule. */
  static final String CLAUSE_ENDS = "，。！？；,!?;\n…";

  /**
   * Whether {@code s.charAt(i)} ends a clause: one of {@link #CLAUSE_ENDS}, or an English full stop or colon (a '.'
   * or ':' at the end or before a space; not the one in 89.90, No.1 or 10:30).
   */
  static boolean isClauseEnd(CharSequence s, int i) {
    char c = s.charAt(i);
    return CLAUSE_ENDS.indexOf(c) >= 0
        || ((c == '.' || c == ':') && (i + 1 == s.length() || Character.isWhitespace(s.charAt(i + 1))));
  }

  private String apply(boolean allClauses) {
    StringBuilder sb = new StringBuilder();
    int pos = 0;
    for (ComplianceFinding f : findings) {
      if (f.start() < pos) {
        continue; // inside a clause already removed
      }
      // An English match with nothing to put in its place leaves a hole mid-sentence: its clause goes instead.
      boolean dropClause = allClauses || (f.suggestion().isEmpty()
          && (f.category() == ComplianceCategory.MEDICAL_CLAIM || f.category() == ComplianceCategory.DISPARAGEMENT
              || !clauseHasHan(text, f.start(), f.end())));
      if (!dropClause) {
        String suggestion = withoutEcho(f.suggestion(), text, f.end());
        sb.append(text, pos, f.start()).append(startsSentence(text, f.start())
            ? capitalizedLike(f.matchedText(), suggestion) : suggestion);
        pos = f.end();
        continue;
      }
      int from = f.start();
      while (from > pos && !isClauseEnd(text, from - 1)) {
        from--;
      }
      int to = f.end();
      while (to < text.length() && !isClauseEnd(text, to)) {
        to++;
      }
      char end = 0;
      if (to < text.length()) {
        end = text.charAt(to);
        to++; // the clause's own punctuation goes with it
      }
      if (from == 0) {
        while (to < text.length() && text.charAt(to) == ' ') {
          to++; // a removed opening sentence takes the space before the next one (a later one keeps its own)
        }
      }
      sb.append(text, pos, from);
      int comma = sb.length() - 1;
      if ("。！？.!?".indexOf(end) >= 0 && comma >= 0 && "，,".indexOf(sb.charAt(comma)) >= 0) {
        sb.setCharAt(comma, end); // the sentence still ends: 很好，能根治痘痘。 becomes 很好。
      }
      pos = to;
    }
    sb.append(text.substring(pos));
    // A removed first or last clause can leave a dangling comma.
    int begin = 0;
    int end = sb.length();
    while (begin < end && "，,；;".indexOf(sb.charAt(begin)) >= 0) {
      begin++;
    }
    while (end > begin && "，,；;".indexOf(sb.charAt(end - 1)) >= 0) {
      end--;
    }
    return sb.substring(begin, end);
  }
}
