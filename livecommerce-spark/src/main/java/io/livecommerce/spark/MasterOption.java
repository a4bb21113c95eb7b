package io.livecommerce.spark;

import picocli.CommandLine.Option;

/** The {@code --master} of every job. Not thread-safe (one per run). */
final class MasterOption {
  @Option(names = "--master", description = "Spark master, e.g. local[4]; default: what spark-submit set.")
  String master;
}
