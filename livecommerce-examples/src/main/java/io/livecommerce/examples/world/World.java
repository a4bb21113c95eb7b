package io.livecommerce.examples.world;

import io.livecommerce.domain.Anchor;
import io.livecommerce.domain.LiveRoom;
import io.livecommerce.domain.Product;
import io.livecommerce.domain.Promotion;
import io.livecommerce.domain.PromotionOutcome;
import io.livecommerce.domain.SalesRecord;
import io.livecommerce.domain.Viewer;
import io.livecommerce.domain.WatchEvent;
import io.livecommerce.llm.finetune.PastScript;
import java.util.List;

/**
 * A live-commerce world: who sells, what, to whom, and what happened. Produced by {@link WorldGenerator} or read
 * from CSV by {@link WorldFiles}. Immutable and thread-safe.
 *
 * @param anchors anchors
 * @param rooms every live session, ended or ongoing
 * @param products the catalogue
 * @param viewers viewers with stated interests
 * @param events watch events, in time order
 * @param sales sales records, in time order
 * @param promotions promotion designs
 * @param outcomes promotion outcomes, in time order
 * @param scripts past scripts with their outcomes, in time order (empty for a folder written before they existed)
 */
public record World(List<Anchor> anchors, List<LiveRoom> rooms, List<Product> products, List<Viewer> viewers,
    List<WatchEvent> events, List<SalesRecord> sales, List<Promotion> promotions, List<PromotionOutcome> outcomes,
    List<PastScript> scripts) {

  /** Copies the lists. */
  public World {
    anchors = List.copyOf(anchors);
    rooms = List.copyOf(rooms);
    products = List.copyOf(products);
    viewers = List.copyOf(viewers);
    events = List.copyOf(events);
    sales = List.copyOf(sales);
    promotions = List.copyOf(promotions);
    outcomes = List.copyOf(outcomes);
    scripts = List.copyOf(scripts);
  }

  /** One line of counts. */
  public String summary() {
    return anchors.size() + " anchors, " + rooms.size() + " rooms, " + products.size() + " products, "
        + viewers.size() + " viewers, " + events.size() + " watch events, " + sales.size() + " sales, "
        + promotions.size() + " promotions, " + outcomes.size() + " promotion outcomes, " + scripts.size()
        + " past scripts";
  }
}
