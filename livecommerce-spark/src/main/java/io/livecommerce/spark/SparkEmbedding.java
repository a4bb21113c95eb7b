package io.livecommerce.spark;

import io.livecommerce.embed.TextEmbedder;
import io.livecommerce.internal.Checks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
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

  /** Texts per call to {@link TextEmbedder#embedAll}. */
  static final int BATCH = 256;

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
    return rows.mapPartitions((MapPartitionsFunction<Row, Row>) it -> new Embedding(it, textIndex, textColumn,
        ExecutorEmbedders.get(factory)), Encoders.row(out));
  }

  /** Reads a batch of rows, embeds their texts in one call, hands the rows out with their vectors. */
  private static final class Embedding implements Iterator<Row> {
    private final Iterator<Row> in;
    private final int textIndex;
    private final String textColumn;
    private final TextEmbedder embedder;
    private final List<Row> batch = new ArrayList<>();
    private List<float[]> vectors = List.of();
    private int next;

    Embedding(Iterator<Row> in, int textIndex, String textColumn, TextEmbedder embedder) {
      this.in = in;
      this.textIndex = textIndex;
      this.textColumn = textColumn;
      this.embedder = embedder;
    }

    @Override
    public boolean hasNext() {
      if (next < batch.size()) {
        return true;
      }
      batch.clear();
      next = 0;
      List<String> texts = new ArrayList<>();
      while (batch.size() < BATCH && in.hasNext()) {
        Row r = in.next();
        if (r.isNullAt(textIndex)) {
          throw new IllegalArgumentException("textColumn '" + textColumn + "' is null in row " + r);
        }
        batch.add(r);
        texts.add(r.getString(textIndex));
      }
      vectors = texts.isEmpty() ? List.of() : embedder.embedAll(texts);
      return !batch.isEmpty();
    }

    @Override
    public Row next() {
      if (!hasNext()) {
        throw new java.util.NoSuchElementException();
      }
      Row r = batch.get(next);
      float[] v = vectors.get(next);
      next++;
      Object[] values = new Object[r.length() + 1];
      for (int i = 0; i < r.length(); i++) {
        values[i] = r.get(i);
      }
      Float[] boxed = new Float[v.length];
      for (int i = 0; i < v.length; i++) {
        boxed[i] = v[i];
      }
      values[r.length()] = boxed;
      return RowFactory.create(values);
    }
  }
}
