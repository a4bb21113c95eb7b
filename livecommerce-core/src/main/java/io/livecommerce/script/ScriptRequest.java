package io.livecommerce.script;

import io.livecommerce.domain.Anchor;
import io.livecommerce.domain.Product;
import io.livecommerce.domain.Promotion;
import io.livecommerce.internal.Checks;
import java.util.List;
import java.util.Optional;

/**
 * What a script should sell, who says it, to whom, and for how long.
 *
 * <p>Immutable and thread-safe. Build with {@link #newBuilder()}.
 *
 * @param products the products to sell, in order, not empty
 * @param anchor the anchor, whose persona sets the voice
 * @param style speaking style, e.g. "热情", "专业测评", "energetic"; may be empty, never null
 * @param audience who is watching, e.g. "学生党, 预算有限"; may be empty, never null
 * @param promotion the offer to announce, or null for none
 * @param language the script's language
 * @param targetSeconds how long the script should run, {@code > 0}
 * @param mentionPrices whether the script may state the products' prices; false when they are not known, so no
 *     script announces a price of 0
 */
public record ScriptRequest(
    List<Product> products,
    Anchor anchor,
    String style,
    String audience,
    Promotion promotion,
    Language language,
    int targetSeconds,
    boolean mentionPrices) {

  /**
   * Validates and copies the components.
   *
   * @throws IllegalArgumentException if a component is invalid; the message names it
   */
  public ScriptRequest {
    products = Checks.copyNoNulls(Checks.notNull(products, "products"), "products");
    if (products.isEmpty()) {
      throw new IllegalArgumentException("products must not be empty");
    }
    Checks.notNull(anchor, "anchor");
    style = Checks.orEmpty(style);
    audience = Checks.orEmpty(audience);
    Checks.notNull(language, "language");
    Checks.positive(targetSeconds, "targetSeconds");
  }

  /** The promotion, if any. */
  public Optional<Promotion> promotionIfAny() {
    return Optional.ofNullable(promotion);
  }

  /** A new builder: Chinese, 180 seconds, no promotion. */
  public static Builder newBuilder() {
    return new Builder();
  }

  /** Builds a {@link ScriptRequest}. Not thread-safe. */
  public static final class Builder {
    private List<Product> products = List.of();
    private Anchor anchor;
    private String style = "";
    private String audience = "";
    private Promotion promotion;
    private Language language = Language.ZH;
    private int targetSeconds = 180;
    private boolean mentionPrices = true;

    private Builder() {}

    /** The products to sell, not empty. */
    public Builder products(List<Product> products) {
      this.products = Checks.copyNoNulls(Checks.notNull(products, "products"), "products");
      return this;
    }

    /** One product to sell. */
    public Builder product(Product product) {
      return products(List.of(Checks.notNull(product, "product")));
    }

    /** The anchor who speaks. */
    public Builder anchor(Anchor anchor) {
      this.anchor = Checks.notNull(anchor, "anchor");
      return this;
    }

    /** Speaking style; null means none. */
    public Builder style(String style) {
      this.style = Checks.orEmpty(style);
      return this;
    }

    /** Audience description; null means none. */
    public Builder audience(String audience) {
      this.audience = Checks.orEmpty(audience);
      return this;
    }

    /** The offer to announce; null means none. */
    public Builder promotion(Promotion promotion) {
      this.promotion = promotion;
      return this;
    }

    /** The language; default {@link Language#ZH}. */
    public Builder language(Language language) {
      this.language = Checks.notNull(language, "language");
      return this;
    }

    /** Target length in seconds, {@code > 0}; default 180. */
    public Builder targetSeconds(int targetSeconds) {
      this.targetSeconds = Checks.positive(targetSeconds, "targetSeconds");
      return this;
    }

    /** Whether the script may state prices; default true. Turn it off when the prices are not known. */
    public Builder mentionPrices(boolean mention) {
      this.mentionPrices = mention;
      return this;
    }

    /**
     * Builds the request.
     *
     * @throws IllegalArgumentException if no product or no anchor was given
     */
    public ScriptRequest build() {
      return new ScriptRequest(products, anchor, style, audience, promotion, language, targetSeconds,
          mentionPrices);
    }
  }
}
