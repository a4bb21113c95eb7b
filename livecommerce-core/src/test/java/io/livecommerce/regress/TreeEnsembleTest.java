package io.livecommerce.regress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TreeEnsembleTest {

  /** A full tree of the given depth, nodes numbered breadth-first, features drawn so they repeat on paths. */
  static RegressionTree randomTree(Random r, int depth, int features) {
    int n = (1 << (depth + 1)) - 1;
    int[] feature = new int[n];
    double[] threshold = new double[n];
    int[] left = new int[n];
    int[] right = new int[n];
    boolean[] defaultLeft = new boolean[n];
    double[] value = new double[n];
    double[] cover = new double[n];
    for (int i = n - 1; i >= 0; i--) {
      if (2 * i + 1 < n) {
        left[i] = 2 * i + 1;
        right[i] = 2 * i + 2;
        feature[i] = r.nextInt(features);
        threshold[i] = r.nextGaussian();
        defaultLeft[i] = r.nextBoolean();
        cover[i] = cover[left[i]] + cover[right[i]];
      } else {
        left[i] = -1;
        right[i] = -1;
        value[i] = r.nextGaussian();
        cover[i] = 1 + r.nextInt(20);
      }
    }
    return new RegressionTree(feature, threshold, left, right, defaultLeft, value, cover);
  }

  /** E[f(x) | the features in known], unknown features split by cover: the value Shapley values share out. */
  static double conditional(RegressionTree t, int node, double[] x, boolean[] known) {
    if (t.left[node] == -1) {
      return t.value[node];
    }
    int f = t.feature[node];
    if (known[f]) {
      double v = x[f];
      boolean goLeft = Double.isNaN(v) ? t.defaultLeft[node] : (float) v < t.threshold[node];
      return conditional(t, goLeft ? t.left[node] : t.right[node], x, known);
    }
    return (t.cover[t.left[node]] * conditional(t, t.left[node], x, known)
        + t.cover[t.right[node]] * conditional(t, t.right[node], x, known)) / t.cover[node];
  }

  /** Shapley values by summing over every subset of the other features. */
  static double[] bruteForceShapley(RegressionTree t, double[] x) {
    int m = x.length;
    double[] phi = new double[m];
    double[] factorial = new double[m + 1];
    factorial[0] = 1;
    for (int i = 1; i <= m; i++) {
      factorial[i] = factorial[i - 1] * i;
    }
    for (int i = 0; i < m; i++) {
      for (int mask = 0; mask < 1 << m; mask++) {
        if ((mask & (1 << i)) != 0) {
          continue;
        }
        boolean[] known = new boolean[m];
        int size = 0;
        for (int j = 0; j < m; j++) {
          known[j] = (mask & (1 << j)) != 0;
          size += known[j] ? 1 : 0;
        }
        double without = conditional(t, 0, x, known);
        known[i] = true;
        double with = conditional(t, 0, x, known);
        phi[i] += factorial[size] * factorial[m - size - 1] / factorial[m] * (with - without);
      }
    }
    return phi;
  }

  @Test
  void treeShapEqualsShapleyValuesByEnumeration() {
    Random r = new Random(5);
    for (int trial = 0; trial < 200; trial++) {
      int features = 2 + r.nextInt(4);
      RegressionTree t = randomTree(r, 1 + r.nextInt(5), features);
      TreeEnsemble e = TreeEnsemble.of(features, 0.25, List.of(t));
      double[] x = new double[features];
      for (int j = 0; j < features; j++) {
        x[j] = r.nextInt(8) == 0 ? Double.NaN : r.nextGaussian();
      }
      double[] expected = bruteForceShapley(t, x);
      double[] phi = e.contributions(x);
      for (int j = 0; j < features; j++) {
        assertEquals(expected[j], phi[j], 1e-9, "trial " + trial + " feature " + j);
      }
      double sum = e.expectedValue();
      for (double p : phi) {
        sum += p;
      }
      assertEquals(e.predict(x), sum, 1e-9, "SHAP values add up to the prediction, trial " + trial);
    }
  }

  @Test
  void prefixesAreTheFirstTreesAndTheCodecKeepsEverything() throws IOException {
    Random r = new Random(9);
    List<RegressionTree> trees = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      trees.add(randomTree(r, 3, 4));
    }
    TreeEnsemble e = TreeEnsemble.of(4, 1.5, trees);
    double[] x = {0.1, -0.3, Double.NaN, 2};
    double[] p = e.predictPrefixes(x, new int[] {0, 10, 30});
    assertEquals(1.5, p[0]);
    assertEquals(e.limit(10).predict(x), p[1], 1e-12);
    assertEquals(e.predict(x), p[2], 1e-12);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    TreeEnsemble.write(e, new DataOutputStream(bytes));
    TreeEnsemble back = TreeEnsemble.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    assertEquals(e.predict(x), back.predict(x), 0.0);
    assertArrayEquals(e.contributions(x), back.contributions(x), 0.0);
    assertThrows(IllegalArgumentException.class, () -> e.predictPrefixes(x, new int[] {10, 5}));
  }

  @Test
  void hostileTreesAreRefusedNamingTheNode() {
    int[] leaf = {-1};
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new RegressionTree(
        new int[] {0, 0, 0}, new double[3], new int[] {1, 0, -1}, new int[] {2, -1, -1}, new boolean[3],
        new double[3], new double[] {2, 1, 1}));
    assertTrue(e.getMessage().contains("node 1"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new RegressionTree(new int[] {0, 0, 0}, new double[3],
        new int[] {1, -1, -1}, new int[] {1, -1, -1}, new boolean[3], new double[3], new double[] {2, 1, 1}));
    assertTrue(e.getMessage().contains("more than one parent"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new RegressionTree(new int[] {0, 0, 0}, new double[3],
        new int[] {2, -1, -1}, new int[] {2, -1, -1}, new boolean[3], new double[3], new double[] {2, 1, 1}));
    assertTrue(e.getMessage().contains("more than one parent"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new RegressionTree(new int[1], new double[1], leaf,
        leaf, new boolean[1], new double[] {Double.NaN}, new double[] {1}));
    assertTrue(e.getMessage().contains("node 0 value"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new RegressionTree(new int[1], new double[1], leaf,
        leaf, new boolean[1], new double[1], new double[] {0}));
    assertTrue(e.getMessage().contains("cover"), e.getMessage());
    // A chain deeper than MAX_DEPTH: each node's right child is a leaf, its left the next link.
    int n = 2 * (RegressionTree.MAX_DEPTH + 1) + 1;
    int[] left = new int[n];
    int[] right = new int[n];
    double[] cover = new double[n];
    java.util.Arrays.fill(cover, 1);
    java.util.Arrays.fill(left, -1);
    java.util.Arrays.fill(right, -1);
    for (int i = 0, node = 0; node + 2 < n; i++, node += 2) {
      left[node] = node + 2;
      right[node] = node + 1;
    }
    e = assertThrows(IllegalArgumentException.class, () -> new RegressionTree(new int[n], new double[n], left,
        right, new boolean[n], new double[n], cover));
    assertTrue(e.getMessage().contains("deeper than " + RegressionTree.MAX_DEPTH), e.getMessage());
    RegressionTree splitsOnFive = new RegressionTree(new int[] {5, 0, 0}, new double[3], new int[] {1, -1, -1},
        new int[] {2, -1, -1}, new boolean[3], new double[3], new double[] {2, 1, 1});
    e = assertThrows(IllegalArgumentException.class, () -> TreeEnsemble.of(3, 0, List.of(splitsOnFive)));
    assertTrue(e.getMessage().contains("feature 5"), e.getMessage());
  }

  @Test
  void aCorruptEnsembleIsAnIoExceptionNamingTheTree() throws IOException {
    TreeEnsemble e = TreeEnsemble.of(4, 0, List.of(randomTree(new Random(1), 2, 4), randomTree(new Random(2), 2, 4)));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    TreeEnsemble.write(e, new DataOutputStream(bytes));
    byte[] b = bytes.toByteArray();
    // Tree 1's root: after features, base score, count, tree 0 (count + 7 nodes) and tree 1's count.
    int node = 3 * Integer.BYTES + 3 * Double.BYTES + 1;
    int root1 = Integer.BYTES + Double.BYTES + Integer.BYTES + Integer.BYTES + 7 * node + Integer.BYTES;
    b[root1 + 3] = 0; // its left child becomes node 0: a cycle
    IOException error = assertThrows(IOException.class,
        () -> TreeEnsemble.read(new DataInputStream(new ByteArrayInputStream(b))));
    assertTrue(error.getMessage().startsWith("tree 1: node 0 has child 0"), error.getMessage());
  }
}
