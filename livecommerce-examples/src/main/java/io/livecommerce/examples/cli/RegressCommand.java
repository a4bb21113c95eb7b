package io.livecommerce.examples.cli;

import io.livecommerce.embed.TextEmbedder;
import io.livecommerce.examples.csv.CsvFormatException;
import io.livecommerce.examples.csv.CsvTable;
import io.livecommerce.examples.report.HtmlReport;
import io.livecommerce.examples.report.Reports;
import io.livecommerce.regress.TabularModel;
import io.livecommerce.regress.TabularRegressor;
import io.livecommerce.regress.TabularRow;
import io.livecommerce.xgboost.XGBoostTreeLearner;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
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
 * {@code regress}: the selection regression on any table.
 *
 * <p>Picocli makes one instance per run; not thread-safe.
 */
@Command(name = "regress", mixinStandardHelpOptions = true,
    description = "Train the selection/promotion regression on any table and predict another; output id,prediction. "
        + "Numbers must lie in [-1e15, 1e15]; an empty numeric cell is missing and imputed.", footer = ExitCodes.HELP)
public final class RegressCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--train", required = true, description = "Training CSV.")
  Path train;

  @Option(names = "--predict", required = true, description = "CSV to predict (the target column may be absent).")
  Path predict;

  @Option(names = "--id-column", required = true, description = "The id column.")
  String idColumn;

  @Option(names = "--target-column", required = true, description = "The numeric target column.")
  String targetColumn;

  @Option(names = "--text-column", description = "A text column to embed; an empty cell is a missing text. "
      + "Cross-validation gives the text its own penalty and leaves it out when it does not help.")
  String textColumn;

  @Option(names = "--numeric-columns", split = ",", description = "Numeric feature columns, comma-separated.")
  List<String> numeric = new ArrayList<>();

  @Option(names = "--categorical-columns", split = ",", description = "Categorical columns, comma-separated.")
  List<String> categorical = new ArrayList<>();

  @Option(names = "--max-levels", paramLabel = "N", description = "At most N levels per categorical column get "
      + "their own column, the most frequent; the rest share an 'other' level (default: ${DEFAULT-VALUE}).")
  int maxLevels = io.livecommerce.regress.TabularRegressor.DEFAULT_MAX_LEVELS;

  private static final XGBoostTreeLearner TREE_DEFAULTS = XGBoostTreeLearner.newBuilder().build();

  @Option(names = "--trees", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Offer boosted trees (XGBoost) beside ridge; cross-validation chooses ridge, trees or a blend "
          + "(default: on; --no-trees fits ridge alone).")
  boolean trees;

  @Option(names = "--tree-rounds", paramLabel = "N", description = "Boosting rounds each tree fit grows; "
      + "cross-validation keeps a prefix (default: ${DEFAULT-VALUE}).")
  int treeRounds = TREE_DEFAULTS.rounds();

  @Option(names = "--tree-depth", paramLabel = "N", description = "The deepest a tree grows (default: "
      + "${DEFAULT-VALUE}).")
  int treeDepth = TREE_DEFAULTS.maxDepth();

  @Option(names = "--tree-learning-rate", paramLabel = "R", description = "Shrinkage of each tree (default: "
      + "${DEFAULT-VALUE}).")
  double treeLearningRate = TREE_DEFAULTS.learningRate();

  @Option(names = "--tree-min-leaf", paramLabel = "W", description = "The least rows a leaf holds (XGBoost's "
      + "min_child_weight; default: ${DEFAULT-VALUE}).")
  double treeMinLeaf = TREE_DEFAULTS.minChildWeight();

  @Option(names = "--log-target", description = "Learn log(1 + target), for skewed targets such as sales.")
  boolean logTarget;

  @Option(names = "--out", required = true, description = "Output CSV: id,prediction; never an input file.")
  Path outFile;

  @Mixin
  ModelOption model;

  @Mixin
  EncodingOption encoding;

  @Mixin
  ReportOption report;

  private String learnerChoice(TabularModel m) {
    if (!trees) {
      return "ridge (trees not offered)";
    }
    if (!m.treesKept()) {
      return "ridge alone";
    }
    return m.treeWeight() == 1 ? String.format(Locale.ROOT, "trees alone (%d rounds)", m.treeRounds())
        : String.format(Locale.ROOT, "%.0f%% trees (%d rounds) + %.0f%% ridge", 100 * m.treeWeight(),
            m.treeRounds(), 100 * (1 - m.treeWeight()));
  }

  @Override
  public Integer call() {
    Outputs.requireNotAnInput("--out", outFile, "--train", train, "--predict", predict);
    if (!trees) {
      for (String option : List.of("--tree-rounds", "--tree-depth", "--tree-learning-rate", "--tree-min-leaf")) {
        if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
          throw new IllegalArgumentException(option + " sets the trees, which --no-trees leaves out; drop one");
        }
      }
    }
    report.validate("--train", train, "--predict", predict, "--out", outFile);
    List<TabularRow> trainRows = rows(CsvTable.read(train, encoding.charset()), true);
    List<TabularRow> predictRows = rows(CsvTable.read(predict, encoding.charset()), false);
    if (trainRows.size() < 3) {
      throw new IllegalArgumentException("--train " + train + " has " + trainRows.size() + " rows; need at least 3 "
          + "to fit and cross-validate");
    }
    // The training texts choose the embedder (--model auto): the model is fitted on them.
    TextEmbedder embedder = textColumn == null ? null
        : model.open(trainRows.stream().map(TabularRow::text).toList(), spec.commandLine().getOut());
    try {
      // Each text embedded once, for training, the predictions and the report alike.
      List<float[]> trainVectors = embedder == null ? null : TabularRow.textVectors(trainRows, embedder);
      TabularModel m = TabularRegressor.newBuilder().embedder(embedder).numericColumns(numeric)
          .categoricalColumns(categorical).maxLevels(maxLevels).logTarget(logTarget)
          .treeLearner(trees ? XGBoostTreeLearner.newBuilder().rounds(treeRounds).maxDepth(treeDepth)
              .learningRate(treeLearningRate).minChildWeight(treeMinLeaf).build() : null).build()
          .fit(trainRows, trainVectors);
      List<List<Object>> out = new ArrayList<>();
      List<float[]> predictVectors = textVectors(m, embedder, predictRows);
      for (int i = 0; i < predictRows.size(); i++) {
        TabularRow r = predictRows.get(i);
        float[] v = predictVectors == null ? null : predictVectors.get(i);
        out.add(List.of(r.id(), String.format(Locale.ROOT, "%.6f", m.predict(r, v).value())));
      }
      CsvTable.write(outFile, List.of("id", "prediction"), out);
      PrintWriter w = spec.commandLine().getOut();
      double r2 = m.crossValidatedR2();
      String fit = !Double.isNaN(r2) ? String.format(Locale.ROOT, "out-of-fold R² %.4f%s", r2,
          logTarget ? " (on log(1 + target))" : "")
          : trainRows.stream().mapToDouble(TabularRow::target).distinct().count() == 1
              ? "out-of-fold R² undefined: '" + targetColumn + "' is " + plain(trainRows.get(0).target())
                  + " in every row, so every prediction is that value"
              : "out-of-fold R² undefined";
      w.printf(Locale.ROOT, "cross-validation chose: %s; penalty %s; derived features %s; interactions %s; "
          + "text %s; %s%n", learnerChoice(m), plain(m.ridge().lambda()),
          m.derivedFeaturesKept().isEmpty() ? "none" : String.join(" ", m.derivedFeaturesKept()),
          m.interactionsKept() ? "kept" : "none", textChoice(m), fit);
      w.println("trained on " + trainRows.size() + " rows (" + m.featureNames().size() + " features), wrote "
          + out.size() + " predictions to " + outFile);
      if (report.wanted()) {
        // Predict rows with a target are a real holdout; without any, the charts show the training rows.
        boolean holdout = predictRows.stream().anyMatch(r -> !Double.isNaN(r.target()));
        HtmlReport page = new HtmlReport("Regression report", "livecommerce regress: target " + targetColumn
            + ", trained on " + train.getFileName() + " (" + trainRows.size() + " rows)");
        Reports.regression(page, m, holdout ? predictRows : trainRows,
            holdout ? predictVectors : m.usesText() ? trainVectors : null, holdout);
        report.write(page, w);
      }
    } finally {
      ModelOption.close(embedder);
    }
    return ExitCodes.OK;
  }

  /** The rows' text vectors in one batch (null for a blank text), or null when the model uses no text. */
  private static List<float[]> textVectors(TabularModel m, TextEmbedder embedder, List<TabularRow> rows) {
    return m.usesText() ? TabularRow.textVectors(rows, embedder) : null;
  }

  private String textChoice(TabularModel m) {
    if (textColumn == null) {
      return "not given";
    }
    if (!m.usesText()) {
      return "'" + textColumn + "' is empty in every row";
    }
    return m.textKept() ? "'" + textColumn + "' kept, its penalty x" + plain(m.textPenaltyRatio())
        : "'" + textColumn + "' left out (it did not lower the cross-validated error)";
  }

  private static String plain(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
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
    double max = Inputs.MAX_ABS_VALUE;
    List<TabularRow> out = new ArrayList<>();
    for (CsvTable.Row r : t.rows()) {
      Map<String, Double> num = new HashMap<>();
      for (String c : numeric) {
        if (!r.get(c).isEmpty()) {
          num.put(c, r.getDouble(c, -max, max)); // empty: missing, imputed by the model
        }
      }
      Map<String, String> cat = new HashMap<>();
      for (String c : categorical) {
        if (!r.get(c).isEmpty()) {
          cat.put(c, r.get(c));
        }
      }
      double target = Double.NaN;
      if (needTarget || (t.has(targetColumn) && !r.get(targetColumn).isEmpty())) {
        target = r.getDouble(targetColumn, -max, max);
      }
      try {
        out.add(new TabularRow(r.required(idColumn), textColumn == null ? "" : r.get(textColumn), num, cat, target));
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
