package io.livecommerce.examples.cli;

import io.livecommerce.embed.TextEmbedder;
import io.livecommerce.examples.Embedders;
import picocli.CommandLine.Option;

/** The {@code --model} option of the commands that embed text. Not thread-safe (one per command run). */
public final class ModelOption {
  @Option(names = "--model", defaultValue = "bge-small-zh",
      description = "Embedder: " + Embedders.NAMES + " (default: bge-small-zh).")
  String model;

  /** The embedder, or null when {@code needed} is false; close it with {@link #close}. */
  TextEmbedder open(boolean needed) {
    return needed ? Embedders.create(model) : null;
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
