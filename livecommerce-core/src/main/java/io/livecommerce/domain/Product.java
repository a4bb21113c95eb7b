package io.livecommerce.domain;

import io.livecommerce.internal.Checks;
import java.util.Map;

/**
 * A product (商品) that an anchor can sell.
 *
 * <p>Prices are in minor currency units (分 for CNY) so that sums are exact.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id stable identifier (SKU or SPU id), not blank
 * @param title title, not blank
 * @param description free text; may be empty, never null
 * @param category category such as 美妆, 食品; may be empty, never null
 * @param brand brand; may be empty, never null
 * @param priceCents list price in minor units, {@code >= 0}
 * @param attributes free attributes such as 规格 → 30ml; may be empty
 */
public record Product(
    String id,
    String title,
    String description,
    String category,
    String brand,
    long priceCents,
    Map<String, String> attributes) {

  /**
   * Validates and copies the components.
   *
   * @throws IllegalArgumentException if a component is invalid; the message names it
   */
  public Product {
    Checks.notBlank(id, "id");
    Checks.notBlank(title, "title");
    description = Checks.orEmpty(description);
    category = Checks.orEmpty(category);
    brand = Checks.orEmpty(brand);
    Checks.nonNegative(priceCents, "priceCents");
    attributes = Checks.copyMap(Checks.notNull(attributes, "attributes"), "attributes");
  }

  /** Title, brand, category and description joined into one text for embedding. */
  public String text() {
    StringBuilder sb = new StringBuilder(title);
    if (!brand.isEmpty()) {
      sb.append(' ').append(brand);
    }
    if (!category.isEmpty()) {
      sb.append(' ').append(category);
    }
    if (!description.isEmpty()) {
      sb.append(' ').append(description);
    }
    return sb.toString();
  }

  /** The price in major units (元), for display. */
  public double price() {
    return priceCents / 100.0;
  }
}
