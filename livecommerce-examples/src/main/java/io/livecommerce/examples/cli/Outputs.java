package io.livecommerce.examples.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Rules for output paths: an output never replaces an input. Stateless and thread-safe. */
final class Outputs {

  private Outputs() {}

  /**
   * Refuses an output that is one of the inputs (by path, or by file identity through links) or a directory.
   *
   * @param outOption the output's option name, e.g. {@code --out}
   * @param inputs pairs of option name and path; null paths are skipped
   * @throws IllegalArgumentException naming both options
   */
  static void requireNotAnInput(String outOption, Path out, Object... inputs) {
    if (Files.isDirectory(out)) {
      throw new IllegalArgumentException(outOption + " " + out + " is a directory; give a file name");
    }
    for (int i = 0; i + 1 < inputs.length; i += 2) {
      Path in = (Path) inputs[i + 1];
      if (in != null && same(out, in)) {
        throw new IllegalArgumentException(outOption + " " + out + " is the same file as " + inputs[i] + " " + in
            + "; refusing to overwrite an input. Write to another file.");
      }
    }
  }

  static boolean same(Path a, Path b) {
    if (a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize())) {
      return true;
    }
    try {
      return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
    } catch (IOException e) {
      return false;
    }
  }
}
