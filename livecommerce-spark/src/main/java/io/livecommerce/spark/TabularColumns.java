package io.livecommerce.spark;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import io.livecommerce.regress.TabularRow;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Which columns of a Spark table make a {@link TabularRow}, and the checks and casts that make every row readable
 * the way the CLI reads a CSV: numbers as doubles (an empty cell is missing), categories as strings (empty is
 * missing), the text as a string (null is blank). Immutable; serializable, to build rows on the executors.
 */
record TabularColumns(String id, String target, String text, List<String> numeric, List<String> categorical)
    implements Serializable {

  /** The largest magnitude a number may have, as the CLI reads tables. */
  static final double MAX_ABS_VALUE = 1e15;

  TabularColumns {
    numeric = List.copyOf(numeric);
    categorical = List.copyOf(categorical);
  }

  /**
   * The table reduced to id, target (when {@code withTarget}), text, numeric and categorical columns in that order,
   * cast; fails naming the column, the count and an example where a cell cannot be read.
   */
  Dataset<Row> normalize(Dataset<Row> table, boolean withTarget) {
    List<String> names = Arrays.asList(table.columns());
    List<String> needed = new ArrayList<>();
    needed.add(id);
    if (withTarget) {
      needed.add(target);
    }
    if (text != null) {
      needed.add(text);
    }
    needed.addAll(numeric);
    needed.addAll(categorical);
    for (String c : needed) {
      if (!names.contains(c)) {
        throw new IllegalArgumentException("the table has no column '" + c + "'; columns: " + names);
      }
    }
    List<Column> select = new ArrayList<>();
    select.add(col(id).cast("string").as(id));
    // A target column that is optional (predicting) is read when present; an empty cell there is no target.
    boolean target = withTarget || names.contains(this.target);
    select.add(target ? col(this.target).try_cast("double").as(this.target) : lit(null).cast("double")
        .as(this.target));
    select.add(text == null ? lit("").as("__text") : col(text).cast("string").as(text));
    for (String c : numeric) {
      select.add(col(c).try_cast("double").as(c));
    }
    for (String c : categorical) {
      Column s = col(c).cast("string");
      select.add(when(s.equalTo(""), lit(null)).otherwise(s).as(c));
    }
    check(table, withTarget, target);
    return table.select(select.toArray(Column[]::new));
  }

  /** One pass counting unreadable cells per column; the first column with any fails with an example. */
  private void check(Dataset<Row> table, boolean withTarget, boolean target) {
    List<String> checked = new ArrayList<>();
    List<Column> bad = new ArrayList<>();
    checked.add(id);
    bad.add(count(when(col(id).isNull().or(trim(col(id).cast("string")).equalTo("")), 1)));
    List<String> numbers = new ArrayList<>();
    if (target) {
      numbers.add(this.target);
    }
    numbers.addAll(numeric);
    for (String c : numbers) {
      checked.add(c);
      bad.add(count(when(unreadable(c, withTarget && c.equals(this.target)), 1)));
    }
    Row counts = table.agg(bad.get(0), bad.subList(1, bad.size()).toArray(Column[]::new)).first();
    for (int i = 0; i < checked.size(); i++) {
      long n = counts.getLong(i);
      if (n > 0) {
        String c = checked.get(i);
        Column isBad = i == 0 ? col(id).isNull().or(trim(col(id).cast("string")).equalTo(""))
            : unreadable(c, withTarget && c.equals(this.target));
        Row example = table.select(col(c)).where(isBad).first();
        throw new IllegalArgumentException("column '" + c + "' is " + (i == 0 ? "empty"
            : withTarget && c.equals(this.target) ? "empty or not a number in [-1e15, 1e15]"
            : "not a number in [-1e15, 1e15]") + " in " + n + " rows, e.g. "
            + (example.isNullAt(0) ? "an empty cell" : "'" + example.get(0) + "'"));
      }
    }
  }

  /** Not a finite number; an empty cell counts only where a value is required. */
  private static Column unreadable(String c, boolean required) {
    Column raw = col(c);
    Column v = raw.try_cast("double");
    Column empty = raw.isNull().or(trim(raw.cast("string")).equalTo(""));
    Column notFinite = v.isNull().or(isnan(v)).or(abs(v).gt(MAX_ABS_VALUE));
    return required ? empty.or(notFinite) : not(empty).and(notFinite);
  }

  /** The row of a normalized table. */
  TabularRow row(Row r) {
    Map<String, Double> num = new HashMap<>();
    int p = 3;
    for (String c : numeric) {
      if (!r.isNullAt(p)) {
        num.put(c, r.getDouble(p));
      }
      p++;
    }
    Map<String, String> cat = new HashMap<>();
    for (String c : categorical) {
      if (!r.isNullAt(p)) {
        cat.put(c, r.getString(p));
      }
      p++;
    }
    String t = r.isNullAt(2) ? "" : r.getString(2);
    return new TabularRow(r.getString(0), t, num, cat, r.isNullAt(1) ? Double.NaN : r.getDouble(1));
  }
}
