package io.livecommerce.llm.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.livecommerce.llm.internal.SseReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import okio.Buffer;

/**
 * The SSE reader on hostile streams: only {@link SseReader.TooLargeException} may escape, it never reads past its
 * limit, and the events are the same however the bytes are split into network reads.
 */
class SseReaderFuzzTest {

  @FuzzTest(maxDuration = "24h")
  void reader(FuzzedDataProvider data) throws IOException {
    int limit = data.consumeInt(1, 4096);
    byte[] stream = data.consumeRemainingAsBytes();
    List<String> whole = read(new Buffer().write(stream), limit);
    if (whole == null) {
      return; // over the limit: the only documented failure
    }
    // Fed a byte at a time the reader must see the same events.
    Buffer slow = new Buffer();
    SseReader r = new SseReader(slow, limit);
    slow.write(stream);
    List<String> events = new ArrayList<>();
    for (String e = r.next(); e != null; e = r.next()) {
      events.add(e);
    }
    assertEquals(whole, events);
    assertTrue(r.bytesRead() <= limit);
  }

  private static List<String> read(Buffer source, int limit) throws IOException {
    SseReader r = new SseReader(source, limit);
    List<String> out = new ArrayList<>();
    try {
      for (String e = r.next(); e != null; e = r.next()) {
        out.add(e);
      }
    } catch (SseReader.TooLargeException e) {
      assertTrue(r.bytesRead() <= limit, "read " + r.bytesRead() + " past the limit " + limit);
      return null;
    }
    assertTrue(r.bytesRead() <= limit);
    return out;
  }
}
