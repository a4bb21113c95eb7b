package io.livecommerce.llm.finetune;

import io.livecommerce.internal.Checks;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fine-tuning dataset: training and validation examples and what was done to make them.
 *
 * <p>Immutable and thread-safe.
 *
 * @param train the training examples
 * @param validation the validation examples (empty when there were fewer than two examples or no validation share)
 * @param summary counts and settings
 */
public record FineTuningExport(List<ChatExample> train, List<ChatExample> validation, ExportSummary summary) {

  /** The training file's name. */
  public static final String TRAIN_FILE = "train.jsonl";
  /** The validation file's name. */
  public static final String VALIDATION_FILE = "validation.jsonl";
  /** The summary file's name. */
  public static final String SUMMARY_FILE = "summary.json";

  /** Copies the lists. */
  public FineTuningExport {
    train = List.copyOf(Checks.notNull(train, "train"));
    validation = List.copyOf(Checks.notNull(validation, "validation"));
    Checks.notNull(summary, "summary");
  }

  /** The examples as JSONL: one {@code {"messages": [...]}} object per line, UTF-8. */
  public static String jsonl(List<ChatExample> examples) {
    StringBuilder sb = new StringBuilder();
    for (ChatExample e : Checks.notNull(examples, "examples")) {
      sb.append(e.toJsonLine()).append('\n');
    }
    return sb.toString();
  }

  /**
   * Writes {@value #TRAIN_FILE}, {@value #VALIDATION_FILE} (empty when there is no validation set) and
   * {@value #SUMMARY_FILE} into {@code dir}, creating it. All three are written to temporary files first and moved
   * into place only when all were written, so a failure while writing (disk full) leaves the earlier files as they
   * were.
   *
   * @throws IOException if a file cannot be written
   */
  public void writeTo(Path dir) throws IOException {
    Checks.notNull(dir, "dir");
    Files.createDirectories(dir);
    Map<Path, Path> staged = new LinkedHashMap<>();
    try {
      stage(staged, dir, TRAIN_FILE, jsonl(train));
      stage(staged, dir, VALIDATION_FILE, jsonl(validation));
      stage(staged, dir, SUMMARY_FILE, summary.toJson());
      for (Map.Entry<Path, Path> e : staged.entrySet()) {
        Files.move(e.getValue(), e.getKey(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      for (Path tmp : staged.values()) {
        Files.deleteIfExists(tmp);
      }
    }
  }

  private static void stage(Map<Path, Path> staged, Path dir, String name, String text) throws IOException {
    Path tmp = Files.createTempFile(dir, "." + name, ".tmp");
    staged.put(dir.resolve(name), tmp);
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
      ByteBuffer buf = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
      ch.force(true);
    }
    if (Files.getFileStore(tmp).supportsFileAttributeView(PosixFileAttributeView.class)) {
      Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--")); // temp files are private
    }
  }
}
