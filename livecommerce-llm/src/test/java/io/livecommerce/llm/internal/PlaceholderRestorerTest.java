package io.livecommerce.llm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.livecommerce.compliance.PiiRedactor;
import io.livecommerce.compliance.Redaction;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlaceholderRestorerTest {

  private final Redaction redaction = PiiRedactor.create().redact("电话13800138000，微信 zhangsan_88");
  private final String answer = "联系[PHONE_1]或加[WECHAT_1]，[备注]照常";
  private final String restored = "联系13800138000或加zhangsan_88，[备注]照常";

  @Test
  void everySplitOfTheAnswerRestoresExactly() {
    for (int i = 0; i <= answer.length(); i++) {
      for (int j = i; j <= answer.length(); j++) {
        PlaceholderRestorer r = new PlaceholderRestorer(redaction);
        List<String> out = new ArrayList<>();
        out.add(r.accept(answer.substring(0, i)));
        out.add(r.accept(answer.substring(i, j)));
        out.add(r.accept(answer.substring(j)));
        out.add(r.flush());
        assertEquals(restored, String.join("", out), "split at " + i + ", " + j);
        for (String piece : out) {
          assertFalse(piece.contains("PHONE_") || piece.contains("WECHAT_"), "leaked in " + out);
        }
      }
    }
  }

  @Test
  void withoutRedactionTextPassesThrough() {
    PlaceholderRestorer r = new PlaceholderRestorer(null);
    assertEquals("[PHO", r.accept("[PHO"));
    assertEquals("", r.flush());
  }

  @Test
  void anUnclosedBracketIsReleasedAtTheEnd() {
    PlaceholderRestorer r = new PlaceholderRestorer(redaction);
    assertEquals("价格", r.accept("价格[限"));
    assertEquals("[限", r.flush(), "held back in case it was a placeholder, then released as it was");
  }
}
