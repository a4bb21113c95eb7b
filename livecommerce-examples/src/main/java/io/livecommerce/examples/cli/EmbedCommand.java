package io.livecommerce.examples.cli;

import io.livecommerce.embed.TextEmbedder;
import io.livecommerce.examples.Embedders;
import io.livecommerce.examples.csv.CsvTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code embed}: adds an embedding column to a CSV file.
 *
 * <p>Picocli makes one instance per run; not thread-safe.
 */
@Command(name = "embed", mixinStandardHelpOptions = true,
    description = "Add an embedding column to a CSV file (the vector as space-separated floats). Vectors compare "
        + "only with vectors of the same model: name it with --model when other files will be embedded too.",
    footer = ExitCodes.HELP)
public final class EmbedCommand implements Callable<Integer> {
  static final String COLUMN = "embedding";

  @Spec
  CommandSpec spec;

  @Option(names = "--in", required = true, description = "Input CSV with a header.")
  Path in;

  @Option(names = "--text-column", required = true, description = "The column to embed.")
  String textColumn;

  @Option(names = "--out", required = true,
      description = "Output CSV: the input columns plus 'embedding'; never the input file.")
  Path outFile;

  @Option(names = "--overwrite-column",
      description = "Replace an 'embedding' column the input already has (else that is an error).")
  boolean overwriteColumn;

  @Mixin
  ModelOption model;

  @Mixin
  EncodingOption encoding;

  @Override
  public Integer call() {
    Outputs.requireNotAnInput("--out", outFile, "--in", in);
    CsvTable t = CsvTable.read(in, encoding.charset()).require(textColumn);
    int existing = t.header().indexOf(COLUMN);
    if (existing >= 0 && !overwriteColumn) {
      throw new IllegalArgumentException(in + " already has a column '" + COLUMN
          + "'; pass --overwrite-column to replace it");
    }
    if (existing >= 0 && textColumn.equals(COLUMN)) {
      throw new IllegalArgumentException("--text-column '" + COLUMN + "' would be replaced by its own vectors");
    }
    List<String> texts = new ArrayList<>();
    for (CsvTable.Row r : t.rows()) {
      texts.add(r.required(textColumn));
    }
    try (TextEmbedder e = model.open(texts, spec.commandLine().getOut())) {
      // Long inputs take minutes with a transformer: say how far it is, on stderr so the output stays clean.
      List<float[]> vs = Embedders.withProgress(e, spec.commandLine().getErr())
          .embedAll(texts);
      List<String> header = new ArrayList<>(t.header());
      if (existing < 0) {
        header.add(COLUMN);
      }
      List<List<Object>> rows = new ArrayList<>();
      for (int i = 0; i < t.rows().size(); i++) {
        List<Object> row = new ArrayList<>();
        for (String h : t.header()) {
          row.add(t.rows().get(i).get(h));
        }
        String vector = vector(vs.get(i));
        if (existing >= 0) {
          row.set(existing, vector);
        } else {
          row.add(vector);
        }
        rows.add(row);
      }
      CsvTable.write(outFile, header, rows);
      spec.commandLine().getOut().println("embedded " + texts.size() + " texts (" + e.dimension()
          + " dimensions) into " + outFile);
    }
    return ExitCodes.OK;
  }

  private static String vector(float[] v) {
    StringBuilder sb = new StringBuilder(v.length * 12);
    for (float f : v) {
      sb.append(sb.length() == 0 ? "" : " ").append(f);
    }
    return sb.toString();
  }
}
