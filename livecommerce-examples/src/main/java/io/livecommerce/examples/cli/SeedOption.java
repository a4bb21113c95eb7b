package io.livecommerce.examples.cli;

import picocli.CommandLine.Option;

/** The {@code --seed} of every command that makes a random choice. Not thread-safe (one per command run). */
public final class SeedOption {
  @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: 42).")
  long seed;
}
