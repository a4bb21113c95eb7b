package io.livecommerce.domain;

/** The mechanic of a promotion. Thread-safe (an enum). */
public enum PromotionType {
  /** 优惠券: a coupon taken in the room. */
  COUPON,
  /** 秒杀: a short flash sale at a lower price. */
  FLASH_SALE,
  /** 赠品: a free gift with purchase. */
  GIFT,
  /** 组合装: a bundle of several items. */
  BUNDLE,
  /** 满减: a reduction once the basket reaches a threshold. */
  FULL_REDUCTION,
  /** 抽奖/福袋: a lottery or lucky bag for viewers. */
  LOTTERY
}
