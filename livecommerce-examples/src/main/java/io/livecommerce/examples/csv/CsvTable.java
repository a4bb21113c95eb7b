package io.livecommerce.examples.csv;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.livecommerce.persist.AtomicFiles;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A CSV file with a header row, read whole, with typed accessors whose errors name the file, line and column.
 * Parsing and quoting are Jackson's. Immutable after reading.
 *
 * <p>Thread-safe once read.
 */
public final class CsvTable {
  private static final CsvMapper MAPPER = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);

  private final Path file;
  private final List<String> header;
  private final Map<String, Integer> index;
  private final List<Row> rows;

  private CsvTable(Path file, List<String> header, List<Row> rows) {
    this.file = file;
    this.header = List.copyOf(header);
    this.index = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      index.put(header.get(i), i);
    }
    this.rows = List.copyOf(rows);
  }

  /**
   * Reads a UTF-8 file (a byte-order mark is skipped).
   *
   * @throws CsvFormatException if the file is missing, empty, not valid UTF-8, has a repeated header column, a row of
   *     the wrong width, or is not valid CSV
   */
  public static CsvTable read(Path file) {
    return read(file, StandardCharsets.UTF_8);
  }

  /**
   * Reads a file in {@code charset} (a byte-order mark is skipped).
   *
   * @throws CsvFormatException if the file is missing, empty, cannot be decoded in {@code charset}, has a repeated
   *     header column, a row of the wrong width, or is not valid CSV; the message names the file, line and column
   */
  public static CsvTable read(Path file, Charset charset) {
    String text = TextFiles.read(file, charset);
    List<String> header = null;
    List<Row> rows = new ArrayList<>();
    long lastEnd = 0; // the line the previous record ended on
    try (MappingIterator<List<String>> it = MAPPER.readerForListOf(String.class)
        .with(CsvSchema.emptySchema())
        .readValues(new StringReader(text))) {
      while (it.hasNextValue()) {
        List<String> values = it.nextValue();
        // After a record the parser stands at the start of the next line, unless the file ended without a newline.
        var at = it.getCurrentLocation();
        long line = at.getColumnNr() <= 1 ? at.getLineNr() - 1 : at.getLineNr();
        long first = lastEnd + 1;
        lastEnd = line;
        if (header == null) {
          header = new ArrayList<>();
          for (String h : values) {
            String name = h.strip();
            if (header.contains(name)) {
              throw new CsvFormatException(file, 1, name, "appears twice in the header");
            }
            header.add(name);
          }
          continue;
        }
        if (values.size() == 1 && values.get(0).isBlank()) {
          continue; // a blank line
        }
        if (values.size() != header.size()) {
          throw new CsvFormatException(file, first, null,
              "has " + values.size() + " fields but the header has " + header.size());
        }
        rows.add(new Row(file, first, values));
      }
    } catch (CsvFormatException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw syntaxError(file, text, lastEnd + 1, e);
    }
    if (header == null) {
      throw new CsvFormatException(file, 1, null, "is empty; a header row is needed");
    }
    CsvTable t = new CsvTable(file, header, rows);
    for (Row r : rows) {
      r.table = t;
    }
    return t;
  }

  /** A parse error in the user's words: where the bad record starts, and what is wrong, without parser internals. */
  private static CsvFormatException syntaxError(Path file, String text, long recordLine, Exception e) {
    String detail = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
    if (e.getCause() instanceof JsonProcessingException j) {
      detail = j.getOriginalMessage();
    }
    detail = detail == null ? e.getClass().getSimpleName() : detail;
    if (detail.toLowerCase(java.util.Locale.ROOT).contains("closing quote")) {
      // The parser only notices at the end of the file; the quote opened in the record after the last good one.
      String[] lines = text.split("\n", -1);
      int column = 0;
      if (recordLine - 1 < lines.length) {
        column = lines[(int) recordLine - 1].indexOf('"') + 1;
      }
      return new CsvFormatException(file, recordLine, null, (column > 0 ? "column " + column + ": " : "")
          + "a quoted field opens here and is never closed (a \" inside a field must be doubled as \"\")");
    }
    long line = recordLine;
    String where = "";
    if (e instanceof JsonProcessingException j && j.getLocation() != null) {
      line = Math.max(1, j.getLocation().getLineNr());
      where = "column " + j.getLocation().getColumnNr() + ": ";
    }
    int cut = detail.indexOf("\n");
    return new CsvFormatException(file, line, null, where + "is not valid CSV: "
        + (cut > 0 ? detail.substring(0, cut) : detail));
  }

  /** The file. */
  public Path file() {
    return file;
  }

  /** The header's column names, in order. */
  public List<String> header() {
    return header;
  }

  /** The rows after the header. */
  public List<Row> rows() {
    return rows;
  }

  /** Whether the header has {@code column}. */
  public boolean has(String column) {
    return index.containsKey(column);
  }

  /**
   * Checks the header has every column.
   *
   * @throws CsvFormatException naming the first missing column
   */
  public CsvTable require(String... columns) {
    for (String c : columns) {
      if (!has(c)) {
        throw new CsvFormatException(file, 1, c, "is missing from the header " + header);
      }
    }
    return this;
  }

  /** One row, with its line number. */
  public static final class Row {
    private final Path file;
    private final long line;
    private final List<String> values;
    private CsvTable table;

    Row(Path file, long line, List<String> values) {
      this.file = file;
      this.line = line;
      this.values = values;
    }

    /** The 1-based line number. */
    public long line() {
      return line;
    }

    /** The raw value (empty string when the cell is empty). */
    public String get(String column) {
      Integer i = table.index.get(column);
      if (i == null) {
        throw new CsvFormatException(file, 1, column, "is missing from the header");
      }
      return values.get(i).strip();
    }

    /** A non-empty value. */
    public String required(String column) {
      String v = get(column);
      if (v.isEmpty()) {
        throw error(column, "is empty");
      }
      return v;
    }

    /** A whole number. */
    public long getLong(String column) {
      String v = required(column);
      try {
        return Long.parseLong(v);
      } catch (NumberFormatException e) {
        if (v.matches("[+-]?\\d+")) {
          throw error(column, "'" + v + "' does not fit a whole number in [" + Long.MIN_VALUE + ", " + Long.MAX_VALUE
              + "]");
        }
        throw error(column, "'" + v + "' is not a whole number");
      }
    }

    /** A whole number in {@code [min, max]}. */
    public long getLong(String column, long min, long max) {
      long v = getLong(column);
      if (v < min || v > max) {
        throw error(column, "'" + get(column) + "' is out of range [" + min + ", " + max + "]");
      }
      return v;
    }

    /** A finite decimal number in {@code [min, max]}. */
    public double getDouble(String column, double min, double max) {
      double v = getDouble(column);
      if (v < min || v > max) {
        throw error(column, "'" + get(column) + "' is out of range [" + plain(min) + ", " + plain(max) + "]");
      }
      return v;
    }

    private static String plain(double d) {
      return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
    }

    /** A finite decimal number. */
    public double getDouble(String column) {
      String v = required(column);
      try {
        double d = Double.parseDouble(v);
        if (!Double.isFinite(d)) {
          throw error(column, "'" + v + "' is not a finite number");
        }
        return d;
      } catch (NumberFormatException e) {
        throw error(column, "'" + v + "' is not a number");
      }
    }

    /** An error about this row. */
    public CsvFormatException error(String column, String problem) {
      return new CsvFormatException(file, line, column, problem);
    }
  }

  /**
   * Writes a CSV file with a header, atomically: a failure part-way (disk full, a file-size limit) leaves any previous
   * file at {@code file} as it was.
   *
   * @throws UncheckedIOException naming the file if writing fails
   */
  public static void write(Path file, List<String> header, List<? extends List<?>> rows) {
    CsvSchema.Builder schema = CsvSchema.builder();
    header.forEach(schema::addColumn);
    try {
      AtomicFiles.write(file, out -> {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        MAPPER.writer(schema.build().withHeader()).writeValues(w).writeAll(rows).flush();
        w.flush();
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + " (" + TextFiles.reason(e)
          + "); any earlier file there is unchanged", e);
    }
  }
}
