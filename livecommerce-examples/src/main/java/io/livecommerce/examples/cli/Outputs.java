package io.livecommerce.examples.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Rules for output paths: an output never replaces an input. Stateless and thread-safe. */
final class Outputs {

  private Outputs() {}

  /**
   * Refuses an output that is one of the inputs (by path, or by file identity through links), a directory, a device,
   * pipe or socket, or a dangling symbolic link. A link to a regular file is fine: that file is replaced.
   *
   * @param outOption the output's option name, e.g. {@code --out}
   * @param inputs pairs of option name and path; null paths are skipped
   * @throws IllegalArgumentException naming both options
   */
  static void requireNotAnInput(String outOption, Path out, Object... inputs) {
    if (Files.isDirectory(out)) {
      throw new IllegalArgumentException(outOption + " " + out + " is a directory; give a file name");
    }
    // Outputs are moved into place, which would replace a device node (--out /dev/null as root) or a pipe itself.
    if (Files.isSymbolicLink(out) && !Files.exists(out)) {
      throw new IllegalArgumentException(outOption + " " + out + " is a symbolic link to a file that does not "
          + "exist; give a plain file name or fix the link");
    }
    if (Files.exists(out) && !Files.isRegularFile(out)) {
      throw new IllegalArgumentException(outOption + " " + out + " is not a regular file (a device, pipe or "
          + "socket); outputs are written to a new file and moved into place, so give a regular file");
    }
    for (int i = 0; i + 1 < inputs.length; i += 2) {
      Path in = (Path) inputs[i + 1];
      if (in != null && same(out, in)) {
        throw new IllegalArgumentException(outOption + " " + out + " is the same file as " + inputs[i] + " " + in
            + "; refusing to overwrite an input. Write to another file.");
      }
    }
  }

  /**
   * Refuses an output folder that is a file, or that already has files unless {@code force}.
   *
   * @param what names the files that would be replaced, for the message
   * @throws IllegalArgumentException naming the option and the folder
   */
  static void requireEmptyFolderOrForce(String option, Path dir, boolean force, String what) {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new IllegalArgumentException(option + " " + dir + " is a file, not a folder");
    }
    if (!force && Files.isDirectory(dir)) {
      try (java.util.stream.Stream<Path> s = Files.list(dir)) {
        if (s.findAny().isPresent()) {
          throw new IllegalArgumentException(option + " " + dir + " is not empty; pass --force to replace " + what
              + " in it, or give a new folder");
        }
      } catch (IOException e) {
        throw new java.io.UncheckedIOException("cannot list " + dir, e);
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
