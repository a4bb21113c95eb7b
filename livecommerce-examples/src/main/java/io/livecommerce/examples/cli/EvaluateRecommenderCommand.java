package io.livecommerce.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.livecommerce.domain.LiveRoom;
import io.livecommerce.domain.WatchEvent;
import io.livecommerce.embed.TextEmbedder;
import io.livecommerce.eval.RankingReport;
import io.livecommerce.eval.Split;
import io.livecommerce.eval.Splits;
import io.livecommerce.examples.report.HtmlReport;
import io.livecommerce.examples.report.Reports;
import io.livecommerce.examples.world.World;
import io.livecommerce.examples.world.WorldFiles;
import io.livecommerce.recommend.HybridRoomRecommender;
import io.livecommerce.recommend.HybridRoomTrainer;
import io.livecommerce.recommend.ImplicitAls;
import io.livecommerce.recommend.ImplicitModel;
import io.livecommerce.recommend.Interaction;
import io.livecommerce.recommend.NextRoomReplay;
import io.livecommerce.recommend.RecommenderEvaluation;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
  private static final String EVENTS = "watch_events.csv";

  @Spec
  CommandSpec spec;

  @Mixin
  InteractionOptions input;

  @Option(names = "--split", defaultValue = "time", description = "random, time, or replay (default: time). "
      + "replay reads --world instead of --interactions and replays its last 24 hours arrival by arrival.")
  String split;

  @Option(names = "--world", paramLabel = "DIR", description = "With --split replay: a folder written by "
      + "generate-world (or in its format, docs/data-format.md).")
  Path world;

  @Option(names = "--max-arrivals", defaultValue = "5000", description = "With --split replay: score at most this "
      + "many arrivals, the first in time, > 0 (default: 5000); later events still feed the in-session state.")
  int maxArrivals;

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
    if (split.equals("replay")) {
      return replay();
    }
    if (world != null) {
      throw new IllegalArgumentException("--world is read by --split replay only; this run splits --interactions "
          + "with --split " + split);
    }
    refuse("--split " + split + " splits --interactions", "--max-arrivals");
    input.validate();
    report.validate("--interactions", input.interactions, "--items", input.items);
    if (!(testFraction > 0 && testFraction < 1)) {
      throw new IllegalArgumentException("--test-fraction must be in (0, 1) but was " + testFraction);
    }
    List<Interaction> log = input.read(encoding.charset());
    if (split.equals("time") && log.stream().mapToLong(Interaction::timestampMillis).distinct().count() < 2) {
      throw new IllegalArgumentException("--split time needs a timestamp column with different times in "
          + input.interactions + "; use --split random");
    }
    Split<Interaction> s = switch (split) {
      case "random" -> Splits.random(log, testFraction, seed.seed);
      case "time" -> Splits.byTime(log, Interaction::timestampMillis, testFraction);
      default -> throw new IllegalArgumentException("--split '" + split + "' is not one of random, time, replay");
    };
    Map<String, String> texts = Inputs.itemTexts(input.items, encoding.charset());
    TextEmbedder embedder = texts.isEmpty() ? null : model.open(texts.values(), spec.commandLine().getOut());
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

  /** Refuses the options among {@code names} given on the command line: in this mode they would be ignored. */
  private void refuse(String mode, String... names) {
    List<String> given = java.util.Arrays.stream(names)
        .filter(n -> spec.commandLine().getParseResult().hasMatchedOption(n)).toList();
    if (!given.isEmpty()) {
      throw new IllegalArgumentException(String.join(", ", given) + (given.size() == 1 ? " has" : " have")
          + " no effect here: " + mode);
    }
  }

  /**
   * Next-room replay of a world's last 24 hours (LiveRec's protocol): trains the room recommender on what came
   * before (tuned on its own last hours unless --no-tune), then ranks the rooms live at each arrival.
   */
  private int replay() throws Exception {
    if (world == null) {
      throw new IllegalArgumentException("--split replay needs --world DIR (a folder from generate-world)");
    }
    if (input.interactions != null) {
      throw new IllegalArgumentException("--split replay reads --world " + world + ", not --interactions");
    }
    // The world's own files, columns and encoding; the last 24 hours held out; HR@1/5/10 and NDCG@10 reported.
    refuse("--split replay reads a world folder and holds out its last 24 hours", "--items", "--k",
        "--test-fraction", "--user-column", "--item-column", "--weight-column", "--timestamp-column", "--encoding");
    if (maxArrivals <= 0) {
      throw new IllegalArgumentException("--max-arrivals must be > 0 but was " + maxArrivals);
    }
    report.validate("--world", world.resolve(EVENTS));
    World w = WorldFiles.read(world);
    if (w.events().isEmpty()) {
      throw new IllegalArgumentException(world.resolve(EVENTS) + " has no watch events to replay");
    }
    long end = w.events().stream().mapToLong(WatchEvent::timestampMillis).max().getAsLong();
    long cut = end - 24 * 3_600_000L;
    List<WatchEvent> past = w.events().stream().filter(e -> e.timestampMillis() < cut).toList();
    List<WatchEvent> window = w.events().stream().filter(e -> e.timestampMillis() >= cut).toList();
    if (past.isEmpty()) {
      throw new IllegalArgumentException(world.resolve(EVENTS) + " spans less than 24 hours: nothing "
          + "before its last day to train on");
    }
    PrintWriter out = spec.commandLine().getOut();
    TextEmbedder embedder = model.open(w.rooms().stream().map(LiveRoom::text).toList(), out);
    try {
      HybridRoomTrainer trainer = HybridRoomRecommender.newBuilder().embedder(embedder).anchors(w.anchors())
          .als(ImplicitAls.newBuilder().seed(seed.seed).build());
      HybridRoomRecommender rec = tuning.fitRooms(trainer, w.rooms(), past, seed.seed, out);
      List<LiveRoom> rooms = w.rooms().stream().filter(r -> r.endMillis() > cut).toList();
      NextRoomReplay.Report r = NextRoomReplay.run(rec, rooms, window, maxArrivals);
      out.printf(Locale.ROOT, "replayed %d events of the last 24 hours (%d rooms); trained on %d before%n",
          window.size(), rooms.size(), past.size());
      out.print(r.table());
      out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(r.rows()));
      if (report.wanted()) {
        HtmlReport page = new HtmlReport("Next-room replay", "livecommerce evaluate-recommender --split replay on "
            + world + ": " + window.size() + " events replayed, " + past.size() + " before");
        page.section("Next-room replay").paragraph("At each arrival, the rooms live then ranked for that viewer "
            + "with only what came before (LiveRec, RecSys 2021).").table(List.of("method", "segment", "arrivals",
                "HR@1", "HR@5", "HR@10", "NDCG@10"), r.rows().stream().map(x -> List.of(x.method(), x.segment(),
                    String.valueOf(x.arrivals()), f3(x.hr1()), f3(x.hr5()), f3(x.hr10()), f3(x.ndcg10()))).toList());
        report.write(page, out);
      }
    } finally {
      ModelOption.close(embedder);
    }
    return ExitCodes.OK;
  }

  private static String f3(double x) {
    return String.format(Locale.ROOT, "%.3f", x);
  }
}
