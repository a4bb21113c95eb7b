package io.livecommerce.xgboost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.livecommerce.regress.RegressionTree;
import io.livecommerce.regress.TreeEnsemble;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Reads an XGBoost booster's JSON model into core's {@link TreeEnsemble}. Stateless and thread-safe. */
final class BoosterTrees {

  private static final ObjectMapper JSON = new ObjectMapper();

  private BoosterTrees() {}

  /**
   * The trees of a squared-error gbtree model.
   *
   * @throws IllegalStateException if the JSON is not such a model (a newer XGBoost that changed the layout)
   */
  static TreeEnsemble read(byte[] json, int features) {
    JsonNode learner;
    try {
      learner = JSON.readTree(json).path("learner");
    } catch (IOException e) {
      throw new IllegalStateException("XGBoost wrote a model that is not JSON", e);
    }
    JsonNode booster = learner.path("gradient_booster");
    if (!"gbtree".equals(booster.path("name").asText())) {
      throw new IllegalStateException("expected a gbtree model but XGBoost wrote " + booster.path("name"));
    }
    double base = baseScore(learner.path("learner_model_param").path("base_score").asText());
    List<RegressionTree> trees = new ArrayList<>();
    for (JsonNode t : booster.path("model").path("trees")) {
      int[] left = ints(t, "left_children");
      int n = left.length;
      boolean[] defaultLeft = new boolean[n];
      JsonNode dl = t.path("default_left");
      for (int i = 0; i < n; i++) {
        defaultLeft[i] = dl.path(i).asInt() != 0 || dl.path(i).asBoolean();
      }
      double[] conditions = doubles(t, "split_conditions");
      // A leaf keeps its value where an inner node keeps its threshold.
      trees.add(new RegressionTree(ints(t, "split_indices"), conditions, left, ints(t, "right_children"), defaultLeft,
          conditions, doubles(t, "sum_hessian")));
    }
    return TreeEnsemble.of(features, base, trees);
  }

  /** XGBoost 3 writes the intercept as a vector, {@code "[5E-1]"}; older versions as a number. */
  static double baseScore(String text) {
    String s = text.trim();
    if (s.startsWith("[") && s.endsWith("]")) {
      s = s.substring(1, s.length() - 1).trim();
    }
    try {
      return Float.parseFloat(s); // a float in XGBoost, like its thresholds
    } catch (NumberFormatException e) {
      throw new IllegalStateException("XGBoost wrote base_score " + text + "; expected one number", e);
    }
  }

  private static int[] ints(JsonNode tree, String field) {
    JsonNode a = array(tree, field);
    int[] out = new int[a.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = a.get(i).asInt();
    }
    return out;
  }

  private static double[] doubles(JsonNode tree, String field) {
    JsonNode a = array(tree, field);
    double[] out = new double[a.size()];
    for (int i = 0; i < out.length; i++) {
      // XGBoost holds them as floats; the shortest decimal of a float parsed as a double is not that float, and
      // histogram thresholds are data values, so a row at a threshold would go the other way.
      out[i] = Float.parseFloat(a.get(i).asText());
    }
    return out;
  }

  private static JsonNode array(JsonNode tree, String field) {
    JsonNode a = tree.path(field);
    if (!a.isArray()) {
      throw new IllegalStateException("XGBoost's tree JSON has no array " + field);
    }
    return a;
  }
}
