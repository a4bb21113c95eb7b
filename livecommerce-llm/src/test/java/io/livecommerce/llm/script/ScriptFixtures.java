package io.livecommerce.llm.script;

import io.livecommerce.domain.Anchor;
import io.livecommerce.domain.Product;
import io.livecommerce.domain.Promotion;
import io.livecommerce.domain.PromotionType;
import java.util.List;
import java.util.Map;

/** The product, anchor and coupon the script tests share. */
final class ScriptFixtures {
  static final Product CREAM = new Product("p1", "玻尿酸补水面霜", "秋冬干皮救星", "护肤", "水润坊", 8900,
      Map.of("规格", "50g"));
  static final Anchor ANCHOR = new Anchor("a1", "小美", "热情的邻家姐姐", List.of("护肤"), 120_000);
  static final Promotion COUPON = new Promotion("c1", "领券立减20元", PromotionType.COUPON, 0.2, 600, "护肤", 2000);

  private ScriptFixtures() {}
}
