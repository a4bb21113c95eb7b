package io.livecommerce.examples.world;

import io.livecommerce.domain.Anchor;
import io.livecommerce.domain.LiveRoom;
import io.livecommerce.domain.Product;
import io.livecommerce.domain.Promotion;
import io.livecommerce.domain.PromotionOutcome;
import io.livecommerce.domain.PromotionType;
import io.livecommerce.domain.SalesRecord;
import io.livecommerce.domain.Viewer;
import io.livecommerce.domain.WatchEvent;
import io.livecommerce.examples.csv.CsvTable;
import io.livecommerce.llm.finetune.PastScript;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Writes and reads a {@link World} as CSV files in one folder; the schema is documented in
 * {@code docs/data-format.md}. Lists are joined with {@code |}, attribute maps as {@code key=value;key=value}.
 * Stateless and thread-safe.
 */
public final class WorldFiles {

  private WorldFiles() {}

  /** Writes every table into {@code dir}, creating it. */
  public static void write(World w, Path dir) {
    CsvTable.write(dir.resolve("anchors.csv"), List.of("id", "name", "persona", "categories", "followers"),
        map(w.anchors(), a -> List.of(a.id(), a.name(), a.persona(), String.join("|", a.categories()),
            a.followers())));
    CsvTable.write(dir.resolve("rooms.csv"),
        List.of("id", "anchor_id", "title", "description", "tags", "category", "start_millis", "end_millis"),
        map(w.rooms(), r -> List.of(r.id(), r.anchorId(), r.title(), r.description(), String.join("|", r.tags()),
            r.category(), r.startMillis(), r.endMillis() == LiveRoom.ONGOING ? "" : String.valueOf(r.endMillis()))));
    CsvTable.write(dir.resolve("products.csv"),
        List.of("id", "title", "description", "category", "brand", "price_cents", "attributes"),
        map(w.products(), p -> List.of(p.id(), p.title(), p.description(), p.category(), p.brand(), p.priceCents(),
            attributes(p.attributes()))));
    CsvTable.write(dir.resolve("viewers.csv"), List.of("id", "interests"),
        map(w.viewers(), v -> List.of(v.id(), String.join("|", v.interests()))));
    CsvTable.write(dir.resolve("watch_events.csv"), List.of("viewer_id", "room_id", "timestamp_millis",
        "watch_seconds", "likes", "comments", "shares", "gifts", "orders"),
        map(w.events(), e -> List.of(e.viewerId(), e.roomId(), e.timestampMillis(), e.watchSeconds(), e.likes(),
            e.comments(), e.shares(), e.gifts(), e.orders())));
    CsvTable.write(dir.resolve("sales.csv"), List.of("anchor_id", "product_id", "room_id", "timestamp_millis",
        "units", "revenue_cents"),
        map(w.sales(), s -> List.of(s.anchorId(), s.productId(), s.roomId(), s.timestampMillis(), s.units(),
            s.revenueCents())));
    CsvTable.write(dir.resolve("promotions.csv"), List.of("id", "description", "type", "discount_depth",
        "duration_seconds", "category", "cost_cents"),
        map(w.promotions(), p -> List.of(p.id(), p.description(), p.type().name(), p.discountDepth(),
            p.durationSeconds(), p.category(), p.costCents())));
    CsvTable.write(dir.resolve("promotion_outcomes.csv"), List.of("promotion_id", "anchor_id", "room_id",
        "timestamp_millis", "viewers", "orders", "gmv_cents"),
        map(w.outcomes(), o -> List.of(o.promotionId(), o.anchorId(), o.roomId(), o.timestampMillis(), o.viewers(),
            o.orders(), o.gmvCents())));
    CsvTable.write(dir.resolve(SCRIPTS), SCRIPT_COLUMNS,
        map(w.scripts(), s -> List.of(s.id(), s.anchorId(), s.category(), s.productText(), s.script(),
            s.minutesOnAir(), s.viewers(), s.orders(), s.gmvCents())));
  }

