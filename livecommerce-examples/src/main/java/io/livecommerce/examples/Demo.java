package io.livecommerce.examples;

import io.livecommerce.Scored;
import io.livecommerce.compliance.ComplianceFinding;
import io.livecommerce.compliance.ComplianceReport;
import io.livecommerce.domain.Anchor;
import io.livecommerce.domain.LiveRoom;
import io.livecommerce.domain.Product;
import io.livecommerce.domain.PromotionOutcome;
import io.livecommerce.domain.WatchEvent;
import io.livecommerce.embed.TextEmbedder;
import io.livecommerce.eval.RankingEvaluator;
import io.livecommerce.eval.RankingReport;
import io.livecommerce.examples.report.HtmlReport;
import io.livecommerce.examples.report.Reports;
import io.livecommerce.examples.world.World;
import io.livecommerce.examples.world.WorldGenerator;
import io.livecommerce.examples.world.WorldSize;
import io.livecommerce.facade.LiveCommerce;
import io.livecommerce.llm.ChatClient;
import io.livecommerce.llm.script.LlmScriptGenerator;
import io.livecommerce.recommend.BlendWeights;
import io.livecommerce.recommend.HybridRoomRecommender;
import io.livecommerce.recommend.HybridRoomTuner;
import io.livecommerce.recommend.ImplicitAls;
import io.livecommerce.recommend.LiveQuery;
import io.livecommerce.recommend.LiveRoomIndex;
import io.livecommerce.recommend.NextRoomReplay;
import io.livecommerce.recommend.RoomQuery;
import io.livecommerce.regress.RegressionReport;
import io.livecommerce.script.LiveScript;
import io.livecommerce.script.ScriptGenerator;
import io.livecommerce.script.ScriptRequest;
import io.livecommerce.script.ScriptSegment;
import io.livecommerce.selection.PromotionConstraints;
import io.livecommerce.selection.PromotionForecast;
import io.livecommerce.selection.RegressionProductSelector;
import io.livecommerce.selection.RegressionPromotionRanker;
import io.livecommerce.selection.SalesForecast;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * The end-to-end demo: a simulated world, the three models trained with the default embedder, their picks with
 * explanations, a script with its compliance report, and each model against its baselines.
 */
public final class Demo {

  private final PrintWriter out;

  /** A demo that prints to {@code out}. */
  public Demo(PrintWriter out) {
    this.out = out;
  }

  /** Runs the whole tour. */
  public void run(WorldSize size, long seed, String embedderName) {
    run(size, seed, embedderName, null);
  }

