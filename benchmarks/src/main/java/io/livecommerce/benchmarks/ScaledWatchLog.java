package io.livecommerce.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/**
 * A viewer × anchor watch log of any size for {@code benchmarks/spark-scaling.sh}, shaped like the simulator's
 * (about 28 watch events per viewer, one to three favourite anchors, most visits within the viewer's categories,
 * watch minutes log-normal), streamed to CSV so that generating 20M rows needs no heap.
 * Usage: ScaledWatchLog EVENTS OUT.csv [SEED]
 */
public final class ScaledWatchLog {

  private ScaledWatchLog() {}

  public static void main(String[] args) throws IOException {
    long events = Long.parseLong(args[0]);
    Path out = Path.of(args[1]);
    Random rnd = new Random(args.length > 2 ? Long.parseLong(args[2]) : 42);
    int viewers = (int) Math.max(100, events / 28);
    int anchors = (int) Math.max(60, Math.round(60 * Math.sqrt(events / 84_000.0)));
    int categories = 8;
    long start = 1_790_000_000_000L;
    long written = 0;
    try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      w.write("user,item,weight,timestamp\n");
      for (int v = 0; v < viewers && written < events; v++) {
        int taste = rnd.nextInt(categories);
        int[] favourites = new int[1 + rnd.nextInt(3)];
        for (int f = 0; f < favourites.length; f++) {
          favourites[f] = taste + categories * rnd.nextInt(anchors / categories);
        }
        long n = Math.min(events - written, 1 + (long) (rnd.nextDouble() * 55));
        for (long e = 0; e < n; e++) {
          double r = rnd.nextDouble();
          int a = r < 0.4 ? favourites[rnd.nextInt(favourites.length)]
              : r < 0.75 ? taste + categories * rnd.nextInt(anchors / categories) : rnd.nextInt(anchors);
          double minutes = Math.exp(1.3 + 0.8 * rnd.nextGaussian()) / 10;
          long ts = start + (long) (rnd.nextDouble() * 14 * 86_400_000L);
          w.write("v" + v + ",a" + a + "," + String.format(Locale.ROOT, "%.2f", minutes) + "," + ts + "\n");
        }
        written += n;
      }
    }
    System.out.println("wrote " + written + " events of " + viewers + " viewers over " + anchors + " anchors to "
        + out);
  }
}
