package io.livecommerce.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import okhttp3.Response;

/**
 * Turns HTTP failures into the typed exceptions, with the API key, and any piece of it of 8 or more characters, masked
 * in every message; {@link #mask} does the same for answers. Thread-safe (immutable after construction).
 */
final class ErrorMapper {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String secret;

  private final java.util.Set<String> fragments = new java.util.HashSet<>();

  /** A mapper that scrubs {@code secret} (may be empty). */
  ErrorMapper(String secret) {
    this.secret = secret == null ? "" : secret;
    for (int i = 0; i + FRAGMENT <= this.secret.length(); i++) {
      fragments.add(this.secret.substring(i, i + FRAGMENT));
    }
  }

  /** Removes the key from text that may echo it. */
  String scrub(String text) {
    if (text == null) {
      return "";
    }
    // Only the first 500 characters are kept: mask a little more than that, so a fragment cut there is masked too.
    String out = mask(text.length() > 600 ? text.substring(0, 600) : text);
    return out.length() > 500 ? out.substring(0, 500) + "..." : out;
  }

  /** Shortest piece of the key that is masked wherever it appears: a server may echo part of it. */
  static final int FRAGMENT = 8;

  /**
   * {@code text} with the key, and every piece of it of {@value #FRAGMENT} or more characters, replaced by
   * {@code *} of the same length (a key shorter than that is masked whole). For answers as well as errors.
   */
  String mask(String text) {
    if (text == null || secret.length() < 4) {
      return text;
    }
    if (secret.length() < FRAGMENT) {
      return text.replace(secret, "****");
    }
    boolean[] hide = null;
    for (int i = 0; i + FRAGMENT <= text.length(); i++) {
      if (fragments.contains(text.substring(i, i + FRAGMENT))) {
        if (hide == null) {
          hide = new boolean[text.length()];
        }
        java.util.Arrays.fill(hide, i, i + FRAGMENT, true);
      }
    }
    if (hide == null) {
      return text;
    }
    StringBuilder sb = new StringBuilder(text);
    for (int i = 0; i < hide.length; i++) {
      if (hide[i]) {
        sb.setCharAt(i, '*');
      }
    }
    return sb.toString();
  }

  /** The request id the provider sent in headers, or empty. */
  static String requestId(Response r) {
    for (String h : new String[] {"x-request-id", "request-id", "x-dashscope-request-id", "openai-request-id"}) {
      String v = r.header(h);
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    return "";
  }

  private static final long MAX_ERROR_BODY = 64 * 1024;

  /** Maps a non-2xx response (whose body is read here, at most 64 KiB of it). */
  LlmException fromResponse(Response r, Duration retryAfter) {
    String body;
    try {
      // An error body is for a message: read a bounded prefix, never a whole hostile body.
      if (r.body() == null) {
        body = "";
      } else {
        okio.BufferedSource source = r.body().source();
        source.request(MAX_ERROR_BODY);
        body = source.getBuffer().readUtf8(Math.min(source.getBuffer().size(), MAX_ERROR_BODY));
      }
    } catch (IOException e) {
      body = "";
    }
    String message = body;
    String code = "";
    String requestId = requestId(r);
    try {
      JsonNode root = JSON.readTree(body);
      if (root != null && root.isObject()) {
        JsonNode err = root.has("error") && root.get("error").isObject() ? root.get("error") : root;
        if (err.hasNonNull("message")) {
          message = err.get("message").asText();
        }
        if (err.hasNonNull("code")) {
          code = err.get("code").asText();
        } else if (err.hasNonNull("type")) {
          code = err.get("type").asText();
        }
        if (requestId.isEmpty() && root.hasNonNull("request_id")) {
          requestId = root.get("request_id").asText();
        }
      }
    } catch (IOException notJson) {
      // keep the raw text
    }
    int status = r.code();
    String text = "HTTP " + status + (code.isEmpty() ? "" : " (" + scrub(code) + ")") + ": " + scrub(message)
        + (requestId.isEmpty() ? "" : " [request " + requestId + "]");
    if (status == 401 || status == 403) {
      return new AuthenticationException(text, status, scrub(code), requestId, null);
    }
    if (status == 429) {
      return new RateLimitedException(text, status, scrub(code), requestId, retryAfter);
    }
    if (status == 408) {
      return new LlmTimeoutException(text, null);
    }
    if (status >= 500 || status == 409) {
      return new ProviderException(text, status, scrub(code), requestId, null);
    }
    return new BadRequestException(text, status, scrub(code), requestId, null);
  }

  /** Maps a transport failure after the retries allowed. */
  LlmException fromIo(IOException e, String what) {
    if (e instanceof InterruptedIOException) {
      return new LlmTimeoutException(what + " timed out (" + scrub(e.getMessage()) + "): the whole-call deadline "
          + "(callTimeout, ChatRequest.timeout or LIVECOMMERCE_LLM_TIMEOUT_SECONDS) or a connect or read timeout "
          + "passed", e);
    }
    return new ProviderException(what + " failed: " + e.getClass().getSimpleName() + ": " + scrub(e.getMessage()),
        0, "", "", e);
  }
}
