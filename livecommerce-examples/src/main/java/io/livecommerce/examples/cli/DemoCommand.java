package io.livecommerce.examples.cli;

import io.livecommerce.examples.Demo;
import io.livecommerce.examples.report.HtmlReport;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

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

  @Mixin
  ReportOption report;

  @Override
  public Integer call() {
    HtmlReport page = report.wanted() ? new HtmlReport("livecommerce demo", "livecommerce demo --size "
        + size.size().name().toLowerCase(java.util.Locale.ROOT) + " --seed " + seed.seed + " --model " + model.name())
        : null;
    new Demo(spec.commandLine().getOut()).run(size.size(), seed.seed, model.name(), page);
    if (page != null) {
      report.write(page, spec.commandLine().getOut());
    }
    return ExitCodes.OK;
  }
}
