package io.livecommerce.spark;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import picocli.CommandLine.Option;

/**
 * Which columns of an interactions table are the user, item, weight and timestamp, so a table with other names (the
 * simulator's {@code watch_events.csv}: viewer_id, room_id, watch_seconds, timestamp_millis) needs no rewriting. Not
 * thread-safe (one per run).
 */
final class InteractionColumns {
  @Option(names = "--user-column", defaultValue = "user", description = "The user column (default: user).")
  String user;

  @Option(names = "--item-column", defaultValue = "item", description = "The item column (default: item).")
  String item;

  @Option(names = "--weight-column", description = "The weight column (default: weight if there is one, else 1).")
  String weight;

  @Option(names = "--timestamp-column", description = "The timestamp column, epoch ms (default: timestamp if there "
      + "is one).")
  String timestamp;

  /**
   * The table with the columns renamed to user, item and, when present, weight and timestamp; the others dropped.
   *
   * @throws IllegalArgumentException if a named column is missing, listing the table's columns
   */
  Dataset<Row> select(Dataset<Row> table, boolean needItem) {
    List<String> names = Arrays.asList(table.columns());
    List<Column> out = new ArrayList<>();
    out.add(require(names, user, "--user-column").as("user"));
    if (needItem) {
      out.add(require(names, item, "--item-column").as("item"));
      String w = weight != null ? weight : names.contains("weight") ? "weight" : null;
      if (w != null) {
        out.add(require(names, w, "--weight-column").as("weight"));
      }
      String t = timestamp != null ? timestamp : names.contains("timestamp") ? "timestamp" : null;
      if (t != null) {
        out.add(require(names, t, "--timestamp-column").as("timestamp"));
      }
    }
    return table.select(out.toArray(Column[]::new));
  }

  private static Column require(List<String> names, String name, String flag) {
    if (!names.contains(name)) {
      throw new IllegalArgumentException("interactions has no column '" + name + "' (" + flag + "); columns: "
          + names);
    }
    return col(name);
  }
}
