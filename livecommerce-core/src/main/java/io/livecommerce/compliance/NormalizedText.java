package io.livecommerce.compliance;

import java.text.Normalizer;

/**
 * A text folded for matching, with every folded character mapped back to the span of the original it came from.
 *
 * <p>Folding defeats the usual ways of writing a banned word so that a plain matcher misses it: Unicode NFKC
 * (full-width Latin and digits, circled and enclosed digits, compatibility forms), lower case, traditional to
 * simplified Chinese, and removal of what is put between characters to split them: white space, zero-width and
 * other format characters, emoji and symbols, combining marks, and light punctuation (dots, dashes, stars, slashes);
 * and look-alikes of 最 and 第一 (蕞, 弟一, 第壹, 第1).
 * Such separators are removed wherever a Chinese character stands on either side; between Latin letters or digits
 * they stay, so English words stay apart. Sentence punctuation (，。！？) always stays: it ends a claim.
 *
 * <p>Immutable and thread-safe.
 */
final class NormalizedText {

  private final String original;
  private final String text;
  private final int[] starts;
  private final int[] ends;

  private NormalizedText(String original, String text, int[] starts, int[] ends) {
    this.original = original;
    this.text = text;
    this.starts = starts;
    this.ends = ends;
  }

  /** Folds {@code original}. */
  static NormalizedText of(String original) {
    int n = original.length();
    // Pass 1: fold each code point, remember where it came from and whether it is a separator.
    StringBuilder folded = new StringBuilder(n);
    int[] fStart = new int[n + 8];
    int[] fEnd = new int[n + 8];
    boolean[] fSep = new boolean[n + 8];
    int count = 0;
    for (int i = 0; i < n; ) {
      int cp = original.codePointAt(i);
      int next = i + Character.charCount(cp);
      String f = fold(cp, original, i, next);
      for (int j = 0; j < f.length(); ) {
        int c = f.codePointAt(j);
        j += Character.charCount(c);
        if (count + 2 > fStart.length) {
          fStart = java.util.Arrays.copyOf(fStart, fStart.length * 2);
          fEnd = java.util.Arrays.copyOf(fEnd, fEnd.length * 2);
          fSep = java.util.Arrays.copyOf(fSep, fSep.length * 2);
        }
        boolean sep = isSeparator(c);
        for (char u : Character.toChars(c)) {
          folded.append(u);
          fStart[count] = i;
          fEnd[count] = next;
          fSep[count] = sep;
          count++;
        }
      }
      i = next;
    }
    // Pass 2: drop separator runs that touch a Chinese character; always drop format characters.
    StringBuilder out = new StringBuilder(count);
    int[] starts = new int[count];
    int[] ends = new int[count];
    int m = 0;
    for (int k = 0; k < count; ) {
      if (!fSep[k]) {
        out.append(folded.charAt(k));
        starts[m] = fStart[k];
        ends[m] = fEnd[k];
        m++;
        k++;
        continue;
      }
      int runEnd = k;
      while (runEnd < count && fSep[runEnd]) {
        runEnd++;
      }
      boolean hanBefore = k > 0 && Hanzi.isHan(folded.charAt(k - 1));
      boolean hanAfter = runEnd < count && Hanzi.isHan(folded.charAt(runEnd));
      boolean drop = hanBefore || hanAfter || k == 0 || runEnd == count;
      for (int r = k; r < runEnd; r++) {
        char c = folded.charAt(r);
        if (!drop && Character.getType(c) != Character.FORMAT) {
          out.append(c);
          starts[m] = fStart[r];
          ends[m] = fEnd[r];
          m++;
        }
      }
      k = runEnd;
    }
    lookAlikes(out);
    return new NormalizedText(original, out.toString(), java.util.Arrays.copyOf(starts, m),
        java.util.Arrays.copyOf(ends, m));
  }

  /**
   * Look-alike and homophone characters hosts type for 最 and 第一 (蕞, 弟一, 第壹, 第1), one character for one, so
   * offsets hold. 弟 and 1 change only next to 一 and 第: 弟弟 and 1号 stay what they are.
   */
  private static void lookAlikes(StringBuilder t) {
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c == '蕞') {
        t.setCharAt(i, '最');
      } else if (c == '壹') {
        t.setCharAt(i, '一');
      }
    }
    for (int i = 0; i + 1 < t.length(); i++) {
      char c = t.charAt(i);
      char next = t.charAt(i + 1);
      if (c == '弟' && next == '一') {
        t.setCharAt(i, '第');
      } else if (c == '第' && next == '1' && (i + 2 >= t.length() || !Character.isDigit(t.charAt(i + 2)))) {
        t.setCharAt(i + 1, '一');
      }
    }
  }

  private static String fold(int cp, String s, int from, int to) {
    if (cp < 0x80) {
      return cp >= 'A' && cp <= 'Z' ? String.valueOf((char) (cp + 32)) : s.substring(from, to);
    }
    if (Hanzi.isHan(cp)) {
      return new String(Character.toChars(Hanzi.simplified(cp)));
    }
    String nfkc = Normalizer.normalize(s.substring(from, to), Normalizer.Form.NFKC);
    StringBuilder sb = new StringBuilder(nfkc.length());
    nfkc.codePoints().forEach(c -> sb.appendCodePoint(Character.toLowerCase(Hanzi.simplified(c))));
    return sb.toString();
  }

  private static boolean isSeparator(int c) {
    if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
      return true;
    }
    switch (Character.getType(c)) {
      case Character.FORMAT, Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.OTHER_SYMBOL,
          Character.MODIFIER_SYMBOL, Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION,
          Character.SURROGATE, Character.PRIVATE_USE -> {
        return true;
      }
      default -> {
        return c == '*' || c == '.' || c == '/' || c == '\\' || c == '|' || c == '~' || c == '^' || c == '`'
            || c == '\'' || c == '"' || c == '·' || c == '•' || c == '‧' || c == '・' || c == '+' || c == '='
            || c == '#' || c == '&';
      }
    }
  }

  /** The folded text. */
  String text() {
    return text;
  }

  /** The original text. */
  String original() {
    return original;
  }

  /** The original offset where folded character {@code i} starts. */
  int start(int i) {
    return starts[i];
  }

  /** The original offset one past folded character {@code i - 1}, for a folded span ending at {@code i}. */
  int end(int i) {
    return ends[i - 1];
  }
}