  /** The past scripts' file name in a world folder. */
  public static final String SCRIPTS = "scripts.csv";

  private static final List<String> SCRIPT_COLUMNS = List.of("id", "anchor_id", "category", "product_text", "script",
      "minutes_on_air", "viewers", "orders", "gmv_cents");

  /**
   * Reads a scripts CSV ({@code docs/data-format.md}): past scripts with their outcomes; {@code anchor_id} and
   * {@code category} are optional columns.
   *
   * @throws io.livecommerce.examples.csv.CsvFormatException naming the file, line and column of bad data
   */
  public static List<PastScript> readScripts(Path file, Charset charset) {
    CsvTable t = CsvTable.read(file, charset).require("id", "product_text", "script", "minutes_on_air", "viewers",
        "orders", "gmv_cents");
    boolean anchors = t.has("anchor_id");
    boolean categories = t.has("category");
    List<PastScript> out = new ArrayList<>(t.rows().size());
    for (CsvTable.Row r : t.rows()) {
      try {
        out.add(new PastScript(r.required("id"), anchors ? r.get("anchor_id") : "",
            categories ? r.get("category") : "", r.required("product_text"),
            r.required("script"), minutes(r), r.getLong("viewers", 0, Long.MAX_VALUE),
            r.getLong("orders", 0, Long.MAX_VALUE), r.getLong("gmv_cents", 0, Long.MAX_VALUE)));
      } catch (IllegalArgumentException e) {
        throw r.error(null, e.getMessage());
      }
    }
    return out;
  }

  /**
   * Reads a world written by {@link #write}.
   *
   * @throws io.livecommerce.examples.csv.CsvFormatException naming the file, line and column of bad data
   */
  public static World read(Path dir) {
    List<Anchor> anchors = rows(dir.resolve("anchors.csv"), "id", r -> new Anchor(r.required("id"), r.required("name"),
        r.get("persona"), list(r.get("categories")), r.getLong("followers")), "id", "name", "persona", "categories",
        "followers");
    List<LiveRoom> rooms = rows(dir.resolve("rooms.csv"), "id", r -> new LiveRoom(r.required("id"),
        r.required("anchor_id"), r.required("title"), r.get("description"), list(r.get("tags")), r.get("category"),
        r.getLong("start_millis"), r.get("end_millis").isEmpty() ? LiveRoom.ONGOING : r.getLong("end_millis")),
        "id", "anchor_id", "title", "description", "tags", "category", "start_millis", "end_millis");
    List<Product> products = rows(dir.resolve("products.csv"), "id", r -> new Product(r.required("id"),
        r.required("title"), r.get("description"), r.get("category"), r.get("brand"), r.getLong("price_cents"),
        parseAttributes(r.get("attributes"))), "id", "title", "description", "category", "brand", "price_cents",
        "attributes");
    List<Viewer> viewers = rows(dir.resolve("viewers.csv"), "id", r -> new Viewer(r.required("id"),
        list(r.get("interests"))), "id", "interests");
    List<WatchEvent> events = rows(dir.resolve("watch_events.csv"), null, r -> new WatchEvent(r.required("viewer_id"),
        r.required("room_id"), r.getLong("timestamp_millis"), r.getLong("watch_seconds"), (int) r.getLong("likes"),
        (int) r.getLong("comments"), (int) r.getLong("shares"), (int) r.getLong("gifts"), (int) r.getLong("orders")),
        "viewer_id", "room_id", "timestamp_millis", "watch_seconds", "likes", "comments", "shares", "gifts", "orders");
    List<SalesRecord> sales = rows(dir.resolve("sales.csv"), null, r -> new SalesRecord(r.required("anchor_id"),
        r.required("product_id"), r.required("room_id"), r.getLong("timestamp_millis"), r.getLong("units"),
        r.getLong("revenue_cents")), "anchor_id", "product_id", "room_id", "timestamp_millis", "units",
        "revenue_cents");
    List<Promotion> promotions = rows(dir.resolve("promotions.csv"), "id", r -> {
      PromotionType type;
      try {
        type = PromotionType.valueOf(r.required("type"));
      } catch (IllegalArgumentException e) {
        throw r.error("type", "'" + r.get("type") + "' is not one of " + Arrays.toString(PromotionType.values()));
      }
      return new Promotion(r.required("id"), r.required("description"), type, r.getDouble("discount_depth"),
          r.getLong("duration_seconds"), r.get("category"), r.getLong("cost_cents"));
    }, "id", "description", "type", "discount_depth", "duration_seconds", "category", "cost_cents");
    List<PromotionOutcome> outcomes = rows(dir.resolve("promotion_outcomes.csv"), null, r -> new PromotionOutcome(
        r.required("promotion_id"), r.required("anchor_id"), r.required("room_id"), r.getLong("timestamp_millis"),
        r.getLong("viewers"), r.getLong("orders"), r.getLong("gmv_cents")), "promotion_id", "anchor_id", "room_id",
        "timestamp_millis", "viewers", "orders", "gmv_cents");
    Path scriptsFile = dir.resolve(SCRIPTS);
    List<PastScript> scripts = Files.exists(scriptsFile)
        ? readScripts(scriptsFile, StandardCharsets.UTF_8) : List.of();
    return new World(anchors, rooms, products, viewers, events, sales, promotions, outcomes, scripts);
  }

