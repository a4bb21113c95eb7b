package io.livecommerce.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.livecommerce.compliance.Redaction;
import java.util.List;
import java.util.Locale;

/** The OpenAI-compatible JSON of a chat request, and the usage block of an answer. Stateless and thread-safe. */
final class ChatBodies {

  private ChatBodies() {}

  /**
   * The request body.
   *
   * @param model the client's default, used when the request names none
   * @param redacted per message, its redaction (null: send the messages as they are)
   * @param stream whether to ask for server-sent events
   * @param streamUsage whether a stream should end with the usage
   */
  static ObjectNode body(ChatRequest request, String model, List<Redaction> redacted, boolean stream,
      boolean streamUsage) {
    ObjectNode body = HttpTransport.JSON.createObjectNode();
    body.put("model", request.model() != null ? request.model() : model);
    ArrayNode messages = body.putArray("messages");
    List<ChatMessage> list = request.messages();
    for (int i = 0; i < list.size(); i++) {
      ObjectNode m = messages.addObject();
      m.put("role", list.get(i).role().name().toLowerCase(Locale.ROOT));
      m.put("content", redacted == null ? list.get(i).content() : redacted.get(i).text());
    }
    if (request.temperature() != null) {
      body.put("temperature", request.temperature());
    }
    if (request.topP() != null) {
      body.put("top_p", request.topP());
    }
    if (request.maxTokens() != null) {
      body.put("max_tokens", request.maxTokens());
    }
    if (!request.stop().isEmpty()) {
      ArrayNode stop = body.putArray("stop");
      request.stop().forEach(stop::add);
    }
    if (request.seed() != null) {
      body.put("seed", request.seed());
    }
    ResponseFormat f = request.responseFormat();
    if (f != null && !f.type().equals("text")) {
      ObjectNode rf = body.putObject("response_format");
      rf.put("type", f.type());
      if (f.type().equals("json_schema")) {
        ObjectNode js = rf.putObject("json_schema");
        js.put("name", f.name());
        js.set("schema", f.schema());
        js.put("strict", true);
      }
    }
    if (stream) {
      body.put("stream", true);
      if (streamUsage) {
        body.putObject("stream_options").put("include_usage", true);
      }
    }
    return body;
  }

  /** Token counts from a {@code usage} object; {@link Usage#NONE} when there is none. */
  static Usage usage(JsonNode u) {
    if (u == null || !u.isObject()) {
      return Usage.NONE;
    }
    return new Usage(u.path("prompt_tokens").asLong(), u.path("completion_tokens").asLong(),
        u.path("total_tokens").asLong());
  }
}
