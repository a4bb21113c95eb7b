package io.livecommerce.selection;

import io.livecommerce.Scored;
import io.livecommerce.domain.Promotion;
import io.livecommerce.domain.PromotionOutcome;
import io.livecommerce.embed.TextEmbedder;
import io.livecommerce.internal.Checks;
import io.livecommerce.persist.ModelCodec;
import io.livecommerce.persist.ModelFiles;
import io.livecommerce.persist.Provenance;
import io.livecommerce.persist.SavedModel;
import io.livecommerce.regress.RegressionEvaluation;
import io.livecommerce.regress.RegressionReport;
import io.livecommerce.regress.TabularModel;
import io.livecommerce.regress.TabularPrediction;
import io.livecommerce.regress.TabularRegressor;
import io.livecommerce.regress.TabularRow;
import io.livecommerce.regress.TreeLearner;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Predicts the GMV of candidate promotion designs for an anchor with the same regression machinery as
 * {@link RegressionProductSelector}, trained on past {@link PromotionOutcome}s.
 *
 * <p>One training row per outcome; the target is GMV in minor units, learned as {@code log(1 + gmv)}. Features:
 * discount depth; duration in minutes and its log; cost and its log; the promotion type, category and their
 * combination (which mechanic works for which category); the session's time slot and weekday; the anchor's usual
 * level (mean log GMV of its other promotions), audience (mean log viewers) and how often it ran promotions of this
 * category; and the embedding of the promotion's description. Candidates deeper than the constraints'
 * maximum discount or costlier than their budget never appear.
 *
 * <p>Immutable and thread-safe.
 */
public final class RegressionPromotionRanker implements PromotionRanker {

  /** The codec {@link ModelFiles} uses. The embedder is not saved; pass it to {@link #load}. */
  public static final ModelCodec<RegressionPromotionRanker> CODEC = new PromotionRankerCodec();

  static final List<String> NUMERIC = List.of("discount depth", "minutes", "cost", "anchor usual log GMV",
      "anchor log audience", "anchor category share");
  static final List<String> CATEGORICAL = List.of("type", "category", "offer", "slot", "weekday");

  final TabularModel model;
  private final TextEmbedder embedder;
  final Stats stats;

  RegressionPromotionRanker(TabularModel model, TextEmbedder embedder, Stats stats) {
    this.model = model;
    this.embedder = embedder;
    this.stats = stats;
  }

  /** A builder; an embedder is required. */
  public static Builder newBuilder() {
    return new Builder();
  }

  /** The regression model (for its coefficients and feature names). */
  public TabularModel model() {
    return model;
  }

  @Override
  public List<Scored<PromotionForecast>> rank(
      String anchorId, List<Promotion> candidates, PromotionConstraints constraints, int k) {
    Checks.notBlank(anchorId, "anchorId");
    List<Promotion> list = Checks.copyNoNulls(Checks.notNull(candidates, "candidates"), "candidates");
    Checks.notNull(constraints, "constraints");
    Checks.positive(k, "k");
    if (list.isEmpty()) {
      throw new IllegalArgumentException("candidates must not be empty");
    }
    Set<String> ids = new HashSet<>();
    List<Promotion> allowed = new ArrayList<>();
    for (Promotion p : list) {
      if (!ids.add(p.id())) {
        throw new IllegalArgumentException("candidates contains promotion id " + Checks.quote(p.id()) + " twice");
      }
      if (p.discountDepth() <= constraints.maxDiscountDepth() && p.costCents() <= constraints.maxCostCents()) {
        allowed.add(p);
      }
    }
    if (allowed.isEmpty()) {
      return List.of();
    }
    List<float[]> vectors =
        RegressionProductSelector.normalized(embedder.embedAll(allowed.stream().map(Promotion::text).toList()));
    // Rank by the estimate; explain only the k kept.
    List<TabularRow> rows = new ArrayList<>(allowed.size());
    List<Integer> order = new ArrayList<>(allowed.size());
    double[] gmv = new double[allowed.size()];
    for (int i = 0; i < allowed.size(); i++) {
      rows.add(stats.row(allowed.get(i), anchorId, null, null, Double.NaN));
      gmv[i] = model.estimate(rows.get(i), vectors.get(i)).value();
      order.add(i);
    }
    order.sort(Comparator.comparingDouble((Integer i) -> -gmv[i]).thenComparing(i -> allowed.get(i).id()));
    List<Scored<PromotionForecast>> out = new ArrayList<>();
    for (int i : order.subList(0, Math.min(k, order.size()))) {
      TabularPrediction pred = model.predict(rows.get(i), vectors.get(i));
      PromotionForecast f = new PromotionForecast(allowed.get(i), pred.value(), pred.low(), pred.high());
      out.add(new Scored<>(f, f.gmvCents(), pred.reasons()));
    }
    return List.copyOf(out);
  }