  private static double minutes(CsvTable.Row r) {
    double m = r.getDouble("minutes_on_air");
    if (!(m > 0)) {
      throw r.error("minutes_on_air", "'" + r.get("minutes_on_air") + "' must be > 0");
    }
    return m;
  }

  /**
   * Every row parsed; with {@code idColumn}, an id given twice is an error (the tables are looked up by id, so one
   * of the two would silently lose).
   */
  private static <T> List<T> rows(Path file, String idColumn, Function<CsvTable.Row, T> parse, String... columns) {
    CsvTable t = CsvTable.read(file).require(columns);
    List<T> out = new ArrayList<>(t.rows().size());
    Map<String, Long> firstLine = new java.util.HashMap<>();
    for (CsvTable.Row r : t.rows()) {
      if (idColumn != null) {
        Long first = firstLine.putIfAbsent(r.get(idColumn), r.line());
        if (first != null) {
          throw r.error(idColumn, "'" + r.get(idColumn) + "' appears again (first on line " + first + ")");
        }
      }
      try {
        out.add(parse.apply(r));
      } catch (IllegalArgumentException e) {
        // A domain record rejected a value: say where.
        throw r.error(null, e.getMessage());
      }
    }
    return out;
  }

  private static <T> List<List<Object>> map(List<T> items, Function<T, List<Object>> f) {
    List<List<Object>> out = new ArrayList<>(items.size());
    for (T t : items) {
      out.add(f.apply(t));
    }
    return out;
  }

  private static List<String> list(String joined) {
    return joined.isEmpty() ? List.of() : Arrays.stream(joined.split("\\|")).map(String::strip)
        .filter(s -> !s.isEmpty()).toList();
  }

  private static String attributes(Map<String, String> attrs) {
    StringBuilder sb = new StringBuilder();
    new java.util.TreeMap<>(attrs).forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ";").append(k).append('=')
        .append(v));
    return sb.toString();
  }

  private static Map<String, String> parseAttributes(String s) {
    Map<String, String> out = new LinkedHashMap<>();
    if (s.isEmpty()) {
      return out;
    }
    for (String pair : s.split(";")) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("attribute '" + pair + "' is not key=value");
      }
      String key = pair.substring(0, eq).strip();
      if (out.put(key, pair.substring(eq + 1).strip()) != null) {
        throw new IllegalArgumentException("attribute '" + key + "' is given twice in '" + s + "'");
      }
    }
    return out;
  }
}
