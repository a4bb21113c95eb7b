package io.livecommerce.examples.cli;

import io.livecommerce.examples.world.World;
import io.livecommerce.examples.world.WorldFiles;
import io.livecommerce.examples.world.WorldGenerator;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code generate-world}: a simulated world as CSV files.
 *
 * <p>Picocli makes one instance per run; not thread-safe.
 */
@Command(name = "generate-world", mixinStandardHelpOptions = true,
    description = "Write a simulated live-commerce world as CSV files (schema: docs/data-format.md).",
    footer = ExitCodes.HELP)
public final class GenerateWorldCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--out", required = true, description = "Folder to write into; must be empty or new.")
  Path out;

  @Option(names = "--force", description = "Write into a folder that has files, replacing the world's files.")
  boolean force;

  @Mixin
  SizeOption size;

  @Mixin
  SeedOption seed;

  @Override
  public Integer call() {
    Outputs.requireEmptyFolderOrForce("--out", out, force, "the world's files");
    World w = WorldGenerator.generate(size.size(), seed.seed);
    WorldFiles.write(w, out);
    spec.commandLine().getOut().println("wrote " + w.summary() + " to " + out);
    return ExitCodes.OK;
  }
}