  /** Saves the ranker atomically (see {@link ModelFiles}). */
  public void save(Path path) throws IOException {
    ModelFiles.save(path, CODEC, this, Provenance.of(embedder, model.describe()));
  }

  /** Loads a saved ranker; pass the embedder it was trained with. */
  public static RegressionPromotionRanker load(Path path, TextEmbedder embedder) throws IOException {
    Checks.notNull(embedder, "embedder");
    SavedModel<RegressionPromotionRanker> saved = ModelFiles.loadWithProvenance(path, CODEC);
    Provenance.requireSameEmbedder(path, saved.provenance(), embedder);
    RegressionPromotionRanker r = saved.model();
    return new RegressionPromotionRanker(r.model.withEmbedder(embedder), embedder, r.stats);
  }

  @Override
  public String toString() {
    return "RegressionPromotionRanker{" + model + "}";
  }

  /** Per-anchor sums from training outcomes. Immutable once built. */
  record Stats(Map<String, double[]> sums, Map<String, Map<String, Integer>> categoryCounts,
      Map<String, String> usualSlot, Map<String, String> usualWeekday, ZoneId zone) {

    /** A row at {@code atMillis} (null: the anchor's usual time); {@code own} is left out of the anchor sums. */
    TabularRow row(Promotion p, String anchorId, Long atMillis, PromotionOutcome own, double target) {
      Map<String, Double> num = new HashMap<>();
      num.put("discount depth", p.discountDepth());
      num.put("minutes", p.durationSeconds() / 60.0);
      num.put("cost", p.costCents() / 100.0);
      double[] s = sums.get(anchorId); // {Σ log gmv, Σ log viewers, count}
      if (s != null) {
        double level = s[0];
        double viewers = s[1];
        double n = s[2];
        if (own != null) {
          level -= Math.log1p(own.gmvCents());
          viewers -= Math.log1p(own.viewers());
          n--;
        }
        if (n > 0) {
          num.put("anchor usual log GMV", level / n);
          num.put("anchor log audience", viewers / n);
          int same = categoryCounts.getOrDefault(anchorId, Map.of()).getOrDefault(p.category(), 0)
              - (own != null ? 1 : 0);
          num.put("anchor category share", same / n);
        }
      }
      Map<String, String> cat = new HashMap<>();
      cat.put("type", p.type().name());
      if (!p.category().isEmpty()) {
        cat.put("category", p.category());
        cat.put("offer", p.type().name() + "@" + p.category());
      }
      SessionTime.putLevels(cat, atMillis, zone, usualSlot.get(anchorId), usualWeekday.get(anchorId));
      return new TabularRow(p.id(), p.text(), num, cat, target);
    }
  }

  /** Trains a {@link RegressionPromotionRanker}. Not thread-safe. */
  public static final class Builder {
    private TextEmbedder embedder;
    private ZoneId zone = ZoneId.of("Asia/Shanghai");
    private int folds = 5;
    private long seed = 42;
    private TreeLearner treeLearner;

    private Builder() {}

    /** The embedder for promotion text; required. */
    public Builder embedder(TextEmbedder embedder) {
      this.embedder = Checks.notNull(embedder, "embedder");
      return this;
    }

    /** The platform's time zone; default Asia/Shanghai. */
    public Builder zone(ZoneId zone) {
      this.zone = Checks.notNull(zone, "zone");
      return this;
    }

    /** Cross-validation folds, at least 2; default 5. */
    public Builder folds(int folds) {
      if (folds < 2) {
        throw new IllegalArgumentException("folds must be >= 2 but was " + folds);
      }
      this.folds = folds;
      return this;
    }

    /**
     * Offers boosted trees beside ridge (for example {@code livecommerce-xgboost}'s {@code XGBoostTreeLearner});
     * cross-validation chooses ridge, trees or their blend. Null (the default) fits ridge alone.
     */
    public Builder treeLearner(TreeLearner learner) {
      this.treeLearner = learner;
      return this;
    }

