package io.livecommerce.persist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livecommerce.math.RidgeModel;
import io.livecommerce.regress.RidgeModelCodec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFilesTest {

  static RidgeModel model(int i) {
    return new RidgeModel(new double[] {i, 2}, new double[] {1, 3}, new double[] {0.5 * i, -1}, 7, 1, 1, 10 + i);
  }

  @Test
  void concurrentSavesToOnePathLeaveOneCompleteFileAndNoTemporaries(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("ridge.lcm");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        final int n = i;
        futures.add(pool.submit(() -> {
          start.await();
          for (int r = 0; r < 20; r++) {
            ModelFiles.save(file, RidgeModelCodec.INSTANCE, model(n));
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    RidgeModel loaded = ModelFiles.load(file, RidgeModelCodec.INSTANCE);
    boolean isOneOfThem = false;
    for (int i = 0; i < 8; i++) {
      isOneOfThem |= loaded.equals(model(i));
    }
    assertTrue(isOneOfThem, "the file holds one complete model: " + loaded);
    try (var files = Files.list(dir)) {
      assertEquals(List.of(file), files.toList(), "no temporary files left behind");
    }
  }

  @Test
  void newerVersionsAreRefusedClearly(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("m.lcm");
    ModelFiles.save(file, RidgeModelCodec.INSTANCE, model(1));
    byte[] bytes = Files.readAllBytes(file);
    bytes[11] = 9; // container format version (big-endian int after the 8 magic bytes)
    Files.write(file, bytes);
    ModelFormatException e = assertThrows(ModelFormatException.class,
        () -> ModelFiles.load(file, RidgeModelCodec.INSTANCE));
    assertTrue(e.getMessage().contains("container format 9"), e.getMessage());
    assertEquals(model(3), roundTrip(dir, model(3)));
  }

  private static RidgeModel roundTrip(Path dir, RidgeModel m) throws Exception {
    Path f = dir.resolve("rt.lcm");
    ModelFiles.save(f, RidgeModelCodec.INSTANCE, m);
    return ModelFiles.load(f, RidgeModelCodec.INSTANCE);
  }
}
