package io.livecommerce.examples.csv;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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
   * Reads a file.
   *
   * @throws CsvFormatException if the file is missing, empty, has a repeated header column, a row of the wrong width,
   *     or is not valid CSV
   */
  public static CsvTable read(Path file) {
    List<String> header = null;
    List<Row> rows = new ArrayList<>();
    try (MappingIterator<List<String>> it = MAPPER.readerForListOf(String.class)
        .with(CsvSchema.emptySchema())
        .readValues(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
      while (it.hasNextValue()) {
        List<String> values = it.nextValue();
        // After a record the parser stands at the start of the next line, unless the file ended without a newline.
        var at = it.getCurrentLocation();
        long line = at.getColumnNr() <= 1 ? at.getLineNr() - 1 : at.getLineNr();
        if (header == null) {
          header = new ArrayList<>();
          for (String h : values) {
            String name = h.strip().replace("\uFEFF", "");
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
          throw new CsvFormatException(file, line, null,
              "has " + values.size() + " fields but the header has " + header.size());
        }
        rows.add(new Row(file, line, values));
      }
    } catch (NoSuchFileException e) {
      throw new CsvFormatException(file, 0, null, "no such file");
    } catch (RuntimeException e) {
      if (e instanceof CsvFormatException c) {
        throw c;
      }
      throw new CsvFormatException(file, 0, null, "is not valid CSV: " + e.getMessage());
    } catch (IOException e) {
      throw new CsvFormatException(file, 0, null, "cannot be read: " + e.getMessage());
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
        throw error(column, "'" + v + "' is not a whole number");
      }
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

  /** Writes a CSV file with a header. */
  public static void write(Path file, List<String> header, List<? extends List<?>> rows) {
    CsvSchema.Builder schema = CsvSchema.builder();
    header.forEach(schema::addColumn);
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        MAPPER.writer(schema.build().withHeader()).writeValues(w).writeAll(rows).close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
