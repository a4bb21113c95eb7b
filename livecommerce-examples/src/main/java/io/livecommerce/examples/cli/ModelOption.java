package io.livecommerce.examples.cli;

import io.livecommerce.embed.TextEmbedder;
import io.livecommerce.examples.Embedders;
import io.livecommerce.facade.Backends;
import java.io.PrintWriter;
import java.util.Collection;
import picocli.CommandLine.Option;

/** The {@code --model} option of the commands that embed text. Not thread-safe (one per command run). */
public final class ModelOption {
  @Option(names = "--model", defaultValue = Backends.AUTO,
      description = "Embedder: " + Embedders.NAMES + " (default: auto; " + Embedders.AUTO_RULE + ").")
  String model;

  /**
   * The embedder for these texts (with {@code auto}, chosen by their language, and said on {@code notes}); close it
   * with {@link #close}.
   */
  TextEmbedder open(Collection<String> texts, PrintWriter notes) {
    String name = Embedders.resolve(model, texts);
    // "auto" back means the texts were all blank and chose nothing: the provider's default, nothing to tell.
    if (model.trim().equalsIgnoreCase(Backends.AUTO) && !name.equals(Backends.AUTO)) {
      String why = switch (name) {
        case "all-minilm-l6" -> ": the texts are not Chinese";
        case "bge-small-zh" -> ": the texts are Chinese";
        default -> "";
      };
      notes.println("embedder: " + name + " (--model auto" + why + ")");
    }
    return Embedders.create(name);
  }

  /** The name given. */
  String name() {
    return model;
  }

  static void close(TextEmbedder e) {
    if (e != null) {
      e.close();
    }
  }
}
