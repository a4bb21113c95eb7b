package io.livecommerce.llm;

import io.livecommerce.internal.Checks;

/**
 * One chat message.
 *
 * <p>Immutable and thread-safe.
 *
 * @param role who speaks
 * @param content the text, not null
 */
public record ChatMessage(Role role, String content) {

  /** Who speaks. */
  public enum Role {
    /** Instructions for the model. */
    SYSTEM,
    /** The user. */
    USER,
    /** The model. */
    ASSISTANT
  }

  /** Validates the components. */
  public ChatMessage {
    Checks.notNull(role, "role");
    Checks.notNull(content, "content");
  }

  /** A system message. */
  public static ChatMessage system(String content) {
    return new ChatMessage(Role.SYSTEM, content);
  }

  /** A user message. */
  public static ChatMessage user(String content) {
    return new ChatMessage(Role.USER, content);
  }

  /** An assistant message. */
  public static ChatMessage assistant(String content) {
    return new ChatMessage(Role.ASSISTANT, content);
  }
}