    /** Seeds fold assignment; default 42. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    TabularRegressor regressor() {
      return TabularRegressor.newBuilder().embedder(embedder).useText(true).numericColumns(NUMERIC)
          .logColumns(Set.of("minutes", "cost")).categoricalColumns(CATEGORICAL).minCategoryCount(2)
          .folds(folds).seed(seed).logTarget(true).treeLearner(treeLearner).build();
    }

    /**
     * Trains on past outcomes.
     *
     * @param promotions every promotion the outcomes refer to; ids unique
     * @param outcomes the outcomes, at least 3
     * @throws IllegalArgumentException if an outcome names an unknown promotion (the message gives its index)
     */
    public RegressionPromotionRanker train(List<Promotion> promotions, List<PromotionOutcome> outcomes) {
      Prepared p = prepare(promotions, outcomes);
      return new RegressionPromotionRanker(regressor().fit(p.rows, p.vectors), embedder, p.stats);
    }

    /** Trains on {@code train} and reports holdout metrics on {@code test} beside the baselines. */
    public List<RegressionReport> evaluate(List<Promotion> promotions, List<PromotionOutcome> train,
        List<PromotionOutcome> test, int k) {
      Prepared p = prepare(promotions, train);
      List<TabularRow> rows = new ArrayList<>();
      List<float[]> vectors = new ArrayList<>();
      for (int i = 0; i < Checks.notNull(test, "test").size(); i++) {
        PromotionOutcome o = test.get(i);
        Integer idx = p.index.get(o.promotionId());
        if (idx == null) {
          throw new IllegalArgumentException(
              "test[" + i + "].promotionId " + Checks.quote(o.promotionId()) + " is not among promotions");
        }
        rows.add(p.stats.row(p.promotions.get(idx), o.anchorId(), o.timestampMillis(), null, o.gmvCents()));
        vectors.add(p.promotionVectors.get(idx));
      }
      return RegressionEvaluation.compare(regressor(), p.rows, p.vectors, rows, vectors, k);
    }

    private Prepared prepare(List<Promotion> promotions, List<PromotionOutcome> outcomes) {
      if (embedder == null) {
        throw new IllegalArgumentException("embedder must be set before training");
      }
      List<Promotion> list = Checks.copyNoNulls(Checks.notNull(promotions, "promotions"), "promotions");
      List<PromotionOutcome> outs = Checks.copyNoNulls(Checks.notNull(outcomes, "outcomes"), "outcomes");
      Map<String, Integer> index = new HashMap<>();
      for (int i = 0; i < list.size(); i++) {
        if (index.put(list.get(i).id(), i) != null) {
          throw new IllegalArgumentException("promotions contains id " + Checks.quote(list.get(i).id()) + " twice");
        }
      }
      Map<String, double[]> sums = new HashMap<>();
      Map<String, Map<String, Integer>> categoryCounts = new HashMap<>();
      SessionTime time = new SessionTime(zone);
      for (int i = 0; i < outs.size(); i++) {
        PromotionOutcome o = outs.get(i);
        if (!index.containsKey(o.promotionId())) {
          throw new IllegalArgumentException(
              "outcomes[" + i + "].promotionId " + Checks.quote(o.promotionId()) + " is not among promotions");
        }
        double[] s = sums.computeIfAbsent(o.anchorId(), a -> new double[3]);
        s[0] += Math.log1p(o.gmvCents());
        s[1] += Math.log1p(o.viewers());
        s[2]++;
        categoryCounts.computeIfAbsent(o.anchorId(), a -> new HashMap<>())
            .merge(list.get(index.get(o.promotionId())).category(), 1, Integer::sum);
        time.record(o.anchorId(), o.timestampMillis());
      }
      Stats stats = new Stats(Map.copyOf(sums), Map.copyOf(categoryCounts), time.usualSlots(), time.usualWeekdays(),
          zone);
      List<float[]> promotionVectors =
          RegressionProductSelector.normalized(embedder.embedAll(list.stream().map(Promotion::text).toList()));
      List<TabularRow> rows = new ArrayList<>();
      List<float[]> vectors = new ArrayList<>();
      for (PromotionOutcome o : outs) {
        int idx = index.get(o.promotionId());
        rows.add(stats.row(list.get(idx), o.anchorId(), o.timestampMillis(), o, o.gmvCents()));
        vectors.add(promotionVectors.get(idx));
      }
      return new Prepared(list, index, promotionVectors, stats, rows, vectors);
    }

    private record Prepared(List<Promotion> promotions, Map<String, Integer> index, List<float[]> promotionVectors,
        Stats stats, List<TabularRow> rows, List<float[]> vectors) {}
  }
}
