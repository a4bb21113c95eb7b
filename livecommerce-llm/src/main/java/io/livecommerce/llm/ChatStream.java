package io.livecommerce.llm;

import com.fasterxml.jackson.databind.JsonNode;
import io.livecommerce.compliance.Redaction;
import io.livecommerce.llm.internal.PlaceholderRestorer;
import io.livecommerce.llm.internal.SseReader;
import java.io.IOException;
import java.io.InterruptedIOException;
import okhttp3.Response;

/**
 * One streamed answer: reads the server-sent events of a 2xx response, hands restored text to the listener as it
 * becomes safe to show (a placeholder split across chunks is held back), and returns the whole answer. Not
 * thread-safe: one per call.
 */
final class ChatStream {

  private final HttpTransport transport;
  private final Redaction redaction;
  private final PlaceholderRestorer restorer;
  private final StreamListener listener;
  private final StringBuilder text = new StringBuilder();
  private boolean done;
  private String finishReason = "";
  private Usage usage = Usage.NONE;
  private String model;
  private String requestId = "";

  ChatStream(HttpTransport transport, Redaction redaction, StreamListener listener) {
    this.transport = transport;
    this.redaction = redaction;
    this.restorer = new PlaceholderRestorer(redaction);
    this.listener = listener;
  }

  /**
   * Reads the stream to its end.
   *
   * @param defaultModel the model to report when the stream names none
   * @throws StreamInterruptedException if it ends before the provider finished (the text so far is kept)
   */
  ChatResponse read(Response r, String defaultModel) throws IOException {
    ErrorMapper errors = transport.errors();
    requestId = ErrorMapper.requestId(r);
    SseReader events = new SseReader(r.body().source(), transport.maxResponseBytes());
    while (!done) {
      String payload;
      try {
        payload = events.next();
      } catch (SseReader.TooLargeException e) {
        throw transport.tooLarge(requestId, e);
      } catch (InterruptedIOException e) {
        throw new LlmTimeoutException("chat stream passed its deadline after " + text.length()
            + " characters: " + errors.scrub(e.getMessage()), e);
      } catch (IOException e) {
        throw new StreamInterruptedException("stream broke after " + text.length() + " characters: "
            + errors.scrub(e.getMessage()), text.toString(), requestId, e);
      }
      if (payload == null) {
        break;
      }
      accept(payload);
    }
    String rest = restorer.flush();
    if (!rest.isEmpty()) {
      listener.onText(errors.mask(rest));
    }
    if (!done && finishReason.isEmpty()) {
      throw new StreamInterruptedException("stream ended before the answer was complete (no [DONE])",
          text.toString(), requestId, null);
    }
    String full = errors.mask(redaction == null ? text.toString() : redaction.restore(text.toString()));
    return new ChatResponse(full, finishReason, usage, model == null ? defaultModel : model, requestId);
  }

  private void accept(String payload) {
    if (payload.trim().equals("[DONE]")) {
      done = true;
      return;
    }
    ErrorMapper errors = transport.errors();
    JsonNode event = transport.parse(payload, requestId);
    if (event.has("error")) {
      JsonNode err = event.get("error");
      throw new ProviderException("error inside stream: " + errors.scrub(err.path("message").asText(err.toString())),
          0, errors.scrub(err.path("code").asText("")), requestId, null);
    }
    if (event.hasNonNull("model")) {
      model = event.get("model").asText();
    }
    if (event.hasNonNull("usage")) {
      usage = ChatBodies.usage(event.get("usage"));
    }
    JsonNode choice = event.path("choices").path(0);
    JsonNode delta = choice.path("delta").path("content");
    if (delta.isTextual() && !delta.asText().isEmpty()) {
      text.append(delta.asText());
      String ready = restorer.accept(delta.asText());
      if (!ready.isEmpty()) {
        listener.onText(errors.mask(ready));
      }
    }
    if (choice.hasNonNull("finish_reason")) {
      finishReason = choice.get("finish_reason").asText();
    }
  }
}
