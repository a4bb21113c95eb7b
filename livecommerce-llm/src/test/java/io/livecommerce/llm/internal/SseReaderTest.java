package io.livecommerce.llm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import okio.Buffer;
import okio.BufferedSource;
import okio.Okio;
import okio.Source;
import okio.Timeout;
import org.junit.jupiter.api.Test;

class SseReaderTest {

  static List<String> readAll(BufferedSource source, long max) throws IOException {
    SseReader r = new SseReader(source, max);
    List<String> out = new ArrayList<>();
    for (String e = r.next(); e != null; e = r.next()) {
      out.add(e);
    }
    return out;
  }

  /** A source that hands out at most {@code step} bytes per read, like a slow network. */
  static BufferedSource chunked(String text, int step) {
    Buffer all = new Buffer().writeUtf8(text);
    return Okio.buffer(new Source() {
      @Override
      public long read(Buffer sink, long byteCount) throws IOException {
        if (all.size() == 0) {
          return -1;
        }
        long n = Math.min(step, Math.min(byteCount, all.size()));
        sink.write(all, n);
        return n;
      }

      @Override
      public Timeout timeout() {
        return Timeout.NONE;
      }

      @Override
      public void close() {}
    });
  }

  @Test
  void eventsCommentsMultiLineDataAndLineEnds() throws IOException {
    String text = ": keep-alive\n\n"
        + "event: ping\n\n"                      // no data: skipped
        + "data: one\n\n"
        + "data:two\r\n\r\n"                     // no space after the colon, CRLF
        + "data: {\"a\":\ndata: 1}\n\n"          // one payload over two lines
        + "id: 7\ndata: 家人们🔥\nretry: 10\n\n"
        + "data: last without a blank line";
    List<String> expected = List.of("one", "two", "{\"a\":\n1}", "家人们🔥", "last without a blank line");
    for (int step : new int[] {1, 2, 3, 7, 1000}) {
      assertEquals(expected, readAll(chunked(text, step), 1 << 20), "step " + step);
    }
  }

  @Test
  void emptyStreamHasNoEvents() throws IOException {
    assertNull(new SseReader(new Buffer(), 100).next());
    assertEquals(List.of(), readAll(chunked("\n\n: only comments\n\n", 3), 100));
  }

  @Test
  void theByteLimitHoldsForManyLinesAndForOneEndlessLine() throws IOException {
    String many = "data: x\n\n".repeat(1000);
    assertThrows(SseReader.TooLargeException.class, () -> readAll(chunked(many, 64), 1024));
    assertEquals(1000, readAll(chunked(many, 64), many.getBytes(StandardCharsets.UTF_8).length).size());
    String endless = "data: " + "y".repeat(100_000);
    SseReader.TooLargeException e = assertThrows(SseReader.TooLargeException.class,
        () -> readAll(chunked(endless, 4096), 2048));
    assertEquals(2048, e.limit());
    assertThrows(IllegalArgumentException.class, () -> new SseReader(new Buffer(), 0));
  }
}
