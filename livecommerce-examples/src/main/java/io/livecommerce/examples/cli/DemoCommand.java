package io.livecommerce.examples.cli;

import io.livecommerce.examples.Demo;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code demo}: the end-to-end tour.
 *
 * <p>Picocli makes one instance per run; not thread-safe.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Generate a world, train every model, print picks, a script and an evaluation table.",
    footer = ExitCodes.HELP)
public final class DemoCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  SizeOption size;

  @Mixin
  SeedOption seed;

  @Mixin
  ModelOption model;

  @Override
  public Integer call() {
    new Demo(spec.commandLine().getOut()).run(size.size(), seed.seed, model.name());
    return ExitCodes.OK;
  }
}
