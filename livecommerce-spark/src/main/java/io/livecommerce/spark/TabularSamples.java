package io.livecommerce.spark;

import io.livecommerce.embed.TextEmbedder;
import io.livecommerce.regress.TabularFitPlan;
import io.livecommerce.regress.TabularRow;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.sql.Row;
import scala.Tuple2;

/**
 * Turns a partition of (normalized row, position) into training samples: a batch of rows at a time, their non-blank
 * texts embedded in one call. A row that cannot be read fails the job naming its position and id. Not thread-safe
 * (one per task).
 */
final class TabularSamples implements Iterator<SparkTabularTrainer.Sample> {

  private final Iterator<Tuple2<Row, Long>> in;
  private final TabularFitPlan plan;
  private final TabularColumns columns;
  private final TextEmbedder embedder;
  private final List<SparkTabularTrainer.Sample> batch = new ArrayList<>();
  private int next;

  TabularSamples(Iterator<Tuple2<Row, Long>> in, TabularFitPlan plan, TabularColumns columns,
      EmbedderFactory factory) {
    this.in = in;
    this.plan = plan;
    this.columns = columns;
    this.embedder = plan.usesText() ? ExecutorEmbedders.get(factory) : null;
  }

  @Override
  public boolean hasNext() {
    if (next < batch.size()) {
      return true;
    }
    batch.clear();
    next = 0;
    List<TabularRow> rows = new ArrayList<>();
    List<Long> positions = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    while (rows.size() < SparkEmbedding.BATCH && in.hasNext()) {
      Tuple2<Row, Long> t = in.next();
      TabularRow row;
      try {
        row = columns.row(t._1);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("row " + t._2 + " of the table: " + e.getMessage(), e);
      }
      rows.add(row);
      positions.add(t._2);
      if (embedder != null && !row.text().isBlank()) {
        texts.add(row.text());
      }
    }
    Iterator<float[]> vectors = texts.isEmpty() ? java.util.Collections.emptyIterator()
        : embedder.embedAll(texts).iterator();
    for (int i = 0; i < rows.size(); i++) {
      TabularRow row = rows.get(i);
      long at = positions.get(i);
      float[] v = embedder != null && !row.text().isBlank() ? vectors.next() : null;
      batch.add(new SparkTabularTrainer.Sample(plan.foldOf(at), plan.target(row, at), plan.features(row, v)));
    }
    return !batch.isEmpty();
  }

  @Override
  public SparkTabularTrainer.Sample next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return batch.get(next++);
  }
}
