package io.livecommerce.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No package of ours depends, through any chain, on a package that depends on it: jdeps over the classes of every
 * module on this module's class path (core, embedding, llm, llm-local, xgboost, and the examples themselves).
 * {@code livecommerce-spark} and the Spring modules are not on it; {@code jdeps -verbose:package} checks them the
 * same way by hand.
 */
class PackageCyclesTest {

  static Path classesOf(Class<?> type) throws URISyntaxException {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  @Test
  void noModuleHasAPackageCycle(@TempDir Path dir) throws Exception {
    ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
    for (Class<?> anchor : List.of(io.livecommerce.facade.LiveCommerce.class,
        io.livecommerce.embedding.OnnxTextEmbedder.class, io.livecommerce.llm.ChatClient.class,
        io.livecommerce.llm.local.LocalChatModel.class, io.livecommerce.xgboost.XGBoostTreeLearner.class,
        io.livecommerce.examples.cli.Cli.class)) {
      // The classes without module-info.class: as a named module jdeps would first resolve every dependency.
      Path classes = Files.createDirectories(dir.resolve(anchor.getSimpleName()));
      copyClasses(classesOf(anchor), classes);
      StringWriter out = new StringWriter();
      int code = jdeps.run(new PrintWriter(out), new PrintWriter(out), "-verbose:package", "-filter:none", "-e",
          "io\\.livecommerce.*", classes.toString());
      assertEquals(0, code, out.toString());
      Map<String, Set<String>> edges = new HashMap<>();
      for (String line : out.toString().split("\\R")) {
        String[] p = line.trim().split("\\s+");
        if (p.length >= 3 && p[1].equals("->") && !p[0].equals(p[2]) && p[2].startsWith("io.livecommerce")) {
          edges.computeIfAbsent(p[0], k -> new HashSet<>()).add(p[2]);
        }
      }
      assertTrue(edges.size() > 1 || anchor != io.livecommerce.facade.LiveCommerce.class, "jdeps saw core: " + out);
      Set<String> cycles = new TreeSet<>();
      edges.forEach((from, targets) -> {
        for (String to : targets) {
          if (reachable(edges, to).contains(from)) {
            cycles.add(from + " -> " + to);
          }
        }
      });
      assertTrue(cycles.isEmpty(), classesOf(anchor) + " has package cycles through " + cycles);
    }
  }

  /** The class files of a classes folder or jar, module-info and other Java versions' classes left out. */
  static void copyClasses(Path from, Path to) throws IOException {
    if (Files.isDirectory(from)) {
      try (Stream<Path> files = Files.walk(from)) {
        for (Path f : (Iterable<Path>) files::iterator) {
          String name = from.relativize(f).toString().replace('\\', '/');
          if (name.endsWith(".class") && !name.endsWith("module-info.class") && !name.startsWith("META-INF")) {
            Files.createDirectories(to.resolve(name).getParent());
            Files.copy(f, to.resolve(name));
          }
        }
      }
      return;
    }
    try (JarFile jar = new JarFile(from.toFile())) {
      for (JarEntry e : (Iterable<JarEntry>) jar.stream()::iterator) {
        String name = e.getName();
        if (name.endsWith(".class") && !name.endsWith("module-info.class") && !name.startsWith("META-INF")) {
          Path target = to.resolve(name);
          Files.createDirectories(target.getParent());
          try (InputStream in = jar.getInputStream(e)) {
            Files.copy(in, target);
          }
        }
      }
    }
  }

  private static Set<String> reachable(Map<String, Set<String>> edges, String start) {
    Set<String> seen = new HashSet<>();
    List<String> stack = new ArrayList<>(List.of(start));
    while (!stack.isEmpty()) {
      for (String next : edges.getOrDefault(stack.remove(stack.size() - 1), Set.of())) {
        if (seen.add(next)) {
          stack.add(next);
        }
      }
    }
    return seen;
  }
}
