package io.livecommerce.regress;

import io.livecommerce.embed.TextEmbedder;
import io.livecommerce.internal.Checks;
import io.livecommerce.math.RidgeModel;
import io.livecommerce.persist.ModelCodec;
import io.livecommerce.persist.ModelFiles;
import io.livecommerce.persist.Provenance;
import io.livecommerce.persist.SavedModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A fitted {@link TabularRegressor}: the feature pipeline (medians, category levels, projection) learned on training
 * rows, the ridge model, optionally boosted trees blended with it (when a {@link TreeLearner} was offered and
 * cross-validation kept it), and the residual quantiles for intervals. Explanations add ridge's contributions and the
 * trees' TreeSHAP values, each scaled by its share of the blend.
 *
 * <p>Immutable and thread-safe. Serializable, to ship to the workers of an engine such as Spark; the embedder is not
 * part of it (give the copy one with {@link #withEmbedder}, or pass text vectors).
 */
public final class TabularModel implements java.io.Serializable {

  private static final long serialVersionUID = 1L;

  /** The level of a categorical column a row does not have. */
  public static final String MISSING = "(missing)";

  /** The codec {@link ModelFiles} uses. The embedder is not saved; pass it to {@link #load}. */
  public static final ModelCodec<TabularModel> CODEC = new TabularModelCodec();

  private final FeaturePipeline pipeline;
  private final RidgeModel ridge;
  private final double residualLow;
  private final double residualHigh;
  private final boolean logTarget;
  private final double[] blockRatios; // per block: 1 structured, then derived, interactions, text; inf = left out
  private final double crossValidatedR2;
  private final TreeBlend trees; // null: ridge alone
  private final transient TextEmbedder embedder;

  TabularModel(FeaturePipeline pipeline, RidgeModel ridge, double residualLow, double residualHigh, boolean logTarget,
      double[] blockRatios, double crossValidatedR2, TreeBlend trees, TextEmbedder embedder) {
    this.pipeline = pipeline;
    this.ridge = ridge;
    this.residualLow = residualLow;
    this.residualHigh = residualHigh;
    this.logTarget = logTarget;
    this.blockRatios = blockRatios.clone();
    this.crossValidatedR2 = crossValidatedR2;
    this.trees = trees;
    this.embedder = embedder;
  }

  /**
   * The text block's penalty as a multiple of the structured block's, as cross-validation chose it;
   * {@link Double#POSITIVE_INFINITY} when it left the text out (it did not lower the cross-validated error), and 1
   * when the model has no text.
   */
  public double textPenaltyRatio() {
    return blockRatios[FeaturePipeline.BLOCK_TEXT];
  }

  /** Whether the text embedding is in the model: the model was given text and cross-validation kept it. */
  public boolean textKept() {
    return pipeline.useText && !Double.isInfinite(blockRatios[FeaturePipeline.BLOCK_TEXT]);
  }

  /**
   * The derived numeric features cross-validation kept (log(1 + x) of skewed columns, spline knots) by name; empty
   * when it left them out or there were none.
   */
  public List<String> derivedFeaturesKept() {
    return kept(FeaturePipeline.BLOCK_DERIVED);
  }

  /** Whether cross-validation kept the numeric x categorical interactions (false when there were none). */
  public boolean interactionsKept() {
    return !kept(FeaturePipeline.BLOCK_INTERACTIONS).isEmpty();
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
    double raw = raw(x);
    double[] contributions = contributions(x);
    double value = back(raw);
    double low = back(raw + residualLow);
    double high = back(raw + residualHigh);
    return new TabularPrediction(value, Math.min(low, value), Math.max(high, value),
        pipeline.explain(row, contributions));
  }

  /**
   * As {@link #predict(TabularRow, float[])} without the reasons: the value and interval only, for ranking many rows
   * and explaining the few kept (with trees, an explanation costs a TreeSHAP pass over every tree).
   *
   * @throws IllegalArgumentException if the vector has the wrong length
   */
  public TabularPrediction estimate(TabularRow row, float[] textVector) {
    Checks.notNull(row, "row");
    double raw = raw(pipeline.features(row, textVector));
    double value = back(raw);
    return new TabularPrediction(value, Math.min(back(raw + residualLow), value),
        Math.max(back(raw + residualHigh), value), List.of());
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
    double[] c = contributions(pipeline.features(row, textVector));
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

  /** The blended prediction on the learned scale. */
  private double raw(double[] x) {
    if (trees == null) {
      return ridge.predict(x);
    }
    return (1 - trees.weight()) * ridge.predict(x) + trees.weight() * trees.trees().predict(trees.select(x));
  }

  /** Per pipeline feature: ridge's contribution, blended with the trees' SHAP values. */
  private double[] contributions(double[] x) {
    double[] c = ridge.contributions(x);
    if (trees == null) {
      return c;
    }
    double w = trees.weight();
    for (int i = 0; i < c.length; i++) {
      c[i] *= 1 - w;
    }
    double[] shap = trees.trees().contributions(trees.select(x));
    int[] columns = trees.columns();
    for (int j = 0; j < shap.length; j++) {
      c[columns[j]] += w * shap[j];
    }
    return c;
  }

  /** Whether cross-validation kept boosted trees (alone or blended with ridge); false when none were offered. */
  public boolean treesKept() {
    return trees != null;
  }

  /** The trees' share of the prediction, in (0, 1], or 0 when the model is ridge alone. */
  public double treeWeight() {
    return trees == null ? 0 : trees.weight();
  }

  /** The number of boosting rounds cross-validation kept, or 0 when the model is ridge alone. */
  public int treeRounds() {
    return trees == null ? 0 : trees.trees().size();
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

  /** The underlying ridge model (the whole model unless {@link #treesKept()}). */
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
        trees, embedder);
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
        + ",text=" + pipeline.useText + ",textDim=" + pipeline.textDim + ",projection=" + pipeline.projection
        + (trees == null ? "" : ",treeWeight=" + trees.weight() + ",treeRounds=" + trees.trees().size()
            + ",treeLearner=" + trees.learner());
  }

  FeaturePipeline pipeline() {
    return pipeline;
  }

  double residualLow() {
    return residualLow;
  }

  double residualHigh() {
    return residualHigh;
  }

  double[] blockRatios() {
    return blockRatios.clone();
  }

  TreeBlend treeBlend() {
    return trees;
  }

  /** This model with the trees cross-validation chose (its interval and R² already the blend's). */
  TabularModel withTrees(TreeBlend blend) {
    return new TabularModel(pipeline, ridge, residualLow, residualHigh, logTarget, blockRatios, crossValidatedR2,
        blend, embedder);
  }

  @Override
  public String toString() {
    return "TabularModel{features=" + pipeline.names.size() + ", lambda=" + ridge.lambda() + ", logTarget="
        + logTarget + (trees == null ? "" : ", treeWeight=" + trees.weight() + ", treeRounds=" + trees.trees().size())
        + "}";
  }
}
