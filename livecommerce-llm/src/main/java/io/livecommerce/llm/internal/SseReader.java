package io.livecommerce.llm.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import okio.BufferedSource;

/**
 * Reads server-sent events from a byte stream: {@code data:} lines joined with newlines into one payload per event,
 * comments ({@code : keep-alive}) and other fields skipped, LF or CRLF line ends, a last event without its blank
 * line still delivered. Reads at most {@code maxBytes} in all, so a runaway or hostile server cannot fill the heap,
 * not even with one endless line.
 *
 * <p>Not thread-safe; one per stream.
 */
public final class SseReader {

  /** The stream went past the reader's byte limit. Immutable and thread-safe. */
  public static final class TooLargeException extends IOException {
    private final long limit;

    TooLargeException(long limit) {
      super("response is larger than the limit of " + limit + " bytes");
      this.limit = limit;
    }

    /** The limit in bytes. */
    public long limit() {
      return limit;
    }
  }

  private final BufferedSource source;
  private final long maxBytes;
  private long consumed;
  private boolean ended;

  /** A reader over {@code source} that reads at most {@code maxBytes}. */
  public SseReader(BufferedSource source, long maxBytes) {
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("maxBytes must be > 0 but was " + maxBytes);
    }
    this.source = source;
    this.maxBytes = maxBytes;
  }

  /**
   * The next event's data, or null at the end of the stream. Events without data lines are skipped.
   *
   * @throws TooLargeException once more than {@code maxBytes} would have to be read
   * @throws IOException if reading fails
   */
  public String next() throws IOException {
    List<String> data = new ArrayList<>();
    while (!ended) {
      String line = readLine();
      if (line == null) {
        ended = true;
        break;
      }
      if (line.isEmpty()) {
        if (!data.isEmpty()) {
          return String.join("\n", data);
        }
        continue;
      }
      if (line.charAt(0) == ':') {
        continue; // a comment, e.g. a keep-alive
      }
      int colon = line.indexOf(':');
      String field = colon < 0 ? line : line.substring(0, colon);
      String value = colon < 0 ? "" : line.substring(colon + 1);
      if (value.startsWith(" ")) {
        value = value.substring(1);
      }
      if (field.equals("data")) {
        data.add(value);
      }
    }
    return data.isEmpty() ? null : String.join("\n", data);
  }

  /** Bytes read so far. */
  public long bytesRead() {
    return consumed;
  }

  private String readLine() throws IOException {
    long budget = maxBytes - consumed;
    // Look for the line end only within what is still allowed, so an endless line is never buffered whole.
    long nl = source.indexOf((byte) '\n', 0, budget);
    if (nl < 0) {
      if (source.request(budget + 1)) {
        throw new TooLargeException(maxBytes);
      }
      if (source.exhausted()) {
        return null;
      }
      long n = source.getBuffer().size();
      consumed += n;
      return stripCr(source.readUtf8(n)); // the last line, without its line end
    }
    consumed += nl + 1;
    String line = source.readUtf8(nl);
    source.skip(1);
    return stripCr(line);
  }

  private static String stripCr(String line) {
    return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
  }
}
