package io.livecommerce.examples.cli;

import io.livecommerce.examples.report.HtmlReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --report} option: a self-contained HTML report with charts. Not thread-safe (one per run). */
public final class ReportOption {
  @Option(names = "--report", paramLabel = "FILE.html", description = "Also write a self-contained HTML report with "
      + "charts (opens offline in any browser); never an input file.")
  Path file;

  /** Whether a report was asked for. */
  boolean wanted() {
    return file != null;
  }

  /** Refuses a report path that is one of the inputs. */
  void validate(Object... inputs) {
    if (file != null) {
      Outputs.requireNotAnInput("--report", file, inputs);
    }
  }

  /** Writes the page and says where. */
  void write(HtmlReport page, PrintWriter out) {
    try {
      page.writeTo(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write --report " + file, e);
    }
    out.println("wrote the report (" + page.charts() + " charts) to " + file);
  }
}
