package io.livecommerce.examples.csv;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads a whole text file strictly: bytes that are not valid in the charset are an error naming the line, never
 * replaced with U+FFFD. A leading byte-order mark decides the encoding (UTF-8, UTF-16 or UTF-32, either byte order:
 * it cannot be mistaken, and Excel and Windows tools write UTF-16 with one) and is dropped. Stateless and
 * thread-safe.
 */
public final class TextFiles {

  private TextFiles() {}

  /**
   * The file's text.
   *
   * @throws CsvFormatException if the file is missing, unreadable or not valid in {@code charset}; for UTF-8 the
   *     message suggests {@code --encoding GB18030}, what Excel on a Chinese Windows writes
   */
  public static String read(Path file, Charset charset) {
    byte[] bytes;
    try {
      if (Files.isDirectory(file)) {
        throw new CsvFormatException(file, 0, null, "is a directory, not a file");
      }
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new CsvFormatException(file, 0, null, "no such file");
    } catch (IOException e) {
      throw new CsvFormatException(file, 0, null, "cannot be read (" + reason(e) + ")");
    }
    return decode(bytes, file.toString(), charset);
  }

  /**
   * All of {@code in} (standard input, for {@code --in -}) as text, by the same rules as {@link #read(Path, Charset)};
   * does not close {@code in}.
   *
   * @param source what to call the input in messages, such as "standard input"
   * @throws CsvFormatException if {@code in} cannot be read or is not valid in {@code charset}
   */
  public static String read(InputStream in, String source, Charset charset) {
    byte[] bytes;
    try {
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new CsvFormatException(source, 0, null, "cannot be read (" + reason(e) + ")");
    }
    return decode(bytes, source, charset);
  }

  private static String decode(byte[] bytes, String source, Charset charset) {
    int skip = 0;
    Charset bom = bomCharset(bytes);
    if (bom != null) {
      charset = bom;
      skip = bom.name().startsWith("UTF-32") ? 4 : bom.equals(StandardCharsets.UTF_8) ? 3 : 2;
    }
    CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, skip, bytes.length - skip);
    CharBuffer out = CharBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 16,
        (long) (bytes.length * (double) decoder.maxCharsPerByte()) + 16));
    CoderResult r = decoder.decode(in, out, true);
    if (!r.isError()) {
      r = decoder.flush(out);
    }
    if (r.isError()) {
      int at = in.position();
      long line = 1;
      for (int i = 0; i < at; i++) {
        if (bytes[i] == '\n') {
          line++;
        }
      }
      String hint = charset.equals(StandardCharsets.UTF_8) && bom == null
          ? "; if it was saved by Excel on a Chinese Windows, try --encoding GB18030" : "";
      throw new CsvFormatException(source, line, null, "is not valid " + charset.name() + " (byte 0x"
          + String.format(Locale.ROOT, "%02X", bytes[at] & 0xFF) + " at byte offset " + at + ")" + hint);
    }
    out.flip();
    String text = out.toString();
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  /** The charset a leading byte-order mark names, or null. UTF-32LE's mark starts like UTF-16LE's: test it first. */
  static Charset bomCharset(byte[] b) {
    if (starts(b, 0x00, 0x00, 0xFE, 0xFF)) {
      return Charset.forName("UTF-32BE");
    }
    if (starts(b, 0xFF, 0xFE, 0x00, 0x00)) {
      return Charset.forName("UTF-32LE");
    }
    if (starts(b, 0xEF, 0xBB, 0xBF)) {
      return StandardCharsets.UTF_8;
    }
    if (starts(b, 0xFE, 0xFF)) {
      return StandardCharsets.UTF_16BE;
    }
    if (starts(b, 0xFF, 0xFE)) {
      return StandardCharsets.UTF_16LE;
    }
    return null;
  }

  private static boolean starts(byte[] b, int... prefix) {
    if (b.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((b[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /** A short, user-facing reason for an I/O failure. */
  public static String reason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof CharacterCodingException) {
      return "cannot be decoded";
    }
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
  }
}
