package peers;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.mahout.cf.taste.common.TasteException;
import org.apache.mahout.cf.taste.impl.common.FastByIDMap;
import org.apache.mahout.cf.taste.impl.model.GenericDataModel;
import org.apache.mahout.cf.taste.impl.model.GenericUserPreferenceArray;
import org.apache.mahout.cf.taste.impl.recommender.svd.ALSWRFactorizer;
import org.apache.mahout.cf.taste.impl.recommender.svd.SVDRecommender;
import org.apache.mahout.cf.taste.model.PreferenceArray;
import org.apache.mahout.cf.taste.recommender.RecommendedItem;
import org.apache.mahout.common.RandomUtils;

/**
 * Mahout's ALS-WR in implicit mode (Hu, Koren and Volinsky) as an established peer: the same train file, Mahout's
 * example settings (10 features, lambda 0.065, 10 iterations, alpha 40) or those given, top k unseen items per user
 * written as the CLI's user,rank,item,score. Usage: MahoutAls TRAIN OUT K [features lambda iterations alpha binary]
 */
public final class MahoutAls {

  public static void main(String[] args) throws IOException, TasteException {
    Path train = Path.of(args[0]);
    Path out = Path.of(args[1]);
    int k = Integer.parseInt(args[2]);
    int features = args.length > 3 ? Integer.parseInt(args[3]) : 10;
    double lambda = args.length > 4 ? Double.parseDouble(args[4]) : 0.065;
    int iterations = args.length > 5 ? Integer.parseInt(args[5]) : 10;
    double alpha = args.length > 6 ? Double.parseDouble(args[6]) : 40;
    boolean binary = args.length > 7 && Boolean.parseBoolean(args[7]);
    RandomUtils.useTestSeed(); // Mahout seeds its factors from the clock otherwise: runs would differ
    Map<String, Long> users = new HashMap<>();
    Map<String, Long> items = new HashMap<>();
    List<String> userNames = new ArrayList<>();
    List<String> itemNames = new ArrayList<>();
    Map<Long, Map<Long, Float>> prefs = new HashMap<>();
    List<String> lines = Files.readAllLines(train, StandardCharsets.UTF_8);
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      long u = users.computeIfAbsent(f[0], x -> { userNames.add(x); return (long) userNames.size() - 1; });
      long i = items.computeIfAbsent(f[1], x -> { itemNames.add(x); return (long) itemNames.size() - 1; });
      prefs.computeIfAbsent(u, x -> new HashMap<>()).merge(i, binary ? 1f : Float.parseFloat(f[2]),
          binary ? (a, b) -> 1f : Float::sum);
    }
    FastByIDMap<PreferenceArray> data = new FastByIDMap<>();
    prefs.forEach((u, row) -> {
      PreferenceArray a = new GenericUserPreferenceArray(row.size());
      int j = 0;
      for (Map.Entry<Long, Float> e : row.entrySet()) {
        a.setUserID(j, u);
        a.setItemID(j, e.getKey());
        a.setValue(j, e.getValue());
        j++;
      }
      data.put(u, a);
    });
    GenericDataModel model = new GenericDataModel(data);
    ALSWRFactorizer als = new ALSWRFactorizer(model, features, lambda, iterations, true, alpha);
    SVDRecommender rec = new SVDRecommender(model, als);
    try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
      w.println("user,rank,item,score");
      for (long u : prefs.keySet()) {
        int rank = 0;
        for (RecommendedItem r : rec.recommend(u, k)) { // Mahout leaves out items the user has
          w.println(userNames.get((int) u) + "," + (++rank) + "," + itemNames.get((int) r.getItemID()) + ","
              + r.getValue());
        }
      }
    }
  }
}
