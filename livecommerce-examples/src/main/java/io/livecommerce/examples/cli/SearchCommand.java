package io.livecommerce.examples.cli;

import io.livecommerce.embed.TextEmbedder;
import io.livecommerce.examples.csv.CsvTable;
import io.livecommerce.math.Hit;
import io.livecommerce.math.TopK;
import io.livecommerce.math.VectorMatrix;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code search}: semantic search over a catalogue.
 *
 * <p>Picocli makes one instance per run; not thread-safe.
 */
@Command(name = "search", mixinStandardHelpOptions = true,
    description = "Semantic search over a catalogue CSV; prints id,score rows, best first.", footer = ExitCodes.HELP)
public final class SearchCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = {"--catalog", "--catalogue"}, required = true, description = "Catalogue CSV.")
  Path catalog;

  @Option(names = "--id-column", required = true, description = "The id column.")
  String idColumn;

  @Option(names = "--text-column", required = true, description = "The text column.")
  String textColumn;

  @Option(names = "--query", required = true, description = "What the shopper is looking for.")
  String query;

  @Option(names = "--k", defaultValue = "10", description = "How many results, > 0 (default: 10; at most the "
      + "catalogue's size).")
  int k;

  @Mixin
  ModelOption model;

  @Mixin
  EncodingOption encoding;

  @Override
  public Integer call() {
    if (k <= 0) {
      throw new IllegalArgumentException("--k must be > 0 but was " + k);
    }
    CsvTable t = CsvTable.read(catalog, encoding.charset()).require(idColumn, textColumn);
    List<String> ids = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    for (CsvTable.Row r : t.rows()) {
      ids.add(r.required(idColumn));
      texts.add(r.required(textColumn));
    }
    if (ids.isEmpty()) {
      throw new IllegalArgumentException(catalog + " has no rows to search");
    }
    // The catalogue chooses the embedder (--model auto); notes go to stderr, stdout is the result rows.
    try (TextEmbedder e = model.open(texts, spec.commandLine().getErr())) {
      VectorMatrix m = VectorMatrix.of(e.embedAll(texts), e.dimension());
      PrintWriter w = spec.commandLine().getOut();
      w.println("id,score");
      for (Hit h : TopK.search(m, e.embed(query), Math.min(k, ids.size()))) {
        w.printf(Locale.ROOT, "%s,%.4f%n", ids.get(h.index()), h.score());
      }
    }
    return ExitCodes.OK;
  }
}
