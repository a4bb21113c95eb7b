package io.livecommerce.examples;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.livecommerce.ProgressListener;
import io.livecommerce.Scored;
import io.livecommerce.compliance.ComplianceChecker;
import io.livecommerce.compliance.ComplianceFinding;
import io.livecommerce.compliance.ComplianceReport;
import io.livecommerce.domain.Anchor;
import io.livecommerce.domain.Product;
import io.livecommerce.domain.Promotion;
import io.livecommerce.domain.PromotionType;
import io.livecommerce.embed.TextEmbedder;
import io.livecommerce.eval.RankingReport;
import io.livecommerce.eval.Split;
import io.livecommerce.eval.Splits;
import io.livecommerce.examples.csv.CsvFormatException;
import io.livecommerce.examples.csv.CsvTable;
import io.livecommerce.examples.world.World;
import io.livecommerce.examples.world.WorldFiles;
import io.livecommerce.examples.world.WorldGenerator;
import io.livecommerce.examples.world.WorldSize;
import io.livecommerce.llm.ChatClient;
import io.livecommerce.llm.script.LlmScriptGenerator;
import io.livecommerce.llm.script.TemplateScriptGenerator;
import io.livecommerce.math.Hit;
import io.livecommerce.math.TopK;
import io.livecommerce.math.VectorMatrix;
import io.livecommerce.recommend.ImplicitAls;
import io.livecommerce.recommend.ImplicitModel;
import io.livecommerce.recommend.ImplicitRecommender;
import io.livecommerce.recommend.Interaction;
import io.livecommerce.recommend.RecommenderEvaluation;
import io.livecommerce.regress.TabularModel;
import io.livecommerce.regress.TabularRegressor;
import io.livecommerce.regress.TabularRow;
import io.livecommerce.script.Language;
import io.livecommerce.script.LiveScript;
import io.livecommerce.script.ScriptRequest;
import io.livecommerce.script.ScriptSegment;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The command-line interface: {@code java -jar livecommerce.jar <command> --help}.
 *
 * <p>Exit codes: 0 success; 1 compliance findings ({@code check-compliance}); 2 bad input (the message names the file,
 * line and column), without a stack trace unless {@code --verbose}.
 *
 * <p>Each run builds its own command objects, so concurrent {@link #run} calls are safe.
 */
@Command(name = "livecommerce", mixinStandardHelpOptions = true, version = "livecommerce 0.1.0-SNAPSHOT",
    description = "Live-stream e-commerce decisions with data and language models.",
    subcommands = {Cli.DemoCommand.class, Cli.GenerateWorld.class, Cli.Embed.class, Cli.Search.class,
        Cli.Recommend.class, Cli.EvaluateRecommender.class, Cli.Regress.class, Cli.Script.class,
        Cli.CheckCompliance.class})
public final class Cli implements Callable<Integer> {

  static final ObjectMapper JSON = new ObjectMapper();

  @Option(names = "--verbose", description = "Print stack traces of errors.", scope = CommandLine.ScopeType.INHERIT)
  boolean verbose;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }

  /** Runs the CLI and exits with its code. */
  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true, StandardCharsets.UTF_8),
        new PrintWriter(System.err, true, StandardCharsets.UTF_8)));
  }

  /** Runs the CLI with the given streams; returns the exit code. For tests and embedding. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    Cli root = new Cli();
    CommandLine cl = new CommandLine(root);
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      boolean verbose = parseResult.matchedOptionValue("--verbose", false)
          || java.util.Arrays.asList(parseResult.originalArgs().toArray(new String[0])).contains("--verbose");
      if (verbose) {
        e.printStackTrace(err);
      }
      if (e instanceof CsvFormatException || e instanceof IllegalArgumentException
          || e instanceof UncheckedIOException) {
        err.println("error: " + e.getMessage());
        return 2;
      }
      err.println("error: " + e);
      return 3;
    });
    return cl.execute(args);
  }

  static PrintWriter out(CommandLine.Model.CommandSpec spec) {
    return spec.commandLine().getOut();
  }

  /** The {@code --model} option shared by the commands that embed text, and the embedder's lifecycle. */
  static final class ModelOption {
    @Option(names = "--model", defaultValue = "bge-small-zh",
        description = "Embedder: " + Embedders.NAMES + " (default: bge-small-zh).")
    String model;

    /** The embedder, or null when {@code needed} is false; close it with {@link #close}. */
    TextEmbedder open(boolean needed) {
      return needed ? Embedders.create(model) : null;
    }

    static void close(TextEmbedder e) {
      if (e != null) {
        e.close();
      }
    }
  }

  @Command(name = "demo", mixinStandardHelpOptions = true,
      description = "Generate a world, train every model, print picks, a script and an evaluation table.")
  static final class DemoCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--size", defaultValue = "small", description = "tiny, small or large (default: small).")
    String size;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: 42).")
    long seed;

    @CommandLine.Mixin
    ModelOption model;

    @Override
    public Integer call() {
      new Demo(out(spec)).run(size(size), seed, model.model);
      return 0;
    }
  }

  static WorldSize size(String s) {
    try {
      return WorldSize.valueOf(s.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--size '" + s + "' is not one of tiny, small, large");
    }
  }

  @Command(name = "generate-world", mixinStandardHelpOptions = true,
      description = "Write a simulated live-commerce world as CSV files (schema: docs/data-format.md).")
  static final class GenerateWorld implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", required = true, description = "Folder to write into.")
    Path out;

    @Option(names = "--size", defaultValue = "small", description = "tiny, small or large (default: small).")
    String size;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: 42).")
    long seed;

    @Override
    public Integer call() {
      World w = WorldGenerator.generate(size(size), seed);
      WorldFiles.write(w, out);
      out(spec).println("wrote " + w.summary() + " to " + out);
      return 0;
    }
  }

  @Command(name = "embed", mixinStandardHelpOptions = true,
      description = "Add an embedding column to a CSV file (the vector as space-separated floats).")
  static final class Embed implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--in", required = true, description = "Input CSV with a header.")
    Path in;

    @Option(names = "--text-column", required = true, description = "The column to embed.")
    String textColumn;

    @Option(names = "--out", required = true, description = "Output CSV: the input columns plus 'embedding'.")
    Path outFile;

    @CommandLine.Mixin
    ModelOption model;

    @Override
    public Integer call() {
      CsvTable t = CsvTable.read(in).require(textColumn);
      List<String> texts = new ArrayList<>();
      for (CsvTable.Row r : t.rows()) {
        texts.add(r.required(textColumn));
      }
      try (TextEmbedder e = model.open(true)) {
        List<float[]> vs = e.embedAll(texts);
        List<String> header = new ArrayList<>(t.header());
        header.add("embedding");
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < t.rows().size(); i++) {
          List<Object> row = new ArrayList<>();
          for (String h : t.header()) {
            row.add(t.rows().get(i).get(h));
          }
          StringBuilder sb = new StringBuilder();
          for (float f : vs.get(i)) {
            sb.append(sb.length() == 0 ? "" : " ").append(f);
          }
          row.add(sb.toString());
          rows.add(row);
        }
        CsvTable.write(outFile, header, rows);
        out(spec).println("embedded " + texts.size() + " texts (" + e.dimension() + " dimensions) into " + outFile);
      }
      return 0;
    }
  }

  @Command(name = "search", mixinStandardHelpOptions = true,
      description = "Semantic search over a catalogue CSV; prints id,score rows, best first.")
  static final class Search implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--catalog", required = true, description = "Catalogue CSV.")
    Path catalog;

    @Option(names = "--id-column", required = true, description = "The id column.")
    String idColumn;

    @Option(names = "--text-column", required = true, description = "The text column.")
    String textColumn;

    @Option(names = "--query", required = true, description = "What the shopper is looking for.")
    String query;

    @Option(names = "--k", defaultValue = "10", description = "How many results (default: 10).")
    int k;

    @CommandLine.Mixin
    ModelOption model;

    @Override
    public Integer call() {
      if (k <= 0) {
        throw new IllegalArgumentException("--k must be > 0 but was " + k);
      }
      CsvTable t = CsvTable.read(catalog).require(idColumn, textColumn);
      List<String> ids = new ArrayList<>();
      List<String> texts = new ArrayList<>();
      for (CsvTable.Row r : t.rows()) {
        ids.add(r.required(idColumn));
        texts.add(r.required(textColumn));
      }
      try (TextEmbedder e = model.open(true)) {
        VectorMatrix m = VectorMatrix.of(e.embedAll(texts), e.dimension());
        PrintWriter w = out(spec);
        w.println("id,score");
        for (Hit h : TopK.search(m, e.embed(query), k)) {
          w.printf(Locale.ROOT, "%s,%.4f%n", ids.get(h.index()), h.score());
        }
      }
      return 0;
    }
  }

  /** Reads interactions (user,item[,weight,timestamp]) and optional item texts (item,text). */
  static List<Interaction> interactions(Path file) {
    CsvTable t = CsvTable.read(file).require("user", "item");
    boolean hasWeight = t.has("weight");
    boolean hasTime = t.has("timestamp");
    List<Interaction> out = new ArrayList<>();
    for (CsvTable.Row r : t.rows()) {
      double w = hasWeight && !r.get("weight").isEmpty() ? r.getDouble("weight") : 1.0;
      long ts = hasTime && !r.get("timestamp").isEmpty() ? r.getLong("timestamp") : r.line();
      try {
        out.add(new Interaction(r.required("user"), r.required("item"), w, ts));
      } catch (IllegalArgumentException e) {
        throw r.error(null, e.getMessage());
      }
    }
    if (out.isEmpty()) {
      throw new CsvFormatException(file, 2, null, "has no interactions");
    }
    return out;
  }

  static Map<String, String> itemTexts(Path file) {
    Map<String, String> texts = new LinkedHashMap<>();
    if (file == null) {
      return texts;
    }
    CsvTable t = CsvTable.read(file).require("item", "text");
    for (CsvTable.Row r : t.rows()) {
      texts.put(r.required("item"), r.required("text"));
    }
    return texts;
  }

  static ImplicitRecommender recommender(TextEmbedder embedder, long seed) {
    return ImplicitRecommender.newBuilder().embedder(embedder)
        .als(ImplicitAls.newBuilder().factors(32).iterations(10).seed(seed).build()).build();
  }

  @Command(name = "recommend", mixinStandardHelpOptions = true,
      description = "Recommend items for every user in an interactions CSV (user,item[,weight,timestamp]); "
          + "hybrid of CF and, when --items gives item,text, content.")
  static final class Recommend implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--interactions", required = true, description = "CSV with header user,item[,weight,timestamp].")
    Path interactions;

    @Option(names = "--items", description = "CSV with header item,text.")
    Path items;

    @Option(names = "--k", defaultValue = "10", description = "Items per user (default: 10).")
    int k;

    @Option(names = "--out", required = true, description = "Output CSV: user,rank,item,score.")
    Path outFile;

    @Option(names = "--exclude-seen", description = "Leave out items the user already interacted with.")
    boolean excludeSeen;

    @CommandLine.Mixin
    ModelOption model;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: 42).")
    long seed;

    @Override
    public Integer call() {
      if (k <= 0) {
        throw new IllegalArgumentException("--k must be > 0 but was " + k);
      }
      List<Interaction> log = interactions(interactions);
      Map<String, String> texts = itemTexts(items);
      long start = System.nanoTime();
      TextEmbedder embedder = model.open(!texts.isEmpty());
      try {
        ImplicitModel m = recommender(embedder, seed).fit(log, texts, ProgressListener.NONE);
        List<String> users = new ArrayList<>(new java.util.LinkedHashSet<>(log.stream().map(Interaction::user)
            .toList()));
        Map<String, List<Scored<String>>> all = m.recommendAll(users, k, excludeSeen,
            Runtime.getRuntime().availableProcessors(), ProgressListener.NONE);
        List<List<Object>> rows = new ArrayList<>();
        all.forEach((user, recs) -> {
          for (int i = 0; i < recs.size(); i++) {
            rows.add(List.of(user, i + 1, recs.get(i).item(), String.format(Locale.ROOT, "%.6f", recs.get(i).score())));
          }
        });
        CsvTable.write(outFile, List.of("user", "rank", "item", "score"), rows);
        out(spec).printf(Locale.ROOT, "wrote %d recommendations for %d users to %s in %.1f s%n", rows.size(),
            users.size(), outFile, (System.nanoTime() - start) / 1e9);
      } finally {
        ModelOption.close(embedder);
      }
      return 0;
    }
  }

  @Command(name = "evaluate-recommender", mixinStandardHelpOptions = true,
      description = "Split interactions, train, and report the hybrid beside CF-only, content-only, popularity "
          + "and random: a table, then JSON.")
  static final class EvaluateRecommender implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--interactions", required = true, description = "CSV with header user,item[,weight,timestamp].")
    Path interactions;

    @Option(names = "--items", description = "CSV with header item,text.")
    Path items;

    @Option(names = "--split", defaultValue = "time", description = "random or time (default: time).")
    String split;

    @Option(names = "--test-fraction", defaultValue = "0.2", description = "Share of interactions held out.")
    double testFraction;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: 42).")
    long seed;

    @Option(names = "--k", defaultValue = "10", description = "Cut-off (default: 10).")
    int k;

    @CommandLine.Mixin
    ModelOption model;

    @Override
    public Integer call() throws Exception {
      if (k <= 0) {
        throw new IllegalArgumentException("--k must be > 0 but was " + k);
      }
      List<Interaction> log = interactions(interactions);
      Split<Interaction> s = switch (split) {
        case "random" -> Splits.random(log, testFraction, seed);
        case "time" -> Splits.byTime(log, Interaction::timestampMillis, testFraction);
        default -> throw new IllegalArgumentException("--split '" + split + "' is not one of random, time");
      };
      Map<String, String> texts = itemTexts(items);
      TextEmbedder embedder = model.open(!texts.isEmpty());
      try {
        ImplicitModel m = recommender(embedder, seed).fit(s.train(), texts, ProgressListener.NONE);
        List<RankingReport> reports = RecommenderEvaluation.compare(m, s.test(), k, seed);
        PrintWriter w = out(spec);
        w.println(RankingReport.header());
        reports.forEach(r -> w.println(r.row()));
        w.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(reports));
      } finally {
        ModelOption.close(embedder);
      }
      return 0;
    }
  }

  @Command(name = "regress", mixinStandardHelpOptions = true,
      description = "Train the selection/promotion regression on any table and predict another; output id,prediction.")
  static final class Regress implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--train", required = true, description = "Training CSV.")
    Path train;

    @Option(names = "--predict", required = true, description = "CSV to predict (the target column may be absent).")
    Path predict;

    @Option(names = "--id-column", required = true, description = "The id column.")
    String idColumn;

    @Option(names = "--target-column", required = true, description = "The numeric target column.")
    String targetColumn;

    @Option(names = "--text-column", description = "A text column to embed.")
    String textColumn;

    @Option(names = "--numeric-columns", split = ",", description = "Numeric feature columns, comma-separated.")
    List<String> numeric = new ArrayList<>();

    @Option(names = "--categorical-columns", split = ",", description = "Categorical columns, comma-separated.")
    List<String> categorical = new ArrayList<>();

    @Option(names = "--log-target", description = "Learn log(1 + target), for skewed targets such as sales.")
    boolean logTarget;

    @Option(names = "--out", required = true, description = "Output CSV: id,prediction.")
    Path outFile;

    @CommandLine.Mixin
    ModelOption model;

    @Override
    public Integer call() {
      List<TabularRow> trainRows = rows(CsvTable.read(train), true);
      List<TabularRow> predictRows = rows(CsvTable.read(predict), false);
      TextEmbedder embedder = model.open(textColumn != null);
      try {
        TabularModel m = TabularRegressor.newBuilder().embedder(embedder).numericColumns(numeric)
            .categoricalColumns(categorical).logTarget(logTarget).build().fit(trainRows);
        List<List<Object>> out = new ArrayList<>();
        for (TabularRow r : predictRows) {
          out.add(List.of(r.id(), String.format(Locale.ROOT, "%.6f", m.predict(r).value())));
        }
        CsvTable.write(outFile, List.of("id", "prediction"), out);
        out(spec).println("trained on " + trainRows.size() + " rows (" + m.featureNames().size()
            + " features), wrote " + out.size() + " predictions to " + outFile);
      } finally {
        ModelOption.close(embedder);
      }
      return 0;
    }

    private List<TabularRow> rows(CsvTable t, boolean needTarget) {
      t.require(idColumn);
      if (needTarget) {
        t.require(targetColumn);
      }
      if (textColumn != null) {
        t.require(textColumn);
      }
      t.require(numeric.toArray(new String[0]));
      t.require(categorical.toArray(new String[0]));
      List<TabularRow> out = new ArrayList<>();
      for (CsvTable.Row r : t.rows()) {
        Map<String, Double> num = new HashMap<>();
        for (String c : numeric) {
          if (!r.get(c).isEmpty()) {
            num.put(c, r.getDouble(c)); // empty: missing, imputed by the model
          }
        }
        Map<String, String> cat = new HashMap<>();
        for (String c : categorical) {
          if (!r.get(c).isEmpty()) {
            cat.put(c, r.get(c));
          }
        }
        double target = Double.NaN;
        if (needTarget) {
          target = r.getDouble(targetColumn);
        } else if (t.has(targetColumn) && !r.get(targetColumn).isEmpty()) {
          target = r.getDouble(targetColumn);
        }
        try {
          out.add(new TabularRow(r.required(idColumn), textColumn == null ? "" : r.required(textColumn), num, cat,
              target));
        } catch (IllegalArgumentException e) {
          throw r.error(null, e.getMessage());
        }
      }
      if (out.isEmpty()) {
        throw new CsvFormatException(t.file(), 2, null, "has no rows");
      }
      return out;
    }
  }

  @Command(name = "script", mixinStandardHelpOptions = true,
      description = "Write a live-selling script and its compliance report. Uses an LLM when "
          + "LIVECOMMERCE_LLM_BASE_URL (and _API_KEY, _MODEL) are set, else the offline template generator.")
  static final class Script implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--product-title", required = true, description = "The product's title.")
    String title;

    @Option(names = "--product-description", defaultValue = "", description = "The product's description.")
    String description;

    @Option(names = "--category", defaultValue = "", description = "The product's category, e.g. 护肤.")
    String category;

    @Option(names = "--price", defaultValue = "0", description = "Price in yuan, e.g. 89.9.")
    double price;

    @Option(names = "--promotion", description = "The offer, e.g. '领券立减20元'.")
    String promotion;

    @Option(names = "--anchor", defaultValue = "主播", description = "The anchor's name.")
    String anchor;

    @Option(names = "--language", defaultValue = "zh", description = "zh or en (default: zh).")
    String language;

    @Option(names = "--seconds", defaultValue = "180", description = "Target length in seconds (default: 180).")
    int seconds;

    @Override
    public Integer call() {
      if (!Double.isFinite(price) || price < 0) {
        throw new IllegalArgumentException("--price must be a number >= 0 but was " + price);
      }
      Language lang = switch (language.toLowerCase(Locale.ROOT)) {
        case "zh" -> Language.ZH;
        case "en" -> Language.EN;
        default -> throw new IllegalArgumentException("--language '" + language + "' is not one of zh, en");
      };
      Product p = new Product("cli-product", title, description, category, "", Math.round(price * 100), Map.of());
      ScriptRequest.Builder req = ScriptRequest.newBuilder().product(p).anchor(Anchor.of("cli-anchor", anchor))
          .language(lang).targetSeconds(seconds);
      if (promotion != null && !promotion.isBlank()) {
        req.promotion(new Promotion("cli-promotion", promotion, PromotionType.COUPON, 0, 600, category, 0));
      }
      Optional<ChatClient> llm = ChatClient.fromEnvironment();
      LiveScript script;
      try {
        script = llm.isPresent()
            ? LlmScriptGenerator.newBuilder().client(llm.get()).build().generate(req.build())
            : TemplateScriptGenerator.create().generate(req.build());
      } finally {
        llm.ifPresent(ChatClient::close);
      }
      PrintWriter w = out(spec);
      for (ScriptSegment s : script.segments()) {
        w.printf(Locale.ROOT, "[%s %ds] %s%n", s.kind(), s.seconds(), s.text());
      }
      w.println();
      w.println("compliance: " + (script.compliance().isClean() ? "clean"
          : script.compliance().findings().size() + " finding(s)"));
      for (ComplianceFinding f : script.compliance().findings()) {
        w.println("  " + findingJson(f));
      }
      return 0;
    }
  }

  static String findingJson(ComplianceFinding f) {
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

  @Command(name = "check-compliance", mixinStandardHelpOptions = true,
      description = "Check text against advertising-law rules; prints findings as JSON lines. "
          + "Exit code 0 when clean, 1 when there are findings.")
  static final class CheckCompliance implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.ArgGroup(multiplicity = "1")
    Source source;

    static final class Source {
      @Option(names = "--text", description = "The text to check.")
      String text;

      @Option(names = "--in", description = "A UTF-8 text file to check.")
      Path in;
    }

    @Override
    public Integer call() {
      String text;
      if (source.text != null) {
        text = source.text;
      } else {
        try {
          text = Files.readString(source.in, StandardCharsets.UTF_8);
        } catch (IOException e) {
          throw new UncheckedIOException(source.in + " cannot be read (" + e.getClass().getSimpleName() + ")", e);
        }
      }
      ComplianceReport r = ComplianceChecker.bundled().check(text);
      PrintWriter w = out(spec);
      for (ComplianceFinding f : r.findings()) {
        w.println(findingJson(f));
      }
      return r.isClean() ? 0 : 1;
    }
  }
}
