package io.livecommerce.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Argument checks that fail fast with a message naming the argument and the offending value.
 *
 * <p>Internal: not part of the public API and may change without notice. Stateless and thread-safe.
 */
public final class Checks {

  private Checks() {}

  /** Returns {@code value}, or throws an {@link IllegalArgumentException} naming {@code name} if it is null. */
  public static <T> T notNull(T value, String name) {
    if (value == null) {
      throw new IllegalArgumentException(name + " must not be null");
    }
    return value;
  }

  /** Returns {@code value} if it is non-null and not blank. */
  public static String notBlank(String value, String name) {
    notNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank but was " + quote(value));
    }
    return value;
  }

  /** Returns an empty string for null, else {@code value}; used for optional free text. */
  public static String orEmpty(String value) {
    return value == null ? "" : value;
  }

  /** Returns {@code value} if it is finite. */
  public static double finite(double value, String name) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be finite but was " + value);
    }
    return value;
  }

  /** Returns {@code value} if it is finite and {@code >= 0}. */
  public static double nonNegative(double value, String name) {
    finite(value, name);
    if (value < 0) {
      throw new IllegalArgumentException(name + " must be >= 0 but was " + value);
    }
    return value;
  }

  /** Returns {@code value} if it is {@code >= 0}. */
  public static long nonNegative(long value, String name) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must be >= 0 but was " + value);
    }
    return value;
  }

  /** Returns {@code value} if it is {@code >= 0}. */
  public static int nonNegative(int value, String name) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must be >= 0 but was " + value);
    }
    return value;
  }

  /** Returns {@code value} if it is {@code > 0}. */
  public static int positive(int value, String name) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be > 0 but was " + value);
    }
    return value;
  }

  /** Returns {@code value} if it is {@code > 0}. */
  public static long positive(long value, String name) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be > 0 but was " + value);
    }
    return value;
  }

  /** Returns {@code value} if it is finite and {@code > 0}. */
  public static double positive(double value, String name) {
    finite(value, name);
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be > 0 but was " + value);
    }
    return value;
  }

  /** Returns {@code value} if it lies in {@code [min, max]} and is finite. */
  public static double inRange(double value, double min, double max, String name) {
    finite(value, name);
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          name + " must be in [" + min + ", " + max + "] but was " + value);
    }
    return value;
  }

  /** Returns {@code value} if it lies in {@code [min, max]}. */
  public static int inRange(int value, int min, int max, String name) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "] but was " + value);
    }
    return value;
  }

  /** Returns {@code value} if it lies in the open interval {@code (min, max)} and is finite. */
  public static double inOpenRange(double value, double min, double max, String name) {
    finite(value, name);
    if (value <= min || value >= max) {
      throw new IllegalArgumentException(
          name + " must be in (" + min + ", " + max + ") but was " + value);
    }
    return value;
  }

  /** Returns an immutable copy of {@code values}, rejecting a null list or a null element by index. */
  public static <T> List<T> copyNoNulls(Collection<? extends T> values, String name) {
    notNull(values, name);
    int i = 0;
    for (T v : values) {
      if (v == null) {
        throw new IllegalArgumentException(name + "[" + i + "] must not be null");
      }
      i++;
    }
    return List.copyOf(values);
  }

  /** Returns an immutable copy of {@code values}, rejecting null or blank strings by index. */
  public static List<String> copyNoBlanks(Collection<String> values, String name) {
    notNull(values, name);
    int i = 0;
    for (String v : values) {
      if (v == null || v.isBlank()) {
        throw new IllegalArgumentException(
            name + "[" + i + "] must not be null or blank but was " + quote(v));
      }
      i++;
    }
    return List.copyOf(values);
  }

  /** Returns an immutable copy of {@code values}, rejecting null or blank strings. */
  public static Set<String> copySetNoBlanks(Collection<String> values, String name) {
    return Set.copyOf(copyNoBlanks(values, name));
  }

  /** Returns an immutable copy of {@code map}, rejecting null or blank keys and null values. */
  public static Map<String, String> copyMap(Map<String, String> map, String name) {
    notNull(map, name);
    for (Map.Entry<String, String> e : map.entrySet()) {
      if (e.getKey() == null || e.getKey().isBlank()) {
        throw new IllegalArgumentException(name + " has a null or blank key");
      }
      if (e.getValue() == null) {
        throw new IllegalArgumentException(name + "[" + e.getKey() + "] must not be null");
      }
    }
    return Map.copyOf(map);
  }

  /** Checks every element of {@code values} is finite; names the first offending index. */
  public static float[] finite(float[] values, String name) {
    notNull(values, name);
    for (int i = 0; i < values.length; i++) {
      if (!Float.isFinite(values[i])) {
        throw new IllegalArgumentException(name + "[" + i + "] must be finite but was " + values[i]);
      }
    }
    return values;
  }

  /** Checks every element of {@code values} is finite; names the first offending index. */
  public static double[] finite(double[] values, String name) {
    notNull(values, name);
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw new IllegalArgumentException(name + "[" + i + "] must be finite but was " + values[i]);
      }
    }
    return values;
  }

  /** Throws if two lengths differ, naming both arguments. */
  public static void sameLength(int a, int b, String nameA, String nameB) {
    if (a != b) {
      throw new IllegalArgumentException(
          nameA + " has length " + a + " but " + nameB + " has length " + b + "; they must match");
    }
  }

  /** Quotes a string for an error message, shortening very long values. */
  public static String quote(String s) {
    if (s == null) {
      return "null";
    }
    String shown = s.length() > 80 ? s.substring(0, 77) + "..." : s;
    return "\"" + shown + "\"";
  }
}
