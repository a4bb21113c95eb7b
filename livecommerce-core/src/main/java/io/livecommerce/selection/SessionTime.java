package io.livecommerce.selection;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;

/**
 * Time-of-session features shared by the selectors: a coarse time slot and the weekday in the platform's zone, and
 * each anchor's usual ones for forecasting a typical next session. Package-private; not thread-safe while built.
 */
final class SessionTime {
  private final ZoneId zone;
  private final Map<String, Map<String, Integer>> slots = new HashMap<>();
  private final Map<String, Map<String, Integer>> days = new HashMap<>();

  SessionTime(ZoneId zone) {
    this.zone = zone;
  }

  /** 早上 06–12, 下午 12–18, 晚上 18–23, 深夜 23–06: the slots live-commerce schedules use. */
  static String slot(long millis, ZoneId zone) {
    int h = ZonedDateTime.ofInstant(Instant.ofEpochMilli(millis), zone).getHour();
    if (h >= 6 && h < 12) {
      return "morning";
    } else if (h >= 12 && h < 18) {
      return "afternoon";
    } else if (h >= 18 && h < 23) {
      return "evening";
    }
    return "late-night";
  }

  static String weekday(long millis, ZoneId zone) {
    return ZonedDateTime.ofInstant(Instant.ofEpochMilli(millis), zone).getDayOfWeek().name().toLowerCase(java.util.Locale.ROOT);
  }

  void record(String anchorId, long millis) {
    slots.computeIfAbsent(anchorId, a -> new HashMap<>()).merge(slot(millis, zone), 1, Integer::sum);
    days.computeIfAbsent(anchorId, a -> new HashMap<>()).merge(weekday(millis, zone), 1, Integer::sum);
  }

  /** The anchor's most frequent slot, or null when unknown. Ties go to the alphabetically first, for determinism. */
  String usualSlot(String anchorId) {
    return mode(slots.get(anchorId));
  }

  String usualWeekday(String anchorId) {
    return mode(days.get(anchorId));
  }

  Map<String, String> usualSlots() {
    Map<String, String> out = new HashMap<>();
    slots.keySet().forEach(a -> out.put(a, usualSlot(a)));
    return out;
  }

  Map<String, String> usualWeekdays() {
    Map<String, String> out = new HashMap<>();
    days.keySet().forEach(a -> out.put(a, usualWeekday(a)));
    return out;
  }

  private static String mode(Map<String, Integer> counts) {
    if (counts == null) {
      return null;
    }
    return counts.entrySet().stream()
        .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(
            java.util.Comparator.reverseOrder())))
        .map(Map.Entry::getKey).orElse(null);
  }

  /**
   * Puts a row's session levels into {@code categorical}: the slot and weekday of {@code atMillis}, or when it is
   * null the anchor's usual ones (left out when the anchor has none). Shared by the selector's and the ranker's rows.
   */
  static void putLevels(Map<String, String> categorical, Long atMillis, ZoneId zone, String usualSlot,
      String usualWeekday) {
    String slot = atMillis != null ? slot(atMillis, zone) : usualSlot;
    String day = atMillis != null ? weekday(atMillis, zone) : usualWeekday;
    if (slot != null) {
      categorical.put("slot", slot);
    }
    if (day != null) {
      categorical.put("weekday", day);
    }
  }
}