  /** Runs the whole tour, adding its evaluation to {@code page} when it is not null. */
  public void run(WorldSize size, long seed, String embedderName, HtmlReport page) {
    long t0 = System.nanoTime();
    step("1/6 Generating a " + size.name().toLowerCase(Locale.ROOT) + " live-commerce world (seed " + seed + ")");
    World w = WorldGenerator.generate(size, seed);
    out.println("  " + w.summary());
    if (page != null) {
      page.section("The world").paragraph("A simulated " + size.name().toLowerCase(Locale.ROOT) + " world, seed "
          + seed + ": " + w.summary() + ". Its tastes are planted (docs/data-format.md), so these figures show the "
          + "machinery works; the README's real-data benchmarks show how it compares with peers.");
    }

    // With --model auto the world's own texts (Chinese) choose the model, as the other commands' inputs do.
    String model = Embedders.resolve(embedderName, w.rooms().stream().map(LiveRoom::text).toList());
    try (LiveCommerce lc = LiveCommerce.newBuilder()
        .embedder(() -> Embedders.withProgress(Embedders.create(model), out)).build()) {
      step("2/6 Loading the embedder");
      TextEmbedder embedder = lc.embedder();
      out.println("  " + embedder);

      // The last day is "now": its rooms are live; what happened before "now" is for training and tuning.
      long dayStart = w.rooms().get(w.rooms().size() - 1).startMillis();
      long now = dayStart + 2 * 3_600_000L;
      List<LiveRoom> liveNow = w.rooms().stream().filter(r -> r.isLiveAt(now)).toList();

      List<WatchEvent> beforeNow = w.events().stream().filter(e -> e.timestampMillis() < now).toList();
      step("3/6 Tuning and training the room recommender on " + beforeNow.size() + " watch events");
      // The tuner holds out tonight's first two hours (before "now") to choose settings, then trains on all of it.
      HybridRoomTuner.Result tuned = HybridRoomTuner.of(lc.roomRecommender().anchors(w.anchors())
              .als(ImplicitAls.newBuilder().factors(32).iterations(10).seed(seed).cgSteps(0).build())
              .maxPerCategory(3))
          .withSeed(seed).withMaxTrials(6).withValidationStart(dayStart + 1).tune(w.rooms(), beforeNow);
      HybridRoomRecommender rooms = tuned.model();
      out.printf(Locale.ROOT, "  tuned on tonight's first two hours (%d trials): %s, validation NDCG@10 %.3f%n",
          tuned.trials(), tuningChoice(tuned), tuned.validationNdcg());
      String tuningLine = String.format(Locale.ROOT, "The room recommender was tuned on tonight's first two hours "
          + "(%d trials): %s, validation NDCG@10 %.3f.", tuned.trials(), tuningChoice(tuned), tuned.validationNdcg());
      // Served as a service would: the live rooms in an index, fed the watch events as they happen.
      try (LiveRoomIndex index = LiveRoomIndex.newBuilder(rooms).build()) {
        index.addAll(liveNow);
        index.awaitIndexed();
        for (String viewer : List.of("v1", "v7", "v42")) {
          out.println("  For viewer " + viewer + " (" + liveNow.size() + " rooms live):");
          printPicks(index.recommend(LiveQuery.of(viewer, now, 3)));
        }
        // In-session: v7 spends the last fifteen minutes in rooms of a category they never watched.
        String usual = index.recommend(LiveQuery.of("v7", now, 1)).get(0).item().category();
        List<LiveRoom> other = liveNow.stream().filter(r -> !r.category().equals(usual)
            && r.category().equals(liveNow.get(liveNow.size() - 1).category().equals(usual)
                ? liveNow.get(0).category() : liveNow.get(liveNow.size() - 1).category())).limit(2).toList();
        for (int i = 0; i < other.size(); i++) {
          index.observe(new WatchEvent("v7", other.get(i).id(), now - (10 - 5 * i) * 60_000L, 600, 5, 1, 0, 0, 0));
        }
        out.println("  For viewer v7 after 15 minutes in " + other.get(0).category() + " rooms:");
        printPicks(index.recommend(LiveQuery.of("v7", now, 3)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while indexing the live rooms", e);
      }

      step("4/6 Product selection and promotion ranking");
      RegressionProductSelector selector = lc.productSelector().seed(seed)
          .train(w.products(), w.sales(), w.anchors());
      RegressionPromotionRanker ranker = lc.promotionRanker().seed(seed)
          .train(w.promotions(), w.outcomes());
      List<Product> candidates = sample(w.products(), 60, seed);
      Anchor star = w.anchors().get(0);
      Optional<Scored<SalesForecast>> bestProduct = Optional.empty();
      Optional<Scored<PromotionForecast>> bestPromotion = Optional.empty();
      for (Anchor a : List.of(star, w.anchors().get(1))) {
        out.println("  Products for " + a.name() + " (" + a.persona() + "), from 60 candidates:");
        List<Scored<SalesForecast>> picks = selector.select(a.id(), candidates, 3);
        for (Scored<SalesForecast> s : picks) {
          SalesForecast f = s.item();
          out.printf(Locale.ROOT, "    %-24s %5.0f units [%.0f-%.0f]  ¥%,.0f  %s%n", f.product().title(), f.units(),
              f.unitsLow(), f.unitsHigh(), f.revenueCents() / 100, s.explanation());
        }
        List<Scored<PromotionForecast>> promos =
            ranker.rank(a.id(), w.promotions(), new PromotionConstraints(0.3, 60_000), 2);
        out.println("  Promotions for " + a.name() + " (discount <= 30%, cost <= ¥600):");
        for (Scored<PromotionForecast> s : promos) {
          out.printf(Locale.ROOT, "    %-30s GMV ¥%,.0f  %s%n", s.item().promotion().description(),
              s.item().gmvCents() / 100, s.explanation());
        }
        if (a == star) {
          bestProduct = picks.stream().findFirst();
          bestPromotion = promos.stream().findFirst();
        }
      }

      step("5/6 A script for " + star.name() + "'s top product, and its compliance report");
      Optional<ChatClient> llm = ChatClient.fromEnvironment();
      ScriptGenerator generator = llm.<ScriptGenerator>map(c -> LlmScriptGenerator.newBuilder().client(c).build())
          .orElseGet(lc::scriptGenerator);
      out.println("  generator: " + (llm.isPresent() ? "LLM at " + llm.get() : generator));
      ScriptRequest request = ScriptRequest.newBuilder()
          .product(bestProduct.map(s -> s.item().product()).orElse(candidates.get(0)))
          .promotion(bestPromotion.map(s -> s.item().promotion()).orElse(null))
          .anchor(star).audience("想买平价好物的上班族").targetSeconds(150).build();
      LiveScript script = generator.generate(request);
      for (ScriptSegment s : script.segments()) {
        out.printf(Locale.ROOT, "    [%-14s %3ds] %s%n", s.kind(), s.seconds(), s.text());
      }
      out.println("  compliance: " + (script.compliance().isClean() ? "clean"
          : script.compliance().findings().size() + " findings"));
      llm.ifPresent(ChatClient::close);
      String risky = "全网最低价！这款面霜能根治痘痘，100%有效，错过再等一年！最近天气干，唯一的缺点是有点香。";
      ComplianceReport report = lc.compliance().check(risky);
      out.println("  Checking: " + risky);
      for (ComplianceFinding f : report.findings()) {
        out.printf(Locale.ROOT, "    [%d,%d) 「%s」 %s/%s -> %s  %s%n", f.start(), f.end(), f.matchedText(),
            f.category(), f.severity(), f.suggestion().isEmpty() ? "(removed)" : "「" + f.suggestion() + "」",
            f.legalBasis());
      }
      out.println("  Rewritten: " + lc.compliance().rewrite(risky));

      step("6/6 Evaluation against baselines");
      List<RankingReport> roomReports = evaluateRooms(rooms, w, dayStart, now, liveNow, seed);
      NextRoomReplay.Report replay = replay(rooms, w, now);
      int cut = w.sales().size() * 4 / 5;
      out.println("  Product selection, holdout = the last 20% of sales by time:");
      List<RegressionReport> productReports = lc.productSelector().seed(seed).evaluate(w.products(),
          w.sales().subList(0, cut), w.sales().subList(cut, w.sales().size()), w.anchors(), 50);
      table(productReports);
      List<PromotionOutcome> outcomes = w.outcomes();
      int pcut = outcomes.size() * 4 / 5;
      out.println("  Promotion ranking, holdout = the last 20% of outcomes by time:");
      List<RegressionReport> promotionReports = lc.promotionRanker().seed(seed).evaluate(w.promotions(),
          outcomes.subList(0, pcut), outcomes.subList(pcut, outcomes.size()), 30);
      table(promotionReports);
      if (page != null) {
        Reports.ranking(page, List.of(roomReports), "rooms for each viewer among those live at \"now\", against "
            + "what they watched after it");
        page.paragraph(tuningLine);
        page.section("Next-room replay").paragraph("Tonight after \"now\" in time order: at each arrival, the rooms "
            + "live then ranked for that viewer with only what came before (LiveRec, RecSys 2021).")
            .table(List.of("method", "segment", "arrivals", "HR@1", "HR@5", "HR@10", "NDCG@10"),
                replay.rows().stream().map(r -> List.of(r.method(), r.segment(), String.valueOf(r.arrivals()),
                    f3(r.hr1()), f3(r.hr5()), f3(r.hr10()), f3(r.ndcg10()))).toList());
        Reports.regressionTable(page, "Product selection: units sold, holdout = the last 20% of sales",
            productReports);
        Reports.regressionTable(page, "Promotion ranking: GMV, holdout = the last 20% of outcomes",
            promotionReports);
        page.section("Compliance").paragraph("Checked: " + risky).table(List.of("span", "text", "category",
            "severity", "suggestion"), report.findings().stream().map(f -> List.of("[" + f.start() + ", " + f.end()
            + ")", f.matchedText(), f.category().name(), f.severity().name(),
            f.suggestion().isEmpty() ? "(removed)" : f.suggestion())).toList())
            .paragraph("Rewritten: " + lc.compliance().rewrite(risky));
      }
    }
    out.printf(Locale.ROOT, "%nDone in %.1f s.%n", (System.nanoTime() - t0) / 1e9);
  }

  private List<RankingReport> evaluateRooms(HybridRoomRecommender rooms, World w, long dayStart, long now,
      List<LiveRoom> liveNow, long seed) {
    // Relevant: rooms a viewer watched for a minute or more after "now" on the last day.
    Map<String, Set<String>> relevant = watched(w, now, Long.MAX_VALUE);
    out.println("  Room recommendation, " + relevant.size() + " viewers, what they watched after \"now\":");
    List<RankingReport> reports = new ArrayList<>();
    Map<String, BlendWeights> variants = new java.util.LinkedHashMap<>();
    variants.put("hybrid", rooms.weights());
    variants.put("cf-only", BlendWeights.CF_ONLY);
    variants.put("content-only", BlendWeights.CONTENT_ONLY);
    variants.put("popularity", BlendWeights.POPULARITY_ONLY);
    variants.forEach((name, weights) -> {
      HybridRoomRecommender r = rooms.withWeights(weights);
      reports.add(RankingEvaluator.evaluate(name,
          v -> ids(r.recommend(RoomQuery.of(v, liveNow, now, 10))),
          relevant, 10, liveNow.size()));
    });
    List<String> ids = new ArrayList<>(liveNow.stream().map(LiveRoom::id).toList());
    reports.add(RankingEvaluator.evaluate("random", v -> {
      List<String> copy = new ArrayList<>(ids);
      java.util.Collections.shuffle(copy, new Random(seed ^ v.hashCode()));
      return copy.subList(0, Math.min(10, copy.size()));
    }, relevant, 10, liveNow.size()));
    // Repeat viewing dominates live streams (LiveRec): report rooms of anchors the viewer already watched apart from
    // rooms of anchors new to them.
    Map<String, String> anchorOf = new HashMap<>();
    w.rooms().forEach(r -> anchorOf.put(r.id(), r.anchorId()));
    Map<String, Set<String>> before = new HashMap<>();
    watched(w, Long.MIN_VALUE, now).forEach((v, rs) -> rs.forEach(r -> before.computeIfAbsent(v, x -> new HashSet<>())
        .add(anchorOf.get(r))));
    Map<String, Set<String>> repeat = new HashMap<>();
    Map<String, Set<String>> fresh = new HashMap<>();
    relevant.forEach((v, rs) -> rs.forEach(r -> (before.getOrDefault(v, Set.of()).contains(anchorOf.get(r)) ? repeat
        : fresh).computeIfAbsent(v, x -> new HashSet<>()).add(r)));
    for (Map.Entry<String, Map<String, Set<String>>> part : Map.of("hybrid|repeat", repeat, "hybrid|new",
        fresh).entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
      if (!part.getValue().isEmpty()) {
        reports.add(RankingEvaluator.evaluate(part.getKey(), v -> ids(rooms.recommend(RoomQuery.of(v, liveNow, now,
            10))), part.getValue(), 10, liveNow.size()));
      }
    }
    out.println("    " + RankingReport.header());
    reports.forEach(r -> out.println("    " + r.row()));
    return reports;
  }

  private void printPicks(List<Scored<LiveRoom>> picks) {
    for (Scored<LiveRoom> s : picks) {
      out.printf(Locale.ROOT, "    %-34s %.3f  %s%n", s.item().title(), s.score(), s.explanation());
    }
  }

  private static String f3(double x) {
    return String.format(Locale.ROOT, "%.3f", x);
  }

  /** The rest of tonight replayed arrival by arrival (at most 5,000 scored, so a large world stays quick). */
  private NextRoomReplay.Report replay(HybridRoomRecommender rooms, World w, long now) {
    List<WatchEvent> after = w.events().stream().filter(e -> e.timestampMillis() >= now).toList();
    NextRoomReplay.Report r;
    try {
      r = NextRoomReplay.run(rooms, w.rooms().stream().filter(x -> x.endMillis() > now).toList(), after, 5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during the replay", e);
    }
    out.println("  Next-room replay of tonight after \"now\" (" + after.size() + " events; each arrival ranks the "
        + "rooms live then, with only what came before):");
    r.table().lines().forEach(l -> out.println("    " + l));
    return r;
  }

  /** Per viewer, rooms watched for a minute or more in [from, to). */
  private static Map<String, Set<String>> watched(World w, long from, long to) {
    Map<String, Set<String>> out = new HashMap<>();
    for (WatchEvent e : w.events()) {
      if (e.timestampMillis() >= from && e.timestampMillis() < to && e.watchSeconds() >= 60) {
        out.computeIfAbsent(e.viewerId(), v -> new HashSet<>()).add(e.roomId());
      }
    }
    return out;
  }

  private static List<String> ids(List<Scored<LiveRoom>> scored) {
    return scored.stream().map(s -> s.item().id()).toList();
  }

  private void table(List<RegressionReport> reports) {
    out.println("    " + RegressionReport.header());
    reports.forEach(r -> out.println("    " + r.row()));
  }

  private void step(String title) {
    out.println();
    out.println("== " + title);
  }

  private static <T> List<T> sample(List<T> items, int n, long seed) {
    List<T> copy = new ArrayList<>(items);
    java.util.Collections.shuffle(copy, new Random(seed));
    return List.copyOf(copy.subList(0, Math.min(n, copy.size())));
  }

  /**
   * What room tuning chose, in words: "ALS with 64 factors, alpha 1.0, blend CF 1, content 0, popularity 0,
   * momentum 0". Shared with {@code evaluate-recommender}.
   */
  public static String tuningChoice(HybridRoomTuner.Result tuned) {
    String family = switch (tuned.family()) {
      case ALS -> String.format(Locale.ROOT, "ALS with %d factors, alpha %s", tuned.als().factors(),
          tuned.als().alpha());
      case EASE -> String.format(Locale.ROOT, "EASE with λ %s x the mean anchor weight", tuned.easeLambda());
      case BLEND -> String.format(Locale.ROOT, "ALS (%d factors, alpha %s) blended with EASE (λ %s)",
          tuned.als().factors(), tuned.als().alpha(), tuned.easeLambda());
    };
    return family + ", blend " + blend(tuned.weights());
  }

  /** "CF 1, content 0.5, popularity 0.2, momentum 0.1" rather than the record's toString. */
  static String blend(BlendWeights w) {
    return String.format(Locale.ROOT, "CF %s, content %s, popularity %s, momentum %s%s", plain(w.cf()),
        plain(w.content()), plain(w.popularity()), plain(w.momentum()),
        w.repeat() == 0 ? "" : ", repeat " + plain(w.repeat()));
  }

  private static String plain(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
  }
}
