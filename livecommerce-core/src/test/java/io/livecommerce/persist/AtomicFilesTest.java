package io.livecommerce.persist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

  static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }

  @Test
  void aWriteCutPartWayLeavesThePreviousContentAndNoTemporaryFile(@TempDir Path dir) throws Exception {
    Path target = dir.resolve("recs.csv");
    AtomicFiles.write(target, out -> out.write("user,rank\nu1,1\n".getBytes(StandardCharsets.UTF_8)));
    // What a file-size limit or a full disk looks like to the writer: the stream fails mid-row.
    IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
      out.write("user,rank\n".getBytes(StandardCharsets.UTF_8));
      out.write(new byte[200_000]);
      throw new IOException("File too large");
    }));
    assertEquals("File too large", e.getMessage());
    assertEquals("user,rank\nu1,1\n", Files.readString(target));
    assertEquals(List.of(target), files(dir), "the temporary file is gone");
  }

  @Test
  void createsParentsAndReplacesWhole(@TempDir Path dir) throws Exception {
    Path target = dir.resolve("a/b/out.txt");
    AtomicFiles.write(target, out -> out.write(new byte[100_000]));
    AtomicFiles.write(target, out -> out.write('x'));
    assertEquals("x", Files.readString(target));
  }

  @Test
  void concurrentWritersLeaveOneWholeContent(@TempDir Path dir) throws Exception {
    Path target = dir.resolve("shared.txt");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<?>> fs = new java.util.ArrayList<>();
      for (int t = 0; t < 4; t++) {
        byte[] content = String.valueOf((char) ('a' + t)).repeat(50_000).getBytes(StandardCharsets.UTF_8);
        fs.add(pool.submit(() -> {
          go.await();
          AtomicFiles.write(target, out -> out.write(content));
          return null;
        }));
      }
      go.countDown();
      for (Future<?> f : fs) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    String s = Files.readString(target);
    assertEquals(50_000, s.length());
    assertEquals(1, s.chars().distinct().count(), "one writer's whole content");
    assertEquals(List.of(target), files(dir));
  }
}
