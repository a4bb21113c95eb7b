package io.livecommerce.script;

/** The part a segment plays in a live-selling script, in the usual order. Thread-safe (an enum). */
public enum SegmentKind {
  /** 开场: greeting and hook. */
  OPENING,
  /** 产品介绍: what the product is. */
  PRODUCT_PITCH,
  /** 卖点: why it is worth buying. */
  SELLING_POINTS,
  /** 互动: questions and prompts for the chat. */
  INTERACTION,
  /** 促销: the offer. */
  PROMOTION,
  /** 逼单/行动号召: how to buy now. */
  CALL_TO_ACTION,
  /** 结尾: thanks and what is next. */
  CLOSING
}
