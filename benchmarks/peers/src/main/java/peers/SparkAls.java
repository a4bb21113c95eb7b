package peers;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.ml.recommendation.ALS;
import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Spark MLlib's implicit ALS as an established peer: the same train file (user,item,weight), the documented
 * implicit settings (rank 10, maxIter 10, regParam 0.1, alpha 1.0) or those given, top k unseen items per user,
 * written as the CLI's user,rank,item,score. Usage: SparkAls TRAIN OUT K [rank maxIter regParam alpha binary]
 */
public final class SparkAls {

  public static void main(String[] args) throws IOException {
    Path train = Path.of(args[0]);
    Path out = Path.of(args[1]);
    int k = Integer.parseInt(args[2]);
    int rank = args.length > 3 ? Integer.parseInt(args[3]) : 10;
    int iters = args.length > 4 ? Integer.parseInt(args[4]) : 10;
    double reg = args.length > 5 ? Double.parseDouble(args[5]) : 0.1;
    double alpha = args.length > 6 ? Double.parseDouble(args[6]) : 1.0;
    boolean binary = args.length > 7 && Boolean.parseBoolean(args[7]);
    Map<String, Integer> users = new HashMap<>();
    Map<String, Integer> items = new HashMap<>();
    List<String> userNames = new ArrayList<>();
    List<String> itemNames = new ArrayList<>();
    Map<Integer, Set<Integer>> seen = new HashMap<>();
    List<Row> rows = new ArrayList<>();
    List<String> lines = Files.readAllLines(train, StandardCharsets.UTF_8);
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      int u = users.computeIfAbsent(f[0], x -> { userNames.add(x); return userNames.size() - 1; });
      int i = items.computeIfAbsent(f[1], x -> { itemNames.add(x); return itemNames.size() - 1; });
      seen.computeIfAbsent(u, x -> new HashSet<>()).add(i);
      rows.add(RowFactory.create(u, i, binary ? 1f : Float.parseFloat(f[2])));
    }
    SparkSession spark = SparkSession.builder().master("local[2]").appName("peer-als")
        .config("spark.driver.bindAddress", "127.0.0.1").config("spark.driver.host", "127.0.0.1")
        .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4").getOrCreate();
    spark.sparkContext().setLogLevel("ERROR");
    StructType schema = new StructType().add("user", DataTypes.IntegerType).add("item", DataTypes.IntegerType)
        .add("weight", DataTypes.FloatType);
    Dataset<Row> df = spark.createDataFrame(rows, schema);
    ALSModel model = new ALS().setImplicitPrefs(true).setRank(rank).setMaxIter(iters).setRegParam(reg)
        .setAlpha(alpha).setUserCol("user").setItemCol("item").setRatingCol("weight").setSeed(42).fit(df);
    int maxSeen = seen.values().stream().mapToInt(Set::size).max().orElse(0);
    List<Row> recs = model.recommendForAllUsers(k + maxSeen).collectAsList();
    try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
      w.println("user,rank,item,score");
      for (Row r : recs) {
        int u = r.getInt(0);
        List<Row> list = r.getList(1);
        int rankPos = 0;
        for (Row rec : list) {
          int i = rec.getInt(0);
          if (seen.getOrDefault(u, Set.of()).contains(i)) {
            continue;
          }
          w.println(userNames.get(u) + "," + (++rankPos) + "," + itemNames.get(i) + "," + rec.getFloat(1));
          if (rankPos == k) {
            break;
          }
        }
      }
    }
    spark.stop();
  }
}
