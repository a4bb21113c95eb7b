package io.livecommerce.spark;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.apache.spark.sql.AnalysisException;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * The Spark jobs, for {@code spark-submit --class io.livecommerce.spark.Jobs JAR JOB [options]}, with the CLI's flag
 * names where the meaning is the same. {@code livecommerce-spark/run-local.sh JOB ...} runs one in
 * {@code local[2]}.
 *
 * <p>Exit codes as the CLI's: 0 ok, 2 bad input or usage, 3 Spark failed, 4 out of memory or internal error.
 * Thread-safe: each run builds its own command objects; concurrent {@link #run} calls share the JVM's one Spark
 * session.
 */
@Command(name = "livecommerce-spark", mixinStandardHelpOptions = true,
    description = "livecommerce jobs on Apache Spark: embed a text column, train the recommender, recommend for "
        + "every user, fit the selection regression.",
    subcommands = {EmbedJob.class, TrainRecommenderJob.class, RecommendJob.class, RegressJob.class},
    footer = "Exit codes: 0 ok; 2 bad input or usage; 3 Spark failed; 4 out of memory or internal error.")
public final class Jobs implements Callable<Integer> {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }

  /** Runs a job and exits with its code, stopping Spark first. */
  public static void main(String[] args) {
    int code = run(args, new PrintWriter(System.out, true, StandardCharsets.UTF_8),
        new PrintWriter(System.err, true, StandardCharsets.UTF_8));
    SparkJobSession.stop();
    System.exit(code);
  }

  /** Runs a job with the given streams and returns its exit code; leaves the Spark session running. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new Jobs());
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler((e, c, parsed) -> report(e, err));
    try {
      return cl.execute(args);
    } catch (Throwable e) { // an Error passes picocli's handler; it still gets its code
      return report(e, err);
    }
  }

  static int report(Throwable e, PrintWriter err) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      if (root instanceof IllegalArgumentException) {
        break;
      }
      root = root.getCause();
    }
    int code;
    if (e instanceof OutOfMemoryError || root instanceof OutOfMemoryError) {
      code = 4;
    } else if (root instanceof IllegalArgumentException || e instanceof AnalysisException
        || root instanceof AnalysisException || root instanceof java.io.FileNotFoundException
        || root instanceof java.nio.file.NoSuchFileException) {
      code = 2;
    } else if (e instanceof org.apache.spark.SparkException) {
      code = 3;
    } else {
      code = 4;
    }
    err.println("error: " + (root.getMessage() != null ? root.getMessage() : root.toString()));
    err.flush();
    return code;
  }
}
