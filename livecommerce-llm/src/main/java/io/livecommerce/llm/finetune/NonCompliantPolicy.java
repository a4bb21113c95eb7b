package io.livecommerce.llm.finetune;

/** What {@link FineTuningDataset} does with a script that breaks an advertising-law rule. Thread-safe (an enum). */
public enum NonCompliantPolicy {
  /**
   * Rewrites it with {@link io.livecommerce.compliance.ComplianceChecker#rewrite} (suggested replacements; disease
   * claims removed with their clause), checks the result again, and keeps it only when it checks clean and keeps at
   * least half of the original characters. The default: a winning script with one "最" is still worth learning from.
   */
  REWRITE,
  /** Leaves it out. */
  DROP
}
