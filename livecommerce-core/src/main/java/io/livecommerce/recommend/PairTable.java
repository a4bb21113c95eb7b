package io.livecommerce.recommend;

import io.livecommerce.internal.Checks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Aggregated (user, item, summed weight) pairs held as compressed rows: two ints and a double per pair, no object
 * per pair. For assembling a model from factors trained elsewhere on logs too large for a list of interactions
 * ({@link ImplicitRecommender#fromFactors(PairTable, Map, Map, Map)}).
 *
 * <p>Immutable and thread-safe once built; the {@link Builder} is not thread-safe.
 */
public final class PairTable {

  final List<String> users;
  final List<String> items;
  final int[] ptr;
  final int[] cols;
  final double[] summed;

  private PairTable(List<String> users, List<String> items, int[] ptr, int[] cols, double[] summed) {
    this.users = users;
    this.items = items;
    this.ptr = ptr;
    this.cols = cols;
    this.summed = summed;
  }

  /** A builder that takes pairs grouped by user. */
  public static Builder newBuilder() {
    return new Builder();
  }

  /** The number of users. */
  public int users() {
    return users.size();
  }

  /** The number of distinct items. */
  public int items() {
    return items.size();
  }

  /** The number of pairs. */
  public int pairs() {
    return cols.length;
  }

  @Override
  public String toString() {
    return "PairTable{users=" + users() + ", items=" + items() + ", pairs=" + pairs() + "}";
  }

  /** Collects pairs; each user's pairs must come together (as from a source sorted by user). Not thread-safe. */
  public static final class Builder {
    private final List<String> users = new ArrayList<>();
    private final Set<String> finished = new HashSet<>();
    private final List<String> items = new ArrayList<>();
    private final Map<String, Integer> itemIndex = new HashMap<>();
    private final Map<Integer, Integer> rowItems = new HashMap<>(); // item -> position, within the current user
    private int[] ptr = new int[16];
    private int[] cols = new int[1024];
    private double[] summed = new double[1024];
    private int n;

    private Builder() {}

    /**
     * Adds a pair; a pair seen again for the same user adds to its weight.
     *
     * @throws IllegalArgumentException if an id is blank, the weight is not finite, or the user's pairs are not
     *     together (the message names the user)
     */
    public Builder add(String user, String item, double summedWeight) {
      Checks.notBlank(user, "user");
      Checks.notBlank(item, "item");
      Checks.finite(summedWeight, "summedWeight");
      if (users.isEmpty() || !users.get(users.size() - 1).equals(user)) {
        if (!finished.add(user)) {
          throw new IllegalArgumentException("the pairs of user " + Checks.quote(user) + " are not together; "
              + "give them sorted or grouped by user");
        }
        users.add(user);
        rowItems.clear();
        if (users.size() + 1 > ptr.length) {
          ptr = Arrays.copyOf(ptr, ptr.length * 2);
        }
        ptr[users.size()] = n;
      }
      int i = itemIndex.computeIfAbsent(item, k -> {
        items.add(k);
        return items.size() - 1;
      });
      Integer at = rowItems.get(i);
      if (at != null) {
        summed[at] += summedWeight;
        return this;
      }
      if (n == cols.length) {
        cols = Arrays.copyOf(cols, n * 2);
        summed = Arrays.copyOf(summed, n * 2);
      }
      rowItems.put(i, n);
      cols[n] = i;
      summed[n] = summedWeight;
      n++;
      ptr[users.size()] = n;
      return this;
    }

    /**
     * The table, each user's items in ascending index (as the in-process trainer orders them).
     *
     * @throws IllegalStateException if no pair was added
     */
    public PairTable build() {
      if (n == 0) {
        throw new IllegalStateException("no pairs were added");
      }
      int[] p = Arrays.copyOf(ptr, users.size() + 1);
      int[] c = Arrays.copyOf(cols, n);
      double[] s = Arrays.copyOf(summed, n);
      for (int u = 0; u < users.size(); u++) {
        sortRow(c, s, p[u], p[u + 1]);
      }
      return new PairTable(List.copyOf(users), List.copyOf(items), p, c, s);
    }

    private static void sortRow(int[] c, double[] s, int from, int to) {
      // Rows are short (a user's distinct items): insertion sort, moving both arrays together.
      for (int i = from + 1; i < to; i++) {
        int ci = c[i];
        double si = s[i];
        int j = i - 1;
        while (j >= from && c[j] > ci) {
          c[j + 1] = c[j];
          s[j + 1] = s[j];
          j--;
        }
        c[j + 1] = ci;
        s[j + 1] = si;
      }
    }
  }
}
