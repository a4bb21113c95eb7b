package io.livecommerce.regress;

import io.livecommerce.Reason;
import io.livecommerce.embed.TextEmbedder;
import io.livecommerce.internal.Checks;
import io.livecommerce.math.RidgeModel;
import io.livecommerce.persist.ModelCodec;
import io.livecommerce.persist.ModelFiles;
import io.livecommerce.persist.Provenance;
import io.livecommerce.persist.SavedModel;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A fitted {@link TabularRegressor}: the feature pipeline (medians, category levels, projection) learned on training
 * rows, the ridge model, and the residual quantiles for intervals.
 *
 * <p>Immutable and thread-safe. Serializable, to ship to the workers of an engine such as Spark; the embedder is not
 * part of it (give the copy one with {@link #withEmbedder}, or pass text vectors).
 */
public final class TabularModel implements java.io.Serializable {

  private static final long serialVersionUID = 1L;

  static final int BLOCK_STRUCTURED = 0;
  static final int BLOCK_DERIVED = 1;
  static final int BLOCK_INTERACTIONS = 2;
  static final int BLOCK_TEXT = 3;

  /**
   * Structured features derived from the numeric columns, each set switched on or off by cross-validation:
   * {@code log(1 + x)} of skewed non-negative columns, hinge functions {@code max(0, x - knot)} at quantiles (a linear
   * spline), and numeric x categorical-level interactions.
   *
   * @param autoLog columns that get a log(1 + x) feature
   * @param knots per numeric column, its knots (may be empty)
   * @param interactions whether every numeric column is crossed with every categorical level
   */
  record Extras(Set<String> autoLog, double[][] knots, boolean interactions) implements java.io.Serializable {
    static Extras none(int numericColumns) {
      return new Extras(Set.of(), new double[numericColumns][0], false);
    }
  }

  /** The level of a categorical column a row does not have. */
  public static final String MISSING = "(missing)";

  /** The codec {@link ModelFiles} uses. The embedder is not saved; pass it to {@link #load}. */
  public static final ModelCodec<TabularModel> CODEC = new Codec();

  private final Pipeline pipeline;
  private final RidgeModel ridge;
  private final double residualLow;
  private final double residualHigh;
  private final boolean logTarget;
  private final double[] blockRatios; // per block: 1 structured, then derived, interactions, text; inf = left out
  private final double crossValidatedR2;
  private final transient TextEmbedder embedder;

  TabularModel(Pipeline pipeline, RidgeModel ridge, double residualLow, double residualHigh, boolean logTarget,
      double[] blockRatios, double crossValidatedR2, TextEmbedder embedder) {
    this.pipeline = pipeline;
    this.ridge = ridge;
    this.residualLow = residualLow;
    this.residualHigh = residualHigh;
    this.logTarget = logTarget;
    this.blockRatios = blockRatios.clone();
    this.crossValidatedR2 = crossValidatedR2;
    this.embedder = embedder;
  }

  /**
   * The text block's penalty as a multiple of the structured block's, as cross-validation chose it;
   * {@link Double#POSITIVE_INFINITY} when it left the text out (it did not lower the cross-validated error), and 1
   * when the model has no text.
   */
  public double textPenaltyRatio() {
    return blockRatios[BLOCK_TEXT];
  }

  /** Whether the text embedding is in the model: the model was given text and cross-validation kept it. */
  public boolean textKept() {
    return pipeline.useText && !Double.isInfinite(blockRatios[BLOCK_TEXT]);
  }

  /**
   * The derived numeric features cross-validation kept (log(1 + x) of skewed columns, spline knots) by name; empty
   * when it left them out or there were none.
   */
  public List<String> derivedFeaturesKept() {
    return kept(BLOCK_DERIVED);
  }

  /** Whether cross-validation kept the numeric x categorical interactions (false when there were none). */
  public boolean interactionsKept() {
    return !kept(BLOCK_INTERACTIONS).isEmpty();
  }

  private List<String> kept(int block) {
    if (Double.isInfinite(blockRatios[block])) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < pipeline.names.size(); i++) {
      if (pipeline.blockOf[i] == block) {
        out.add(pipeline.names.get(i));
      }
    }
    return out;
  }

  /** R² of the out-of-fold predictions (on the learned scale, log(1 + y) with a log target); NaN if unknown. */
  public double crossValidatedR2() {
    return crossValidatedR2;
  }

  /**
   * Predicts one row, embedding its text when the model uses text.
   *
   * @throws IllegalStateException if the model uses text but has no embedder (pass a vector instead)
   */
  public TabularPrediction predict(TabularRow row) {
    Checks.notNull(row, "row");
    float[] v = null;
    if (pipeline.useText) {
      if (embedder == null) {
        throw new IllegalStateException("this model uses text; load it with an embedder or pass the text vector");
      }
      v = row.text().isBlank() ? null : embedder.embed(row.text()); // blank text is missing, like a blank number
    }
    return predict(row, v);
  }

  /**
   * Predicts one row with its text vector computed beforehand (null: the text is missing; ignored when the model
   * does not use text).
   *
   * @throws IllegalArgumentException if the vector has the wrong length
   */
  public TabularPrediction predict(TabularRow row, float[] textVector) {
    Checks.notNull(row, "row");
    double[] x = pipeline.features(row, textVector);
    double raw = ridge.predict(x);
    double[] contributions = ridge.contributions(x);
    double value = back(raw);
    double low = back(raw + residualLow);
    double high = back(raw + residualHigh);
    return new TabularPrediction(value, Math.min(low, value), Math.max(high, value),
        pipeline.explain(row, contributions));
  }

  /**
   * How much each source column (numeric, categorical, then text) moved this row's prediction away from the
   * intercept, on the model's scale (log(1 + target) when the target is logged), in {@link #featureGroups()} order.
   *
   * @throws IllegalStateException if the model uses text but has no embedder
   */
  public Map<String, Double> contributionsByGroup(TabularRow row) {
    Checks.notNull(row, "row");
    float[] v = null;
    if (pipeline.useText) {
      if (embedder == null) {
        throw new IllegalStateException("this model uses text; load it with an embedder");
      }
      v = row.text().isBlank() ? null : embedder.embed(row.text());
    }
    return contributionsByGroup(row, v);
  }

  /**
   * As {@link #contributionsByGroup(TabularRow)}, with the row's text vector computed beforehand (null: the text is
   * missing; ignored when the model does not use text), as {@link #predict(TabularRow, float[])} takes it.
   */
  public Map<String, Double> contributionsByGroup(TabularRow row, float[] textVector) {
    Checks.notNull(row, "row");
    double[] c = ridge.contributions(pipeline.features(row, textVector));
    double[] byGroup = new double[pipeline.groupNames.size()];
    for (int i = 0; i < c.length; i++) {
      byGroup[pipeline.group[i]] += c[i];
    }
    Map<String, Double> out = new java.util.LinkedHashMap<>();
    for (int g = 0; g < byGroup.length; g++) {
      out.put(pipeline.groupNames.get(g), byGroup[g]);
    }
    return out;
  }

  /** The source columns the features come from: numeric, categorical, then the text column if used. */
  public List<String> featureGroups() {
    return List.copyOf(pipeline.groupNames);
  }

  private double back(double v) {
    return logTarget ? Math.max(0, Math.expm1(v)) : v;
  }

  /** Feature names in model order, e.g. {@code price}, {@code log(price)}, {@code category=美妆}, {@code text[3]}. */
  public List<String> featureNames() {
    return pipeline.names;
  }

  /** Coefficients on standardized features by name (comparable across features). */
  public Map<String, Double> coefficients() {
    double[] c = ridge.coefficients();
    Map<String, Double> out = new java.util.LinkedHashMap<>();
    for (int i = 0; i < c.length; i++) {
      out.put(pipeline.names.get(i), c[i]);
    }
    return out;
  }

  /** The underlying ridge model. */
  public RidgeModel ridge() {
    return ridge;
  }

  /** Whether the model learned log(1 + target). */
  public boolean logTarget() {
    return logTarget;
  }

  /** Whether the text column is a feature. */
  public boolean usesText() {
    return pipeline.useText;
  }

  /** A copy that embeds text with {@code embedder}. */
  public TabularModel withEmbedder(TextEmbedder embedder) {
    return new TabularModel(pipeline, ridge, residualLow, residualHigh, logTarget, blockRatios, crossValidatedR2,
        embedder);
  }

  /** Saves the model atomically (see {@link ModelFiles}). */
  public void save(Path path) throws IOException {
    ModelFiles.save(path, CODEC, this, Provenance.of(embedder, describe()));
  }

  /**
   * Loads a saved model; pass the embedder it was trained with when it uses text (else null).
   *
   * @throws IllegalArgumentException if the model was trained with another embedder
   */
  public static TabularModel load(Path path, TextEmbedder embedder) throws IOException {
    SavedModel<TabularModel> saved = ModelFiles.loadWithProvenance(path, CODEC);
    Provenance.requireSameEmbedder(path, saved.provenance(), embedder);
    return saved.model().withEmbedder(embedder);
  }

  /** The training settings and what cross-validation chose, for the model file's provenance and for logs. */
  public String describe() {
    return "features=" + pipeline.names.size() + ",lambda=" + ridge.lambda() + ",blockRatios="
        + java.util.Arrays.toString(blockRatios) + ",textKept=" + textKept() + ",derivedKept="
        + derivedFeaturesKept().size() + ",interactionsKept=" + interactionsKept() + ",cvR2=" + crossValidatedR2
        + ",logTarget=" + logTarget
        + ",text=" + pipeline.useText + ",textDim=" + pipeline.textDim + ",projection=" + pipeline.projection;
  }

  @Override
  public String toString() {
    return "TabularModel{features=" + pipeline.names.size() + ", lambda=" + ridge.lambda() + ", logTarget="
        + logTarget + "}";
  }

  /** The feature pipeline fitted on training rows. Immutable. */
  static final class Pipeline implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    final List<String> numeric;
    final Set<String> logColumns;
    final double[] medians;
    final boolean[] hasMissing;
    final List<String> categorical;
    final List<List<String>> levels;
    final List<Map<String, Integer>> levelIndex;
    final boolean useText;
    final int textDim;
    final int projection;
    final long seed;
    final float[] projectionMatrix; // textDim x projection, row-major, or null
    final List<String> names;
    final int[] group; // per feature: index into groupNames
    final List<String> groupNames;
    final boolean textMissingIndicator;
    final int textStart; // index of the first text feature (names.size() when there is none)
    final Extras extras;
    final int[] blockOf; // per feature: 0 structured, 1 derived numeric, 2 interactions, 3 text

    Pipeline(List<String> numeric, Set<String> logColumns, double[] medians, boolean[] hasMissing,
        List<String> categorical, List<List<String>> levels, boolean useText, int textDim, int projection,
        long seed, boolean textMissingIndicator, Extras extras) {
      this.extras = extras;
      this.numeric = List.copyOf(numeric);
      this.logColumns = Set.copyOf(logColumns);
      this.medians = medians;
      this.hasMissing = hasMissing;
      this.categorical = List.copyOf(categorical);
      this.levels = List.copyOf(levels);
      this.levelIndex = new ArrayList<>();
      for (List<String> l : levels) {
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < l.size(); i++) {
          m.put(l.get(i), i);
        }
        levelIndex.add(m);
      }
      this.useText = useText;
      this.textDim = textDim;
      this.projection = useText && projection > 0 && projection < textDim ? projection : 0;
      this.seed = seed;
      this.textMissingIndicator = useText && textMissingIndicator;
      if (this.projection > 0) {
        Random rnd = new Random(seed);
        projectionMatrix = new float[textDim * this.projection];
        float scale = (float) (1 / Math.sqrt(this.projection));
        for (int i = 0; i < projectionMatrix.length; i++) {
          projectionMatrix[i] = (float) rnd.nextGaussian() * scale;
        }
      } else {
        projectionMatrix = null;
      }
      List<String> n = new ArrayList<>();
      List<Integer> g = new ArrayList<>();
      List<String> groups = new ArrayList<>();
      for (String c : numeric) {
        groups.add(c);
      }
      for (String c : categorical) {
        groups.add(c);
      }
      int textGroup = groups.size();
      groups.add("text");
      for (int c = 0; c < numeric.size(); c++) {
        n.add(numeric.get(c));
        g.add(c);
      }
      for (int c = 0; c < numeric.size(); c++) {
        if (logColumns.contains(numeric.get(c))) {
          n.add("log(" + numeric.get(c) + ")");
          g.add(c);
        }
      }
      for (int c = 0; c < numeric.size(); c++) {
        if (hasMissing[c]) {
          n.add(numeric.get(c) + " missing");
          g.add(c);
        }
      }
      for (int c = 0; c < categorical.size(); c++) {
        for (String level : levels.get(c)) {
          n.add(categorical.get(c) + "=" + level);
          g.add(numeric.size() + c);
        }
      }
      List<Integer> blocks = new ArrayList<>(java.util.Collections.nCopies(n.size(), BLOCK_STRUCTURED));
      for (int c = 0; c < numeric.size(); c++) {
        if (extras.autoLog().contains(numeric.get(c))) {
          n.add("log(" + numeric.get(c) + ")*");
          g.add(c);
          blocks.add(BLOCK_DERIVED);
        }
      }
      for (int c = 0; c < numeric.size(); c++) {
        for (double knot : extras.knots()[c]) {
          n.add(numeric.get(c) + ">" + format(knot));
          g.add(c);
          blocks.add(BLOCK_DERIVED);
        }
      }
      if (extras.interactions()) {
        for (int c = 0; c < numeric.size(); c++) {
          for (int k = 0; k < categorical.size(); k++) {
            for (String level : levels.get(k)) {
              n.add(numeric.get(c) + "*" + categorical.get(k) + "=" + level);
              g.add(c);
              blocks.add(BLOCK_INTERACTIONS);
            }
          }
        }
      }
      if (this.textMissingIndicator) {
        n.add("text missing");
        g.add(textGroup);
        blocks.add(BLOCK_TEXT);
      }
      this.textStart = n.size();
      int dims = this.projection > 0 ? this.projection : (useText ? textDim : 0);
      for (int d = 0; d < dims; d++) {
        n.add("text[" + d + "]");
        g.add(textGroup);
        blocks.add(BLOCK_TEXT);
      }
      this.blockOf = blocks.stream().mapToInt(Integer::intValue).toArray();
      this.names = List.copyOf(n);
      this.group = g.stream().mapToInt(Integer::intValue).toArray();
      this.groupNames = List.copyOf(groups);
    }

    double[] features(TabularRow row, float[] textVector) {
      double[] x = new double[names.size()];
      int p = 0;
      double[] values = new double[numeric.size()];
      boolean[] missing = new boolean[numeric.size()];
      for (int c = 0; c < numeric.size(); c++) {
        Double v = row.numeric().get(numeric.get(c));
        missing[c] = v == null;
        values[c] = v == null ? medians[c] : v;
        x[p++] = values[c];
      }
      for (int c = 0; c < numeric.size(); c++) {
        if (logColumns.contains(numeric.get(c))) {
          if (values[c] < 0) {
            throw new IllegalArgumentException("row " + Checks.quote(row.id()) + " column "
                + Checks.quote(numeric.get(c)) + " is " + values[c] + "; a log column needs values >= 0");
          }
          x[p++] = Math.log1p(values[c]);
        }
      }
      for (int c = 0; c < numeric.size(); c++) {
        if (hasMissing[c]) {
          x[p++] = missing[c] ? 1 : 0;
        }
      }
      for (int c = 0; c < categorical.size(); c++) {
        String level = row.categorical().getOrDefault(categorical.get(c), MISSING);
        Integer i = levelIndex.get(c).get(level);
        if (i != null) {
          x[p + i] = 1;
        }
        p += levels.get(c).size();
      }
      for (int c = 0; c < numeric.size(); c++) {
        if (extras.autoLog().contains(numeric.get(c))) {
          x[p++] = Math.log1p(Math.max(0, values[c]));
        }
      }
      for (int c = 0; c < numeric.size(); c++) {
        for (double knot : extras.knots()[c]) {
          x[p++] = Math.max(0, values[c] - knot);
        }
      }
      if (extras.interactions()) {
        for (int c = 0; c < numeric.size(); c++) {
          for (int k = 0; k < categorical.size(); k++) {
            String level = row.categorical().getOrDefault(categorical.get(k), MISSING);
            Integer i = levelIndex.get(k).get(level);
            if (i != null) {
              x[p + i] = values[c];
            }
            p += levels.get(k).size();
          }
        }
      }
      if (textMissingIndicator) {
        x[p++] = textVector == null ? 1 : 0;
      }
      if (useText && textVector != null) {
        if (textVector.length != textDim) {
          throw new IllegalArgumentException(
              "textVector has length " + textVector.length + " but the model was trained on " + textDim);
        }
        if (projectionMatrix == null) {
          for (int d = 0; d < textDim; d++) {
            x[p++] = textVector[d];
          }
        } else {
          for (int d = 0; d < textDim; d++) {
            float v = textVector[d];
            int row0 = d * projection;
            for (int j = 0; j < projection; j++) {
              x[p + j] += v * projectionMatrix[row0 + j];
            }
          }
          p += projection;
        }
      }
      return x;
    }

    List<Reason> explain(TabularRow row, double[] contributions) {
      double[] byGroup = new double[groupNames.size()];
      for (int i = 0; i < contributions.length; i++) {
        byGroup[group[i]] += contributions[i];
      }
      List<Reason> reasons = new ArrayList<>();
      for (int gi = 0; gi < byGroup.length; gi++) {
        double c = byGroup[gi];
        if (Math.abs(c) < 1e-9) {
          continue;
        }
        String name = groupNames.get(gi);
        String what;
        if (gi < numeric.size()) {
          Double v = row.numeric().get(name);
          what = name + " " + (v == null ? "missing" : format(v));
        } else if (gi < numeric.size() + categorical.size()) {
          String level = row.categorical().getOrDefault(name, MISSING);
          boolean known = levelIndex.get(gi - numeric.size()).containsKey(level);
          what = name + " " + level + (known ? "" : " (rare or not seen in training: the 'other' level)");
        } else {
          what = row.text().isBlank() ? "the missing text" : "the text's resemblance to past records";
        }
        reasons.add(new Reason(name, c, what + (c > 0 ? " raises" : " lowers") + " the forecast"));
      }
      reasons.sort(Comparator.comparingDouble((Reason r) -> Math.abs(r.contribution())).reversed());
      return List.copyOf(reasons.subList(0, Math.min(3, reasons.size())));
    }

    /** Two decimals without String.format, which dominated scoring large candidate sets. */
    private static String format(double v) {
      if (Math.abs(v) >= 1e13) {
        return String.valueOf(v);
      }
      long hundredths = Math.round(v * 100);
      if (hundredths % 100 == 0) {
        return String.valueOf(hundredths / 100);
      }
      long abs = Math.abs(hundredths);
      String frac = abs % 100 < 10 ? "0" + abs % 100 : String.valueOf(abs % 100);
      return (hundredths < 0 ? "-" : "") + abs / 100 + "." + frac;
    }
  }

  private static final class Codec implements ModelCodec<TabularModel> {
    @Override
    public String type() {
      return "tabular-ridge";
    }

    @Override
    public int version() {
      return 2;
    }

    @Override
    public void write(TabularModel m, DataOutput out) throws IOException {
      Pipeline p = m.pipeline;
      ModelFiles.writeStrings(out, p.numeric);
      ModelFiles.writeStrings(out, new ArrayList<>(p.logColumns));
      ModelFiles.writeDoubles(out, p.medians);
      for (boolean b : p.hasMissing) {
        out.writeBoolean(b);
      }
      ModelFiles.writeStrings(out, p.categorical);
      for (List<String> l : p.levels) {
        ModelFiles.writeStrings(out, l);
      }
      out.writeBoolean(p.useText);
      out.writeInt(p.textDim);
      out.writeInt(p.projection);
      out.writeLong(p.seed);
      RidgeModel.CODEC.write(m.ridge, out);
      out.writeDouble(m.residualLow);
      out.writeDouble(m.residualHigh);
      out.writeBoolean(m.logTarget);
      out.writeBoolean(p.textMissingIndicator); // version 2 on
      ModelFiles.writeDoubles(out, m.blockRatios);
      out.writeDouble(m.crossValidatedR2);
      ModelFiles.writeStrings(out, new ArrayList<>(p.extras.autoLog()));
      for (double[] k : p.extras.knots()) {
        ModelFiles.writeDoubles(out, k);
      }
      out.writeBoolean(p.extras.interactions());
    }

    @Override
    public TabularModel read(DataInput in, int version) throws IOException {
      List<String> numeric = ModelFiles.readStrings(in, 100_000);
      Set<String> logColumns = new LinkedHashSet<>(ModelFiles.readStrings(in, numeric.size()));
      double[] medians = ModelFiles.readDoubles(in, numeric.size());
      boolean[] hasMissing = new boolean[numeric.size()];
      for (int i = 0; i < hasMissing.length; i++) {
        hasMissing[i] = in.readBoolean();
      }
      List<String> categorical = ModelFiles.readStrings(in, 100_000);
      List<List<String>> levels = new ArrayList<>();
      for (int i = 0; i < categorical.size(); i++) {
        levels.add(ModelFiles.readStrings(in, 10_000_000));
      }
      boolean useText = in.readBoolean();
      int textDim = in.readInt();
      int projection = in.readInt();
      // The projection matrix is regenerated from the seed, not read: bound it here, not by the file's size.
      if (textDim < 0 || textDim > 1 << 16 || projection < 0 || projection > textDim
          || (long) textDim * projection > 1 << 24) {
        throw new IOException("text dimension " + textDim + " and projection " + projection + " out of range");
      }
      long seed = in.readLong();
      RidgeModel ridge = RidgeModel.CODEC.read(in, 1);
      double low = in.readDouble();
      double high = in.readDouble();
      boolean logTarget = in.readBoolean();
      boolean textMissing = false;
      double[] ratios = {1, 1, 1, 1};
      double r2 = Double.NaN;
      Extras extras = Extras.none(numeric.size());
      if (version >= 2) {
        textMissing = in.readBoolean();
        ratios = ModelFiles.readDoubles(in, 4);
        if (ratios.length != 4) {
          throw new IOException("expected 4 block penalty ratios but found " + ratios.length);
        }
        r2 = in.readDouble();
        Set<String> autoLog = new LinkedHashSet<>(ModelFiles.readStrings(in, numeric.size()));
        double[][] knots = new double[numeric.size()][];
        for (int c = 0; c < knots.length; c++) {
          knots[c] = ModelFiles.readDoubles(in, 64);
        }
        extras = new Extras(autoLog, knots, in.readBoolean());
      }
      Pipeline p = new Pipeline(numeric, logColumns, medians, hasMissing, categorical, levels, useText, textDim,
          projection, seed, textMissing, extras);
      if (ridge.features() != p.names.size()) {
        throw new IOException("ridge has " + ridge.features() + " features but the pipeline makes " + p.names.size());
      }
      return new TabularModel(p, ridge, low, high, logTarget, ratios, r2, null);
    }
  }
}
