package io.livecommerce.examples.cli;

import io.livecommerce.examples.world.WorldSize;
import java.util.Locale;
import picocli.CommandLine.Option;

/** The {@code --size} of a simulated world. Not thread-safe (one per command run). */
public final class SizeOption {
  @Option(names = "--size", defaultValue = "small", description = "tiny, small or large (default: small).")
  String size;

  WorldSize size() {
    try {
      return WorldSize.valueOf(size.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--size '" + size + "' is not one of tiny, small, large");
    }
  }
}
