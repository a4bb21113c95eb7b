package io.livecommerce.llm.internal;

import io.livecommerce.compliance.Redaction;

/**
 * Restores PII placeholders in streamed text, holding back a trailing {@code [...} that may be a placeholder split
 * across deltas. Not thread-safe; one per stream.
 */
public final class PlaceholderRestorer {
  private final Redaction redaction;
  private final StringBuilder pending = new StringBuilder();

  /** A restorer for {@code redaction} (null: pass text through). */
  public PlaceholderRestorer(Redaction redaction) {
    this.redaction = redaction;
  }

  /** Text that can be emitted now, with placeholders restored. */
  public String accept(String delta) {
    if (redaction == null || !redaction.redactedAnything()) {
      return delta;
    }
    pending.append(delta);
    int open = pending.lastIndexOf("[");
    int cut = pending.length();
    if (open >= 0 && pending.indexOf("]", open) < 0 && pending.length() - open <= 20) {
      cut = open;
    }
    String ready = pending.substring(0, cut);
    pending.delete(0, cut);
    return redaction.restore(ready);
  }

  /** Whatever was held back, at the end of the stream. */
  public String flush() {
    String rest = pending.toString();
    pending.setLength(0);
    return redaction == null ? rest : redaction.restore(rest);
  }
}
