package io.livecommerce.examples.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The command-line interface: {@code java -jar livecommerce.jar <command> --help}. One class per subcommand lives in
 * {@link io.livecommerce.examples.cli}; exit codes are in {@link ExitCodes}.
 *
 * <p>Each run builds its own command objects, so concurrent {@link #run} calls are safe.
 */
@Command(name = "livecommerce", mixinStandardHelpOptions = true, version = "livecommerce 0.1.0-SNAPSHOT",
    description = "Live-stream e-commerce decisions with data and language models.",
    footer = ExitCodes.HELP,
    subcommands = {DemoCommand.class, GenerateWorldCommand.class, EmbedCommand.class, SearchCommand.class,
        RecommendCommand.class, EvaluateRecommenderCommand.class, RegressCommand.class, ScriptCommand.class,
        CheckComplianceCommand.class, ExportFinetuneCommand.class})
public final class Cli implements Callable<Integer> {

  @Option(names = "--verbose", description = "Print stack traces of errors.", scope = CommandLine.ScopeType.INHERIT)
  boolean verbose;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return ExitCodes.OK;
  }

  /** Runs the CLI and exits with its code. */
  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true, StandardCharsets.UTF_8),
        new PrintWriter(System.err, true, StandardCharsets.UTF_8)));
  }

  /** Runs the CLI with the given streams; returns the exit code. For tests and embedding. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    return run(commandLine(out, err), args, err);
  }

  /** Runs {@code cl} (made by {@link #commandLine}, perhaps with more subcommands), mapping every failure to a code. */
  public static int run(CommandLine cl, String[] args, PrintWriter err) {
    boolean verbose = List.of(args).contains("--verbose");
    try {
      return cl.execute(args);
    } catch (Throwable e) { // an Error (out of memory) passes picocli's handler; it still gets its exit code
      CommandLine sub = args.length == 0 ? null : cl.getSubcommands().get(args[0]);
      int code = ExitCodes.report(e, verbose, err, sub != null && sub.getCommandSpec().findOption("--k") != null);
      err.flush();
      return code;
    }
  }

  /** The command line with every subcommand, printing to {@code out} and {@code err}. */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new Cli());
    cl.setOut(out);
    cl.setErr(err);
    // Enum values as the other flags take them (--model-family ease): gmv_per_minute as well as GMV_PER_MINUTE.
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    // A usage error in two or three lines rather than above a hundred lines of help it scrolls away behind.
    cl.setParameterExceptionHandler((e, args) -> {
      PrintWriter w = e.getCommandLine().getErr();
      w.println("error: " + e.getMessage());
      CommandLine.UnmatchedArgumentException.printSuggestions(e, w);
      w.println("see: " + e.getCommandLine().getCommandSpec().qualifiedName() + " --help");
      w.flush();
      return ExitCodes.BAD_INPUT;
    });
    cl.setExecutionExceptionHandler((e, commandLine, parseResult) ->
        ExitCodes.report(e, List.of(parseResult.originalArgs().toArray(new String[0])).contains("--verbose"), err,
            commandLine.getCommandSpec().findOption("--k") != null));
    return cl;
  }
}
