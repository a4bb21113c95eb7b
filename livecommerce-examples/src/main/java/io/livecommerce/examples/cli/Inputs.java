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
   * Interactions: user,item[,weight,timestamp]; weight in [-1e6, 1e6], default 1; timestamp epoch ms >= 0, 0 when the
   * column is absent or empty (no order is made up from the file's line order, which may be sorted by anything).
   */
  static List<Interaction> interactions(Path file, Charset charset) {
    CsvTable t = CsvTable.read(file, charset).require("user", "item");
    boolean hasWeight = t.has("weight");
    boolean hasTime = t.has("timestamp");
    List<Interaction> out = new ArrayList<>();
    for (CsvTable.Row r : t.rows()) {
      double w = hasWeight && !r.get("weight").isEmpty()
          ? r.getDouble("weight", -MAX_ABS_WEIGHT, MAX_ABS_WEIGHT) : 1.0;
      long ts = hasTime && !r.get("timestamp").isEmpty() ? r.getLong("timestamp", 0, Long.MAX_VALUE) : 0;
      try {
        out.add(new Interaction(r.required("user"), r.required("item"), w, ts));
      } catch (IllegalArgumentException e) {
        throw r.error(null, e.getMessage());
      }
    }
    if (out.isEmpty()) {
      throw new CsvFormatException(file, 2, null, "has no interactions");
    }
    return out;
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
