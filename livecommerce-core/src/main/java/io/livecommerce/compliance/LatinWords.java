package io.livecommerce.compliance;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds Latin spellings (pinyin such as {@code zuihao}) in folded text as whole words, whether written together or
 * with spaces, dots, dashes or apostrophes between the letters (zui hao, Zui-Hao). Immutable and thread-safe.
 */
final class LatinWords {

  private static final String JOINERS = " -._'";

  private final String text;
  private final String letters;
  private final int[] at;

  /** Indexes {@code folded}, which is lower case already. */
  LatinWords(String folded) {
    this.text = folded;
    StringBuilder sb = new StringBuilder(folded.length());
    int[] pos = new int[folded.length()];
    int n = 0;
    for (int i = 0; i < folded.length(); i++) {
      char c = folded.charAt(i);
      if (alnum(c)) {
        sb.append(c);
        pos[n++] = i;
      } else if (JOINERS.indexOf(c) < 0) {
        sb.append('|'); // anything else breaks a spelling
        pos[n++] = i;
      }
    }
    this.letters = sb.toString();
    this.at = java.util.Arrays.copyOf(pos, n);
  }

  /** Spans {@code [start, end)} in the folded text where {@code spelling} stands as a whole word. */
  List<int[]> find(String spelling) {
    List<int[]> out = new ArrayList<>();
    for (int i = letters.indexOf(spelling); i >= 0; i = letters.indexOf(spelling, i + 1)) {
      int first = at[i];
      int last = at[i + spelling.length() - 1];
      boolean startsWord = first == 0 || !alnum(text.charAt(first - 1));
      boolean endsWord = last + 1 == text.length() || !alnum(text.charAt(last + 1));
      if (startsWord && endsWord) {
        out.add(new int[] {first, last + 1});
      }
    }
    return out;
  }

  private static boolean alnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }
}
