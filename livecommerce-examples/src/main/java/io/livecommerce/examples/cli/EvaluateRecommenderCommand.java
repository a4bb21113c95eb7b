package io.livecommerce.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.livecommerce.embed.TextEmbedder;
import io.livecommerce.eval.RankingReport;
import io.livecommerce.eval.Split;
import io.livecommerce.eval.Splits;
import io.livecommerce.examples.report.HtmlReport;
import io.livecommerce.examples.report.Reports;
import io.livecommerce.recommend.ImplicitModel;
import io.livecommerce.recommend.Interaction;
import io.livecommerce.recommend.RecommenderEvaluation;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code evaluate-recommender}: the hybrid against its baselines on a held-out split.
 *
 * <p>Picocli makes one instance per run; not thread-safe.
 */
@Command(name = "evaluate-recommender", mixinStandardHelpOptions = true,
    description = "Split interactions, train, and report the hybrid beside CF-only, content-only, popularity "
        + "and random: a table, then JSON. Tuning, unless --no-tune, sees only the training part.",
    footer = ExitCodes.HELP)
public final class EvaluateRecommenderCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec
  CommandSpec spec;

  @Mixin
  InteractionOptions input;

  @Option(names = "--split", defaultValue = "time", description = "random or time (default: time).")
  String split;

  @Option(names = "--test-fraction", defaultValue = "0.2", description = "Share of interactions held out, in "
      + "(0, 1) (default: 0.2).")
  double testFraction;

  @Mixin
  SeedOption seed;

  @Mixin
  ModelOption model;

  @Mixin
  EncodingOption encoding;

  @Mixin
  TuningOptions tuning;

  @Mixin
  ReportOption report;

  @Override
  public Integer call() throws Exception {
    input.validate();
    report.validate("--interactions", input.interactions, "--items", input.items);
    if (!(testFraction > 0 && testFraction < 1)) {
      throw new IllegalArgumentException("--test-fraction must be in (0, 1) but was " + testFraction);
    }
    List<Interaction> log = Inputs.interactions(input.interactions, encoding.charset());
    if (split.equals("time") && log.stream().mapToLong(Interaction::timestampMillis).distinct().count() < 2) {
      throw new IllegalArgumentException("--split time needs a timestamp column with different times in "
          + input.interactions + "; use --split random");
    }
    Split<Interaction> s = switch (split) {
      case "random" -> Splits.random(log, testFraction, seed.seed);
      case "time" -> Splits.byTime(log, Interaction::timestampMillis, testFraction);
      default -> throw new IllegalArgumentException("--split '" + split + "' is not one of random, time");
    };
    Map<String, String> texts = Inputs.itemTexts(input.items, encoding.charset());
    TextEmbedder embedder = model.open(!texts.isEmpty());
    try {
      // The tuner sees the training part only; the test part is for the report alone.
      ImplicitModel m = tuning.fit(s.train(), texts, embedder, seed.seed, spec.commandLine().getOut());
      int k = Math.min(input.k, m.catalogue().size());
      List<RankingReport> reports = RecommenderEvaluation.compare(m, s.test(), k, seed.seed);
      PrintWriter w = spec.commandLine().getOut();
      w.println(RankingReport.header());
      reports.forEach(r -> w.println(r.row()));
      w.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(reports));
      if (report.wanted()) {
        List<List<RankingReport>> byK = new ArrayList<>();
        for (int c : new int[] {1, 5, 10, 20, 50}) {
          if (c < k) {
            byK.add(RecommenderEvaluation.compare(m, s.test(), c, seed.seed));
          }
        }
        byK.add(reports);
        HtmlReport page = new HtmlReport("Recommender evaluation", "livecommerce evaluate-recommender on "
            + input.interactions.getFileName() + ": " + log.size() + " interactions, " + split + " split, "
            + s.test().size() + " held out, seed " + seed.seed);
        Reports.ranking(page, byK, "the model against baselines on the held-out part");
        if (tuning.lastTuning != null) {
          Reports.tuning(page, tuning.lastTuning);
        }
        report.write(page, w);
      }
    } finally {
      ModelOption.close(embedder);
    }
    return ExitCodes.OK;
  }
}
