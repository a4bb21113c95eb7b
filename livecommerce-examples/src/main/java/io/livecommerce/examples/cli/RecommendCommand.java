package io.livecommerce.examples.cli;

import io.livecommerce.ProgressListener;
import io.livecommerce.Scored;
import io.livecommerce.embed.TextEmbedder;
import io.livecommerce.examples.csv.CsvTable;
import io.livecommerce.recommend.ImplicitModel;
import io.livecommerce.recommend.Interaction;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code recommend}: top-k items for every user of an interaction log.
 *
 * <p>Picocli makes one instance per run; not thread-safe.
 */
@Command(name = "recommend", mixinStandardHelpOptions = true,
    description = "Recommend items for every user in an interactions CSV (user,item[,weight,timestamp]); "
        + "hybrid of CF and, when --items gives item,text, content. Settings are tuned on a validation split of the "
        + "interactions unless --no-tune.", footer = ExitCodes.HELP)
public final class RecommendCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  InteractionOptions input;

  @Option(names = "--out", required = true, description = "Output CSV: user,rank,item,score; never an input file.")
  Path outFile;

  @Option(names = "--exclude-seen", description = "Leave out items the user already interacted with.")
  boolean excludeSeen;

  @Mixin
  ModelOption model;

  @Mixin
  SeedOption seed;

  @Mixin
  EncodingOption encoding;

  @Mixin
  TuningOptions tuning;

  @Override
  public Integer call() {
    input.validate();
    Outputs.requireNotAnInput("--out", outFile, "--interactions", input.interactions, "--items", input.items);
    List<Interaction> log = input.read(encoding.charset());
    Map<String, String> texts = Inputs.itemTexts(input.items, encoding.charset());
    long start = System.nanoTime();
    TextEmbedder embedder = texts.isEmpty() ? null : model.open(texts.values(), spec.commandLine().getOut());
    try {
      ImplicitModel m = tuning.fit(log, texts, embedder, seed.seed, spec.commandLine().getOut());
      List<String> users = new ArrayList<>(new LinkedHashSet<>(log.stream().map(Interaction::user).toList()));
      int k = Math.min(input.k, m.catalogue().size());
      Map<String, List<Scored<String>>> all = m.recommendAll(users, k, excludeSeen,
          Runtime.getRuntime().availableProcessors(), ProgressListener.NONE);
      List<List<Object>> rows = new ArrayList<>();
      all.forEach((user, recs) -> {
        for (int i = 0; i < recs.size(); i++) {
          rows.add(List.of(user, i + 1, recs.get(i).item(), String.format(Locale.ROOT, "%.6f", recs.get(i).score())));
        }
      });
      CsvTable.write(outFile, List.of("user", "rank", "item", "score"), rows);
      spec.commandLine().getOut().printf(Locale.ROOT, "wrote %d recommendations for %d users to %s in %.1f s%n",
          rows.size(), users.size(), outFile, (System.nanoTime() - start) / 1e9);
    } finally {
      ModelOption.close(embedder);
    }
    return ExitCodes.OK;
  }
}
