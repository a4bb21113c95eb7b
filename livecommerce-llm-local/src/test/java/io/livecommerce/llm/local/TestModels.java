package io.livecommerce.llm.local;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the tests of every module find the tiny shared test model: {@code -Dlivecommerce.test.gguf},
 * {@code LIVECOMMERCE_TEST_GGUF}, or {@code shared/models/tiny-livesales-v3.gguf} in the nearest folder above the
 * working directory that has it (the checkout's sibling {@code shared} folder). Tests skip, saying where they
 * looked, when it is not there. Published in this module's test jar.
 */
public final class TestModels {

  private TestModels() {}

  /** The tiny model's path; it may not exist. */
  public static Path tiny() {
    String given = System.getProperty("livecommerce.test.gguf", System.getenv("LIVECOMMERCE_TEST_GGUF"));
    if (given != null && !given.isBlank()) {
      return Path.of(given);
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared/models/tiny-livesales-v3.gguf");
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    return Path.of("../../shared/models/tiny-livesales-v3.gguf");
  }
}
