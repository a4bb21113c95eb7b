package io.livecommerce.examples.cli;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import picocli.CommandLine.Option;

/** The {@code --encoding} option of every command that reads files. Not thread-safe (one per command run). */
public final class EncodingOption {
  @Option(names = "--encoding", defaultValue = "UTF-8", paramLabel = "CHARSET",
      description = "Encoding of the input files (default: UTF-8; a byte-order mark is skipped). Files saved by "
          + "Excel on a Chinese Windows are GB18030.")
  String encoding;

  /** The charset. */
  Charset charset() {
    try {
      return Charset.forName(encoding);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw new IllegalArgumentException("--encoding '" + encoding + "' is not an encoding this JVM knows "
          + "(e.g. UTF-8, GB18030, GBK, UTF-16)");
    }
  }
}
