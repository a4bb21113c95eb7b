package io.livecommerce.spark;

import io.livecommerce.embed.TextEmbedder;
import io.livecommerce.internal.Checks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Embeds a text column on the executors: {@code mapPartitions} over the rows, texts in batches, one embedder per
 * executor JVM shared by its tasks. The vectors equal the in-process embedder's (embedders are batch-invariant).
 *
 * <p>Stateless and thread-safe.
 */
public final class SparkEmbedding {

  private SparkEmbedding() {}

  /**
   * {@code rows} with a new column {@code vectorColumn} (array of float) holding the embedding of
   * {@code textColumn}. Lazy, like every transformation.
   *
   * @throws IllegalArgumentException if a column is missing, the text column is not a string, or the vector column
   *     already exists; a null text fails the job with a message naming the column
   */
  public static Dataset<Row> embedColumn(Dataset<Row> rows, String textColumn, String vectorColumn,
      EmbedderFactory factory) {
    Checks.notNull(rows, "rows");
    Checks.notBlank(textColumn, "textColumn");
    Checks.notBlank(vectorColumn, "vectorColumn");
    Checks.notNull(factory, "factory");
    StructType schema = rows.schema();
    List<String> names = Arrays.asList(schema.fieldNames());
    int textIndex = names.indexOf(textColumn);
    if (textIndex < 0) {
      throw new IllegalArgumentException("textColumn '" + textColumn + "' is not among the columns " + names);
    }
    if (!schema.fields()[textIndex].dataType().equals(DataTypes.StringType)) {
      throw new IllegalArgumentException("textColumn '" + textColumn + "' is " + schema.fields()[textIndex]
          .dataType().simpleString() + ", not string");
    }
    if (names.contains(vectorColumn)) {
      throw new IllegalArgumentException("vectorColumn '" + vectorColumn + "' already exists; choose another name");
    }
    StructType out = schema.add(vectorColumn, DataTypes.createArrayType(DataTypes.FloatType, false), false);
    return rows.mapPartitions((MapPartitionsFunction<Row, Row>) it -> {
      TextEmbedder embedder = ExecutorEmbedders.get(factory);
      return Batches.of(it, batch -> withVectors(batch, textIndex, textColumn, embedder));
    }, Encoders.row(out));
  }

  /** The rows with their texts' vectors appended, embedded in one call. */
  private static List<Row> withVectors(List<Row> batch, int textIndex, String textColumn, TextEmbedder embedder) {
    List<String> texts = new ArrayList<>(batch.size());
    for (Row r : batch) {
      if (r.isNullAt(textIndex)) {
        throw new IllegalArgumentException("textColumn '" + textColumn + "' is null in row " + r);
      }
      texts.add(r.getString(textIndex));
    }
    List<float[]> vectors = embedder.embedAll(texts);
    List<Row> out = new ArrayList<>(batch.size());
    for (int k = 0; k < batch.size(); k++) {
      Row r = batch.get(k);
      float[] v = vectors.get(k);
      Object[] values = new Object[r.length() + 1];
      for (int i = 0; i < r.length(); i++) {
        values[i] = r.get(i);
      }
      Float[] boxed = new Float[v.length];
      for (int i = 0; i < v.length; i++) {
        boxed[i] = v[i];
      }
      values[r.length()] = boxed;
      out.add(RowFactory.create(values));
    }
    return out;
  }
}
