package io.livecommerce.spark;

import io.livecommerce.embed.TextEmbedder;
import io.livecommerce.regress.TabularFitPlan;
import io.livecommerce.regress.TabularRow;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Row;
import scala.Tuple2;

/**
 * Turns a partition of (normalized row, position) into training samples a batch at a time, the batch's non-blank
 * texts embedded in one call. A row that cannot be read fails the job naming its position. Stateless.
 */
final class TabularSamples {

  private TabularSamples() {}

  static Iterator<SparkTabularTrainer.Sample> of(Iterator<Tuple2<Row, Long>> in, TabularFitPlan plan,
      TabularColumns columns, EmbedderFactory factory) {
    TextEmbedder embedder = plan.usesText() ? ExecutorEmbedders.get(factory) : null;
    return Batches.of(in, batch -> {
      List<TabularRow> rows = new ArrayList<>(batch.size());
      for (Tuple2<Row, Long> t : batch) {
        try {
          rows.add(columns.row(t._1));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("row " + t._2 + " of the table: " + e.getMessage(), e);
        }
      }
      List<float[]> vectors = embedder == null ? Collections.nCopies(rows.size(), null)
          : TabularRow.textVectors(rows, embedder);
      List<SparkTabularTrainer.Sample> out = new ArrayList<>(rows.size());
      for (int i = 0; i < rows.size(); i++) {
        long at = batch.get(i)._2;
        out.add(new SparkTabularTrainer.Sample(plan.foldOf(at), plan.target(rows.get(i), at),
            plan.features(rows.get(i), vectors.get(i))));
      }
      return out;
    });
  }
}
