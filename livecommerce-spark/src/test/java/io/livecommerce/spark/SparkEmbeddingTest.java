package io.livecommerce.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livecommerce.embed.HashingTextEmbedder;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class SparkEmbeddingTest {

  static final StructType SCHEMA = new StructType().add("id", DataTypes.IntegerType).add("title", DataTypes.StringType);

  static Dataset<Row> titles(int n, boolean withNull) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      rows.add(RowFactory.create(i, withNull && i == n / 2 ? null : "网红爆款 保温杯 第" + i + "号 大容量"));
    }
    return LocalSpark.get().createDataFrame(rows, SCHEMA).repartition(3);
  }

  @Test
  void vectorsEqualTheInProcessEmbeddersAndEveryRowIsKept() {
    List<Row> out = SparkEmbedding.embedColumn(titles(700, false), "title", "vec", EmbedderFactory.hashing())
        .collectAsList();
    assertEquals(700, out.size());
    HashingTextEmbedder local = HashingTextEmbedder.create();
    for (Row r : out) {
      List<Float> v = r.getList(2);
      float[] got = new float[v.size()];
      for (int d = 0; d < got.length; d++) {
        got[d] = v.get(d);
      }
      assertArrayEquals(local.embed(r.getString(1)), got, r.getString(1));
    }
  }

  @Test
  void badColumnsAreRefusedNamingThemAndANullTextFailsTheJob() {
    Dataset<Row> df = titles(10, false);
    assertTrue(assertThrows(IllegalArgumentException.class, () -> SparkEmbedding.embedColumn(df, "name", "vec",
        EmbedderFactory.hashing())).getMessage().contains("'name' is not among the columns [id, title]"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> SparkEmbedding.embedColumn(df, "id", "vec",
        EmbedderFactory.hashing())).getMessage().contains("'id' is int, not string"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> SparkEmbedding.embedColumn(df, "title", "id",
        EmbedderFactory.hashing())).getMessage().contains("already exists"));
    Exception e = assertThrows(Exception.class, () -> SparkEmbedding.embedColumn(titles(10, true), "title", "vec",
        EmbedderFactory.hashing()).collectAsList());
    assertTrue(String.valueOf(e.getMessage()).contains("textColumn 'title' is null"), e.getMessage());
  }
}
