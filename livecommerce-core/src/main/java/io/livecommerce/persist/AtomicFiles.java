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
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
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
    }
  }
}
