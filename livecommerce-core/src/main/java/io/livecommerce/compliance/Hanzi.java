package io.livecommerce.compliance;

import com.ibm.icu.text.Transliterator;

/**
 * Traditional to simplified Chinese per character, from ICU's Unihan-based transform. ICU's tables are loaded once,
 * on first use (about half a second); the per-character table is then a plain
 * array lookup. Stateless after loading and thread-safe.
 */
final class Hanzi {

  private static final int FIRST = 0x3400; // CJK Extension A
  private static final int LAST = 0x9FFF;  // end of CJK Unified Ideographs

  private Hanzi() {}

  /** Loaded on first use: class initialization is thread-safe and happens once. */
  private static final class Tables {
    static final int[] SIMPLIFIED = simplifiedTable();

    private static int[] simplifiedTable() {
      Transliterator t = Transliterator.getInstance("Traditional-Simplified");
      int[] table = new int[LAST - FIRST + 1];
      for (int c = FIRST; c <= LAST; c++) {
        String r = t.transliterate(String.valueOf((char) c));
        // Only one-to-one mappings keep offsets exact; the few others stay as they are.
        table[c - FIRST] = r.codePointCount(0, r.length()) == 1 ? r.codePointAt(0) : c;
      }
      return table;
    }
  }

  /** Whether {@code c} is a CJK ideograph (the unified block or extension A). */
  static boolean isHan(int c) {
    return c >= FIRST && c <= LAST;
  }

  /** The simplified form of a traditional character; other code points unchanged. */
  static int simplified(int c) {
    return isHan(c) ? Tables.SIMPLIFIED[c - FIRST] : c;
  }

}
