package io.livecommerce.compliance;

/** What kind of rule a finding broke. Thread-safe (an enum). */
public enum ComplianceCategory {
  /** 绝对化用语: superlatives, rankings, levels and exclusivity (Advertising Law Art. 9(3)). */
  ABSOLUTE_TERM,
  /** 医疗/功效宣称: cure or efficacy claims for cosmetics, food and health food (Arts. 16–18). */
  MEDICAL_CLAIM,
  /** 虚假紧迫/稀缺: unverifiable urgency and scarcity that pressure viewers to buy. */
  FALSE_URGENCY,
  /** 保证收益/承诺: guaranteed returns or results (Art. 25). */
  GUARANTEED_RETURN,
  /** 权威背书: endorsements claimed from doctors, experts, state bodies or state media (Arts. 9(2), 16, 18). */
  ENDORSEMENT,
  /** 价格比较: unverifiable original prices and price comparisons (price-fraud rules). */
  PRICE_COMPARISON,
  /** 贬低他人: disparaging other sellers' goods (别家都比不了, 吊打) (Art. 13). */
  DISPARAGEMENT,
  /**
   * 与事实不符: a price, discount, stock count or date in a generated script that its request does not give (Price Law
   * Art. 14, Anti-Unfair Competition Law Art. 8); see {@link io.livecommerce.script.ScriptFacts}.
   */
  FACT_MISMATCH
}
