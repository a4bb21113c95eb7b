package io.livecommerce.regress;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A tiny gradient booster for tests that must not need XGBoost: each round fits the residuals with one split (a
 * stump) at the best of a few quantile thresholds, shrunk by 0.3. Deterministic; thread-safe.
 */
public final class StumpLearner implements TreeLearner {

  private final int rounds;

  public StumpLearner(int rounds) {
    this.rounds = rounds;
  }

  @Override
  public TreeEnsemble fit(double[][] x, double[] y, long seed) {
    int n = y.length;
    int d = x[0].length;
    double base = Arrays.stream(y).average().orElseThrow();
    double[] residual = new double[n];
    for (int i = 0; i < n; i++) {
      residual[i] = y[i] - base;
    }
    List<RegressionTree> trees = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      int bestFeature = 0;
      double bestThreshold = 0;
      double bestGain = -1;
      for (int j = 0; j < d; j++) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
          values[i] = x[i][j];
        }
        Arrays.sort(values);
        for (double q : new double[] {0.25, 0.5, 0.75}) {
          double t = values[(int) (q * (n - 1))];
          double sl = 0;
          double sr = 0;
          int nl = 0;
          for (int i = 0; i < n; i++) {
            if ((float) x[i][j] < (float) t) {
              sl += residual[i];
              nl++;
            } else {
              sr += residual[i];
            }
          }
          if (nl == 0 || nl == n) {
            continue;
          }
          double gain = sl * sl / nl + sr * sr / (n - nl);
          if (gain > bestGain) {
            bestGain = gain;
            bestFeature = j;
            bestThreshold = (float) t;
          }
        }
      }
      double sl = 0;
      double sr = 0;
      int nl = 0;
      for (int i = 0; i < n; i++) {
        if ((float) x[i][bestFeature] < bestThreshold) {
          sl += residual[i];
          nl++;
        } else {
          sr += residual[i];
        }
      }
      double vl = nl == 0 ? 0 : 0.3 * sl / nl;
      double vr = nl == n ? 0 : 0.3 * sr / (n - nl);
      for (int i = 0; i < n; i++) {
        residual[i] -= (float) x[i][bestFeature] < bestThreshold ? vl : vr;
      }
      trees.add(new RegressionTree(new int[] {bestFeature, 0, 0}, new double[] {bestThreshold, 0, 0},
          new int[] {1, -1, -1}, new int[] {2, -1, -1}, new boolean[3], new double[] {0, vl, vr},
          new double[] {n, Math.max(nl, 1), Math.max(n - nl, 1)}));
    }
    return TreeEnsemble.of(d, base, trees);
  }

  @Override
  public String describe() {
    return "stumps(rounds=" + rounds + ")";
  }
}
