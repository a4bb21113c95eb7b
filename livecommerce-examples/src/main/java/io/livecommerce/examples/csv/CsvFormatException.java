package io.livecommerce.examples.csv;

import java.nio.file.Path;

/** A CSV file that cannot be used, with the file, line and column at fault. Immutable and thread-safe. */
public class CsvFormatException extends RuntimeException {

  /** Creates the exception; {@code line} is 1-based, {@code column} may be null for whole-file problems. */
  public CsvFormatException(Path file, long line, String column, String problem) {
    super(file + ":" + line + (column == null ? "" : ": column '" + column + "'") + ": " + problem);
  }
}
