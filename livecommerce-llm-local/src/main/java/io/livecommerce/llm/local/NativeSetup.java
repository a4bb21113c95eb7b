package io.livecommerce.llm.local;

import de.kherud.llama.LlamaModel;
import de.kherud.llama.args.LogFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prepares java-llama.cpp before its native library loads. Its loader extracts the library into
 * {@code de.kherud.llama.tmpdir} (default {@code java.io.tmpdir}) and deletes every file there whose name starts
 * with "llama" or "jllama": pointed at the shared temp folder that could remove a user's own files (a
 * {@code /tmp/llama-3.gguf}), so unless the user chose a folder, the library gets one of its own. The loader also
 * prints to standard output when it extracts, which would mix into a command's output, so where this platform's
 * library is in the jar we extract it ourselves (atomically, once) and point the loader at it. llama.cpp's log goes
 * to SLF4J. Thread-safe; runs once.
 */
final class NativeSetup {

  private static final Logger LOG = LoggerFactory.getLogger("io.livecommerce.llm.local.llama");
  private static boolean done;

  private NativeSetup() {}

  static synchronized void beforeLoading() {
    if (done) {
      return;
    }
    if (System.getProperty("de.kherud.llama.tmpdir") == null) {
      Path dir = Path.of(System.getProperty("java.io.tmpdir"), "livecommerce-llama-" + System.getProperty("user.name",
          "user"));
      try {
        Files.createDirectories(dir);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create " + dir + " for llama.cpp's native library", e);
      }
      System.setProperty("de.kherud.llama.tmpdir", dir.toString());
    }
    if (System.getProperty("de.kherud.llama.lib.path") == null) {
      Path lib = extractLibrary(Path.of(System.getProperty("de.kherud.llama.tmpdir"), "lib"));
      if (lib != null) {
        System.setProperty("de.kherud.llama.lib.path", lib.toString());
      }
    }
    LlamaModel.setLogger(LogFormat.TEXT, (level, message) -> {
      if (LOG.isDebugEnabled()) {
        LOG.debug("{} {}", level, message.strip());
      }
    });
    done = true;
  }

  /** This platform's library from the jar into {@code dir}, unless already there; null if the jar has none. */
  private static Path extractLibrary(Path dir) {
    String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
    String arch = System.getProperty("os.arch", "").toLowerCase(java.util.Locale.ROOT);
    String folder = os.startsWith("linux") ? "Linux" : os.startsWith("mac") ? "Mac" : os.startsWith("windows")
        ? "Windows" : null;
    String cpu = arch.equals("amd64") || arch.equals("x86_64") ? "x86_64"
        : arch.equals("aarch64") || arch.equals("arm64") ? "aarch64" : null;
    if (folder == null || cpu == null) {
      return null;
    }
    String name = System.mapLibraryName("jllama");
    String resource = "/de/kherud/llama/" + folder + "/" + cpu + "/" + name;
    try (java.io.InputStream in = LlamaModel.class.getResourceAsStream(resource)) {
      if (in == null) {
        return null;
      }
      byte[] bytes = in.readAllBytes();
      Files.createDirectories(dir);
      Path target = dir.resolve(name);
      if (!Files.exists(target) || Files.size(target) != bytes.length
          || !java.util.Arrays.equals(Files.readAllBytes(target), bytes)) {
        Path tmp = Files.createTempFile(dir, "tmp-", ".part");
        Files.write(tmp, bytes);
        Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
            java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        LOG.debug("extracted {} to {}", resource, target);
      }
      return dir;
    } catch (IOException e) {
      LOG.debug("could not extract {} ({}); java-llama.cpp's loader will", resource, e.toString());
      return null;
    }
  }
}
