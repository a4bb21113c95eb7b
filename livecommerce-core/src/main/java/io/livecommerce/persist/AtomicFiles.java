package io.livecommerce.persist;

import io.livecommerce.internal.Checks;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes a file so that readers see either the old content or the whole new content, never a part: the bytes go to
 * a temporary file in the target's directory, are flushed to disk, and the temporary file is then moved over the
 * target atomically. When writing fails (disk full, a file-size limit, an exception from the caller's writer) the
 * temporary file is deleted and the target is left as it was.
 *
 * <p>Only regular files are replaced. A target that is a symbolic link is resolved first, so the file it points to is
 * replaced and the link stays; a target (or a link's end) that exists and is not a regular file (a device such as
 * {@code /dev/null}, a pipe, a folder) is refused, since moving a file over it would replace the device node itself.
 * A temporary file left by a killed process is removed the next time the same target is written (after an hour, so
 * a concurrent writer's is never touched), and one in flight when the JVM shuts down (Ctrl-C, SIGTERM) is removed
 * by a shutdown hook.
 *
 * <p>Stateless and thread-safe; concurrent writes to one target leave one writer's whole content.
 */
public final class AtomicFiles {

  private AtomicFiles() {}

  /** A temporary file is private (rw-------); the result gets the target's permissions, or rw-r--r-- when new. */
  private static void keepPermissions(Path target, Path tmp) throws IOException {
    if (!Files.getFileStore(tmp).supportsFileAttributeView(PosixFileAttributeView.class)) {
      return;
    }
    Set<PosixFilePermission> perms = Files.exists(target)
        ? Files.getPosixFilePermissions(target) : PosixFilePermissions.fromString("rw-r--r--");
    Files.setPosixFilePermissions(tmp, perms);
  }

  /** Writes the content of a file to a stream. */
  @FunctionalInterface
  public interface Writer {
    /** Writes everything to {@code out}; the stream is buffered and closed by the caller. */
    void writeTo(OutputStream out) throws IOException;
  }

  /**
   * Writes {@code target} with what {@code writer} produces, creating missing parent directories.
   *
   * @throws IllegalArgumentException if an argument is null
   * @throws IOException if writing or moving fails; the target is then unchanged
   */
  public static void write(Path target, Writer writer) throws IOException {
    Checks.notNull(target, "target");
    Checks.notNull(writer, "writer");
    target = regularTarget(target);
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    removeStale(dir, target.getFileName().toString());
    Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
    IN_FLIGHT.add(tmp);
    try {
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16);
        writer.writeTo(out);
        out.flush();
        ch.force(true);
      }
      keepPermissions(target, tmp);
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
      IN_FLIGHT.remove(tmp);
    }
  }

  private static final Set<Path> IN_FLIGHT = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private static final long STALE_MILLIS = 3_600_000L;

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      for (Path p : IN_FLIGHT) {
        try {
          Files.deleteIfExists(p);
        } catch (IOException | RuntimeException e) {
          // best effort while the JVM goes down; the next write removes it as stale
        }
      }
    }, "livecommerce-temp-cleanup"));
  }

  /**
   * The file to replace: {@code target}, or the file a symbolic link at {@code target} points to.
   *
   * @throws IOException naming the path when it, or the link's end, exists and is not a regular file, or the link
   *     dangles
   */
  static Path regularTarget(Path target) throws IOException {
    Path t = target;
    if (Files.isSymbolicLink(t)) {
      if (!Files.exists(t)) {
        throw new IOException(target + " is a symbolic link to " + Files.readSymbolicLink(t)
            + ", which does not exist; give a plain file name or fix the link");
      }
      t = t.toRealPath();
    }
    if (Files.exists(t, java.nio.file.LinkOption.NOFOLLOW_LINKS)
        && !Files.isRegularFile(t, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      String kind = Files.isDirectory(t) ? "a folder" : "not a regular file (a device, pipe or socket)";
      throw new IOException(target + (t.equals(target) ? "" : " (" + t + ")") + " is " + kind
          + "; refusing to replace it. Write to a regular file");
    }
    return t;
  }

  /** Removes our temporary files for {@code name} in {@code dir} that are over an hour old. */
  private static void removeStale(Path dir, String name) {
    long cutoff = System.currentTimeMillis() - STALE_MILLIS;
    try (java.nio.file.DirectoryStream<Path> s = Files.newDirectoryStream(dir, "." + globEscape(name) + "*.tmp")) {
      for (Path p : s) {
        if (Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)
            && Files.getLastModifiedTime(p).toMillis() < cutoff && !IN_FLIGHT.contains(p)) {
          Files.deleteIfExists(p);
        }
      }
    } catch (IOException | RuntimeException e) {
      // cleaning up is a courtesy; the write itself must not fail for it
    }
  }

  private static String globEscape(String s) {
    return s.replaceAll("([\\\\*?\\[\\]{}])", "\\\\$1");
  }
}
