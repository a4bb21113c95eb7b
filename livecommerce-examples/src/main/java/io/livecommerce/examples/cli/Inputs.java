package io.livecommerce.examples.cli;

import io.livecommerce.examples.csv.CsvFormatException;
import io.livecommerce.examples.csv.CsvTable;
import io.livecommerce.recommend.Interaction;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Readers for the CLI's input files; every bad value is named by file, line and column. Stateless. */
final class Inputs {

  /** Interaction weights beyond this are refused: they are data errors, and they break the solver's numerics. */
  static final double MAX_ABS_WEIGHT = 1e6;
  /** Numeric table values beyond this are refused for the same reasons. */
  static final double MAX_ABS_VALUE = 1e15;

  private Inputs() {}

  /**
   * Interactions from the named columns (user,item[,weight,timestamp] by default); weight in [-1e6, 1e6], default 1;
   * timestamp epoch ms >= 0, 0 when the column is absent or empty (no order is made up from the file's line order,
   * which may be sorted by anything). A null weight or timestamp column means the one called weight or timestamp when
   * the header has it.
   */
  static List<Interaction> interactions(Path file, Charset charset, String userColumn, String itemColumn,
      String weightColumn, String timestampColumn) {
    CsvTable t = CsvTable.read(file, charset);
    require(t, userColumn, "--user-column");
    require(t, itemColumn, "--item-column");
    String weight = weightColumn != null ? require(t, weightColumn, "--weight-column")
        : t.has("weight") ? "weight" : null;
    String time = timestampColumn != null ? require(t, timestampColumn, "--timestamp-column")
        : t.has("timestamp") ? "timestamp" : null;
    List<Interaction> out = new ArrayList<>();
    for (CsvTable.Row r : t.rows()) {
      double w = weight != null && !r.get(weight).isEmpty()
          ? r.getDouble(weight, -MAX_ABS_WEIGHT, MAX_ABS_WEIGHT) : 1.0;
      long ts = time != null && !r.get(time).isEmpty() ? r.getLong(time, 0, Long.MAX_VALUE) : 0;
      try {
        out.add(new Interaction(r.required(userColumn), r.required(itemColumn), w, ts));
      } catch (IllegalArgumentException e) {
        throw r.error(null, e.getMessage());
      }
    }
    if (out.isEmpty()) {
      throw new CsvFormatException(file, 2, null, "has no interactions");
    }
    return out;
  }

  /** The column, or an error that lists the header and names the flag that chooses it. */
  private static String require(CsvTable t, String column, String flag) {
    if (!t.has(column)) {
      throw new CsvFormatException(t.file(), 1, column, "is missing from the header " + t.header() + "; name the "
          + "column to use with " + flag);
    }
    return column;
  }

  /**
   * Item texts: item,text; empty when {@code file} is null. An item may repeat with the same text; with another text
   * it is an error, since keeping either would silently drop the other.
   */
  static Map<String, String> itemTexts(Path file, Charset charset) {
    Map<String, String> texts = new LinkedHashMap<>();
    if (file == null) {
      return texts;
    }
    CsvTable t = CsvTable.read(file, charset).require("item", "text");
    Map<String, Long> firstLine = new java.util.HashMap<>();
    for (CsvTable.Row r : t.rows()) {
      String item = r.required("item");
      String text = r.required("text");
      String before = texts.putIfAbsent(item, text);
      if (before == null) {
        firstLine.put(item, r.line());
      } else if (!before.equals(text)) {
        throw r.error("item", "'" + item + "' appears again with another text (first on line " + firstLine.get(item)
            + "); give each item one text");
      }
    }
    return texts;
  }
}
