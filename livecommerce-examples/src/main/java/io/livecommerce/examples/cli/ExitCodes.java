package io.livecommerce.examples.cli;

import io.livecommerce.examples.csv.CsvFormatException;
import io.livecommerce.llm.LlmException;
import io.livecommerce.script.ScriptGenerationException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * The CLI's exit codes and how a failure maps to one. Stateless and thread-safe.
 *
 * <ul>
 *   <li>0 — success;
 *   <li>1 — findings: {@code check-compliance} found violations (or {@code --rewrite} had to change the text);
 *   <li>2 — bad input or usage: a bad option, a file that cannot be read or holds a bad value (named by file, line
 *       and column), an output that would replace an input;
 *   <li>3 — an external service failed (the LLM endpoint);
 *   <li>4 — out of memory, a write that could not finish (disk full), or an internal error.
 * </ul>
 */
public final class ExitCodes {

  /** Success. */
  public static final int OK = 0;
  /** Findings ({@code check-compliance}). */
  public static final int FINDINGS = 1;
  /** Bad input or usage. */
  public static final int BAD_INPUT = 2;
  /** An external service failed. */
  public static final int EXTERNAL = 3;
  /** Out of memory or an internal error. */
  public static final int INTERNAL = 4;

  /** The text for {@code --help}. */
  public static final String HELP = "Exit codes: 0 ok; 1 findings (check-compliance; script when its final text "
      + "still has findings); 2 bad input or usage; "
      + "3 an external service (LLM) failed; 4 out of memory, a write that could not finish, or an internal error.";

  private ExitCodes() {}

  /** Prints what went wrong (the stack trace only when {@code verbose}) and returns the exit code. */
  public static int report(Throwable e, boolean verbose, PrintWriter err) {
    return report(e, verbose, err, false);
  }

  /**
   * Like {@link #report(Throwable, boolean, PrintWriter)}; {@code hasK} says whether the command takes {@code --k},
   * so the out-of-memory hint suggests a smaller one only where it exists.
   */
  public static int report(Throwable e, boolean verbose, PrintWriter err, boolean hasK) {
    if (verbose) {
      e.printStackTrace(err);
    }
    if (e instanceof OutOfMemoryError) {
      err.println("error: out of memory (" + e.getMessage() + "). Give the JVM more heap, e.g. "
          + "java -Xmx8g -jar livecommerce.jar ..., or pass smaller inputs" + (hasK ? " or a smaller --k." : "."));
      return INTERNAL;
    }
    if (e instanceof CsvFormatException || e instanceof IllegalArgumentException) {
      err.println("error: " + e.getMessage());
      return BAD_INPUT;
    }
    if (e instanceof LlmException) {
      err.println("error: the language-model service failed: " + e.getMessage());
      return EXTERNAL;
    }
    if (e instanceof ScriptGenerationException) {
      // The model answered, but not with a usable script (malformed twice): the model's fault, not ours.
      err.println("error: the language model did not produce a usable script: " + e.getMessage());
      return EXTERNAL;
    }
    if (e instanceof UncheckedIOException) {
      err.println("error: " + e.getMessage());
      return INTERNAL;
    }
    err.println("error: internal error: " + e + (verbose ? "" : " (rerun with --verbose for the stack trace)"));
    return INTERNAL;
  }
}
