package io.livecommerce.examples.cli;

import io.livecommerce.recommend.Interaction;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** The input files of the recommender commands. Not thread-safe (one per command run). */
public final class InteractionOptions {
  @Option(names = "--interactions",
      description = "CSV with header user,item[,weight,timestamp]; weight in [-1e6, 1e6] (default 1; negative is a "
          + "dislike: never recommended back to that user, and it counts against the item), "
          + "timestamp in epoch milliseconds. Other column names: --user-column and the like.")
  Path interactions;

  @Option(names = "--user-column", defaultValue = "user", paramLabel = "NAME",
      description = "The user column of --interactions (default: user), e.g. viewer_id in a world's watch_events.csv.")
  String userColumn;

  @Option(names = "--item-column", defaultValue = "item", paramLabel = "NAME",
      description = "The item column of --interactions (default: item), e.g. room_id.")
  String itemColumn;

  @Option(names = "--weight-column", paramLabel = "NAME", description = "The weight column of --interactions "
      + "(default: weight if there is one, else every row weighs 1), e.g. watch_seconds.")
  String weightColumn;

  @Option(names = "--timestamp-column", paramLabel = "NAME", description = "The timestamp column of --interactions, "
      + "epoch ms (default: timestamp if there is one), e.g. timestamp_millis.")
  String timestampColumn;

  @Option(names = "--items", description = "CSV with header item,text.")
  Path items;

  @Option(names = "--k", defaultValue = "10", description = "Items per user, > 0 (default: 10; at most the number "
      + "of items).")
  int k;

  /** The interactions, read through the named columns. */
  List<Interaction> read(Charset charset) {
    return Inputs.interactions(interactions, charset, userColumn, itemColumn, weightColumn, timestampColumn);
  }

  void validate() {
    if (interactions == null) {
      throw new IllegalArgumentException("--interactions is required");
    }
    if (k <= 0) {
      throw new IllegalArgumentException("--k must be > 0 but was " + k);
    }
  }
}
