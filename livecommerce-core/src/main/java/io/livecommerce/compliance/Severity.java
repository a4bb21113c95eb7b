package io.livecommerce.compliance;

/** How serious a finding is. Thread-safe (an enum). */
public enum Severity {
  /** Worth a look; often acceptable with evidence. */
  LOW,
  /** Likely to draw a platform warning. */
  MEDIUM,
  /** A clear violation that regulators fine. */
  HIGH
}
