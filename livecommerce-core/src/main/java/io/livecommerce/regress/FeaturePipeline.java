package io.livecommerce.regress;

import io.livecommerce.Reason;
import io.livecommerce.internal.Checks;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The feature pipeline of a {@link TabularModel}, fitted on training rows: which numeric columns, their medians and
 * missing indicators, the one-hot levels of each categorical column, the derived blocks, and the text block with its
 * seeded projection. Turns a row into the model's feature vector and a vector of contributions into reasons.
 *
 * <p>Immutable and thread-safe.
 */
final class FeaturePipeline implements java.io.Serializable {
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

  FeaturePipeline(List<String> numeric, Set<String> logColumns, double[] medians, boolean[] hasMissing,
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
      String level = row.categorical().getOrDefault(categorical.get(c), TabularModel.MISSING);
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
          String level = row.categorical().getOrDefault(categorical.get(k), TabularModel.MISSING);
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
        String level = row.categorical().getOrDefault(name, TabularModel.MISSING);
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
