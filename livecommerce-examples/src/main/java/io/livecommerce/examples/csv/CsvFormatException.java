package io.livecommerce.examples.csv;

import java.nio.file.Path;

/** A CSV file that cannot be used, with the file, line and column at fault. Immutable and thread-safe. */
public class CsvFormatException extends RuntimeException {

  /**
   * Creates the exception; {@code line} is 1-based (0 for problems with the whole file, such as a missing file),
   * {@code column} may be null.
   */
  public CsvFormatException(Path file, long line, String column, String problem) {
    this(String.valueOf(file), line, column, problem);
  }

  /** As {@link #CsvFormatException(Path, long, String, String)}, for input that is not a file ("standard input"). */
  public CsvFormatException(String source, long line, String column, String problem) {
    super(source + (line > 0 ? ":" + line : "") + (column == null ? "" : ": column '" + column + "'") + ": " + problem);
  }
}
