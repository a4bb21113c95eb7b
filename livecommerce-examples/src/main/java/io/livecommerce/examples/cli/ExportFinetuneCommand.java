package io.livecommerce.examples.cli;

import io.livecommerce.examples.world.WorldFiles;
import io.livecommerce.llm.finetune.FineTuningDataset;
import io.livecommerce.llm.finetune.FineTuningExport;
import io.livecommerce.llm.finetune.NonCompliantPolicy;
import io.livecommerce.llm.finetune.Outcome;
import io.livecommerce.llm.finetune.PastScript;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code export-finetune}: past scripts to chat fine-tuning JSONL.
 *
 * <p>Picocli makes one instance per run; not thread-safe.
 */
@Command(name = "export-finetune", mixinStandardHelpOptions = true,
    description = "Turn past scripts and their outcomes (a scripts CSV, see docs/data-format.md) into chat-format "
        + "JSONL for OpenAI-compatible fine-tuning: the top performers per category, personal data redacted, "
        + "non-compliant text rewritten (or dropped), near-duplicates skipped, split into train.jsonl and "
        + "validation.jsonl with a summary.json.", footer = ExitCodes.HELP)
public final class ExportFinetuneCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--scripts", required = true, description = "Scripts CSV (generate-world writes scripts.csv).")
  Path scripts;

  @Option(names = "--out", required = true, description = "Folder for train.jsonl, validation.jsonl and "
      + "summary.json; must be empty or new unless --force.")
  Path out;

  @Option(names = "--force", description = "Write into a folder that has files, replacing the three outputs.")
  boolean force;

  @Option(names = "--top-fraction", defaultValue = "0.2", description = "Share of each category's scripts to keep, "
      + "best first, in (0, 1] (default: ${DEFAULT-VALUE}).")
  double topFraction;

  @Option(names = "--validation-fraction", defaultValue = "0.1", description = "Share of the examples held out for "
      + "validation, in [0, 0.5] (default: ${DEFAULT-VALUE}).")
  double validationFraction;

  @Option(names = "--max-similarity", defaultValue = "0.9", description = "Cosine similarity at which a script is a "
      + "near-duplicate of a better one, in (0, 1] (default: ${DEFAULT-VALUE}).")
  double maxSimilarity;

  @Option(names = "--outcome", defaultValue = "GMV_PER_MINUTE", description = "What makes a top performer: "
      + "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Outcome outcome;

  @Option(names = "--drop-non-compliant", description = "Leave non-compliant scripts out instead of rewriting them.")
  boolean drop;

  @Mixin
  SeedOption seed;

  @Mixin
  EncodingOption encoding;

  @Override
  public Integer call() throws IOException {
    for (String name : List.of(FineTuningExport.TRAIN_FILE, FineTuningExport.VALIDATION_FILE,
        FineTuningExport.SUMMARY_FILE)) {
      if (Outputs.same(out.resolve(name), scripts)) {
        throw new IllegalArgumentException("--scripts " + scripts + " would be replaced by the output " + name
            + " in --out " + out + "; refusing to overwrite an input. Write to another folder.");
      }
    }
    Outputs.requireEmptyFolderOrForce("--out", out, force, "train.jsonl, validation.jsonl and summary.json");
    FineTuningDataset dataset = FineTuningDataset.newBuilder()
        .topFraction(topFraction)
        .validationFraction(validationFraction)
        .maxSimilarity(maxSimilarity)
        .outcome(outcome)
        .nonCompliant(drop ? NonCompliantPolicy.DROP : NonCompliantPolicy.REWRITE)
        .seed(seed.seed)
        .build();
    List<PastScript> input = WorldFiles.readScripts(scripts, encoding.charset());
    if (input.isEmpty()) {
      throw new IllegalArgumentException("--scripts " + scripts + " has no rows");
    }
    FineTuningExport export = dataset.export(input);
    if (export.train().isEmpty()) {
      throw new IllegalArgumentException("no script of " + scripts + " is left for training after cleaning: "
          + export.summary().droppedNonCompliant() + " non-compliant, " + export.summary().nearDuplicates()
          + " near-duplicates; nothing was written");
    }
    export.writeTo(out);
    PrintWriter w = spec.commandLine().getOut();
    w.print(export.summary().describe());
    w.println("wrote " + out.resolve(FineTuningExport.TRAIN_FILE) + ", " + FineTuningExport.VALIDATION_FILE + " and "
        + FineTuningExport.SUMMARY_FILE);
    return ExitCodes.OK;
  }
}
