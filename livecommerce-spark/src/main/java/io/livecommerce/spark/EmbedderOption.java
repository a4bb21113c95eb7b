package io.livecommerce.spark;

import picocli.CommandLine.Option;

/** The {@code --model} of the jobs that embed text. Not thread-safe (one per run). */
final class EmbedderOption {
  @Option(names = "--model", defaultValue = "default", description = "The embedder: default (the embedding "
      + "module's model when it is on the class path, else hashing) or hashing.")
  String model;

  /**
   * The factory the executors make the embedder with.
   *
   * @throws IllegalArgumentException naming the value if it is not one of default, hashing
   */
  EmbedderFactory factory() {
    return switch (model) {
      case "default" -> EmbedderFactory.defaultEmbedder();
      case "hashing" -> EmbedderFactory.hashing();
      default -> throw new IllegalArgumentException("--model '" + model + "' is not one of default, hashing");
    };
  }
}
