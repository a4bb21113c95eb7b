package io.livecommerce.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.livecommerce.compliance.ComplianceChecker;
import io.livecommerce.compliance.ComplianceFinding;
import io.livecommerce.compliance.ComplianceReport;
import io.livecommerce.examples.csv.TextFiles;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code check-compliance}: findings as JSON lines, or the compliant rewrite.
 *
 * <p>Picocli makes one instance per run; not thread-safe.
 */
@Command(name = "check-compliance", mixinStandardHelpOptions = true,
    description = "Check text against advertising-law rules; prints findings as JSON lines (offsets in UTF-16 "
        + "code units of the text, without a byte-order mark). Exit 0 when clean, 1 when there are findings. With "
        + "--rewrite, prints only a compliant rewrite (exit 0 when the input was clean, 1 when it had to change), "
        + "so a script can be piped through it (--in - reads standard input).", footer = ExitCodes.HELP)
public final class CheckComplianceCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec
  CommandSpec spec;

  @ArgGroup(multiplicity = "1")
  Source source;

  @Option(names = "--rewrite", description = "Print only the compliant rewrite of the text.")
  boolean rewrite;

  @Mixin
  EncodingOption encoding;

  static final class Source {
    @Option(names = "--text", description = "The text to check.")
    String text;

    @Option(names = "--in", description = "A text file to check; - reads standard input.")
    Path in;
  }

  @Override
  public Integer call() {
    String text = source.text != null ? source.text
        : source.in.toString().equals("-") ? TextFiles.read(System.in, "standard input", encoding.charset())
        : TextFiles.read(source.in, encoding.charset());
    ComplianceChecker checker = ComplianceChecker.bundled();
    PrintWriter w = spec.commandLine().getOut();
    if (rewrite) {
      String clean = checker.rewrite(text);
      w.print(clean);
      if (!clean.endsWith("\n")) {
        w.println();
      }
      w.flush();
      return clean.equals(text) ? ExitCodes.OK : ExitCodes.FINDINGS;
    }
    ComplianceReport r = checker.check(text);
    for (ComplianceFinding f : r.findings()) {
      w.println(json(f));
    }
    return r.isClean() ? ExitCodes.OK : ExitCodes.FINDINGS;
  }

  static String json(ComplianceFinding f) {
    ObjectNode n = JSON.createObjectNode();
    n.put("rule", f.ruleId());
    n.put("category", f.category().name());
    n.put("severity", f.severity().name());
    n.put("start", f.start());
    n.put("end", f.end());
    n.put("text", f.matchedText());
    n.put("suggestion", f.suggestion());
    n.put("basis", f.legalBasis());
    return n.toString();
  }
}
