package io.livecommerce.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/**
 * A product-selection table of any size for {@code benchmarks/spark-scaling.sh regress}: one row per (host, product)
 * with a short Chinese title, a log-normal price, a rating (12% missing), a brand (60 levels) and a category (8), and
 * units sold with planted effects; streamed to CSV so that a million rows need no heap.
 * Usage: ScaledSalesTable ROWS OUT.csv [SEED]
 */
public final class ScaledSalesTable {

  private static final String[] CATEGORIES = {"美妆", "护肤", "食品", "服饰", "数码", "家居", "母婴", "运动"};
  private static final String[] WORDS = {"补水", "保湿", "显白", "持久", "轻薄", "大容量", "降噪", "坚果", "有机",
      "纯棉", "百搭", "防晒", "无线", "快充", "便携", "加厚", "低糖", "进口", "新款", "限定"};

  private ScaledSalesTable() {}

  public static void main(String[] args) throws IOException {
    long rows = Long.parseLong(args[0]);
    Path out = Path.of(args[1]);
    Random rnd = new Random(args.length > 2 ? Long.parseLong(args[2]) : 42);
    double[] brandPull = new double[60];
    for (int b = 0; b < brandPull.length; b++) {
      brandPull[b] = 0.4 * rnd.nextGaussian();
    }
    try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      w.write("id,title,price,rating,brand,category,units\n");
      for (long i = 0; i < rows; i++) {
        int c = rnd.nextInt(CATEGORIES.length);
        int b = rnd.nextInt(brandPull.length);
        String a = WORDS[rnd.nextInt(WORDS.length)];
        String t = WORDS[rnd.nextInt(WORDS.length)];
        double price = Math.exp(4 + 0.9 * rnd.nextGaussian());
        double rating = 3 + 2 * rnd.nextDouble();
        boolean hasRating = rnd.nextDouble() > 0.12;
        double log = 2.5 - 0.35 * Math.log(price) + 0.5 * (rating - 4) + brandPull[b]
            + (a.equals("补水") || t.equals("降噪") ? 0.4 : 0) + 0.5 * rnd.nextGaussian();
        long units = Math.max(0, Math.round(Math.exp(log + 1.5)) - 1);
        w.write("s" + i + "," + a + " " + CATEGORIES[c] + " " + t + "," + String.format(Locale.ROOT, "%.2f", price)
            + "," + (hasRating ? String.format(Locale.ROOT, "%.2f", rating) : "") + ",b" + b + "," + CATEGORIES[c]
            + "," + units + "\n");
      }
    }
    System.out.println("wrote " + rows + " rows to " + out);
  }
}
