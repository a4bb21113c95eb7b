package io.livecommerce.examples.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The input files of the recommender commands. Not thread-safe (one per command run). */
public final class InteractionOptions {
  @Option(names = "--interactions",
      description = "CSV with header user,item[,weight,timestamp]; weight in [-1e6, 1e6] (default 1; negative is a "
          + "dislike: never recommended back to that user, and it counts against the item), "
          + "timestamp in epoch milliseconds.")
  Path interactions;

  @Option(names = "--items", description = "CSV with header item,text.")
  Path items;

  @Option(names = "--k", defaultValue = "10", description = "Items per user, > 0 (default: 10; at most the number "
      + "of items).")
  int k;

  void validate() {
    if (interactions == null) {
      throw new IllegalArgumentException("--interactions is required");
    }
    if (k <= 0) {
      throw new IllegalArgumentException("--k must be > 0 but was " + k);
    }
  }
}
