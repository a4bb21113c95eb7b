package io.livecommerce.llm.finetune;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.livecommerce.internal.Checks;
import io.livecommerce.llm.ChatMessage;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * One training conversation: system, user and the assistant's answer to learn.
 *
 * <p>Immutable and thread-safe.
 *
 * @param scriptId the past script it came from (not written into the JSONL, which providers check strictly)
 * @param messages the conversation; it ends with the assistant and no message is blank
 */
public record ChatExample(String scriptId, List<ChatMessage> messages) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Validates the components.
   *
   * @throws IllegalArgumentException if a message is blank or the last one is not the assistant's
   */
  public ChatExample {
    Checks.notBlank(scriptId, "scriptId");
    messages = Checks.copyNoNulls(Checks.notNull(messages, "messages"), "messages");
    if (messages.isEmpty() || messages.get(messages.size() - 1).role() != ChatMessage.Role.ASSISTANT) {
      throw new IllegalArgumentException("messages of " + scriptId + " must end with the assistant's answer");
    }
    for (int i = 0; i < messages.size(); i++) {
      if (messages.get(i).content().isBlank()) {
        throw new IllegalArgumentException("messages[" + i + "] of " + scriptId + " is blank");
      }
    }
  }

  /** The approximate tokens of the conversation (see {@link TokenEstimate}). */
  public long approxTokens() {
    long t = 3;
    for (ChatMessage m : messages) {
      t += 4 + TokenEstimate.of(m.content());
    }
    return t;
  }

  /** The line for an OpenAI-compatible chat fine-tuning file: {@code {"messages":[{"role":..,"content":..}]}}. */
  public String toJsonLine() {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode list = root.putArray("messages");
    for (ChatMessage m : messages) {
      list.addObject().put("role", m.role().name().toLowerCase(Locale.ROOT)).put("content", m.content());
    }
    try {
      return JSON.writeValueAsString(root); // Jackson escapes line breaks, so one example is one line
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
