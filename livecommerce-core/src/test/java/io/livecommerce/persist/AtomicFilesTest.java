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

  private static void write(Path target, String text) throws IOException {
    AtomicFiles.write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aSymbolicLinkIsWrittenThroughAndStaysALink(@TempDir Path dir) throws Exception {
    Path real = dir.resolve("real.csv");
    write(real, "old\n");
    Path link = Files.createSymbolicLink(dir.resolve("link.csv"), real);
    write(link, "new\n");
    org.junit.jupiter.api.Assertions.assertTrue(Files.isSymbolicLink(link));
    assertEquals("new\n", Files.readString(real));
  }

  @Test
  void aDanglingLinkAFolderAndAPipeAreRefusedAndLeftAlone(@TempDir Path dir) throws Exception {
    Path dangling = Files.createSymbolicLink(dir.resolve("gone.csv"), dir.resolve("missing/nowhere.csv"));
    IOException e = assertThrows(IOException.class, () -> write(dangling, "x"));
    org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("gone.csv")
        && e.getMessage().contains("does not exist"), e.getMessage());
    Path folder = Files.createDirectory(dir.resolve("out"));
    e = assertThrows(IOException.class, () -> write(folder, "x"));
    org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("a folder"), e.getMessage());
    Path fifo = dir.resolve("pipe");
    Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
    org.junit.jupiter.api.Assumptions.assumeTrue(p.waitFor() == 0, "mkfifo is not available");
    Path linkToPipe = Files.createSymbolicLink(dir.resolve("to-pipe.csv"), fifo);
    for (Path target : List.of(fifo, linkToPipe)) {
      e = assertThrows(IOException.class, () -> write(target, "x"));
      org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
    }
    org.junit.jupiter.api.Assertions.assertFalse(Files.isRegularFile(fifo), "the pipe is still a pipe");
    org.junit.jupiter.api.Assertions.assertTrue(Files.isSymbolicLink(linkToPipe));
  }

  @Test
  void staleTemporaryFilesOfTheSameOutputAreRemovedFreshOnesKept(@TempDir Path dir) throws Exception {
    Path target = dir.resolve("out.csv");
    Path stale = Files.writeString(dir.resolve(".out.csv123.tmp"), "half");
    Files.setLastModifiedTime(stale, java.nio.file.attribute.FileTime.fromMillis(
        System.currentTimeMillis() - 2 * 3_600_000L));
    Path recent = Files.writeString(dir.resolve(".out.csv456.tmp"), "another writer's");
    Path other = Files.writeString(dir.resolve(".other.csv789.tmp"), "not ours to judge");
    Files.setLastModifiedTime(other, java.nio.file.attribute.FileTime.fromMillis(0));
    write(target, "done");
    assertEquals(List.of(recent, other, target).stream().sorted().toList(), files(dir));
  }
}
