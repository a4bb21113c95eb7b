package io.livecommerce.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.livecommerce.llm.internal.ConcurrencyLimitInterceptor;
import io.livecommerce.llm.internal.LoggingInterceptor;
import io.livecommerce.llm.internal.RedirectInterceptor;
import io.livecommerce.llm.internal.RetryInterceptor;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSource;

/**
 * The HTTP side shared by {@link ChatClient}, {@link FineTuningClient} and {@link HttpTextEmbedder}: the OkHttp
 * client with our interceptor stack, the base URL, the key in the {@code Authorization} header only, the size limit
 * on responses, and the mapping of failures to typed {@link LlmException}s. Package-private: the exceptions it makes
 * are public types of this package, which {@code llm.internal} may not depend on (no package cycle).
 *
 * <p>Thread-safe.
 */
final class HttpTransport {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");

  private final OkHttpClient http;
  private final HttpUrl baseUrl;
  private final String apiKey;
  private final ErrorMapper errors;
  private final RetryInterceptor retry;
  private final long maxResponseBytes;

  /** The settings the builder resolved. */
  record Settings(HttpUrl baseUrl, String apiKey, Duration connectTimeout, Duration readTimeout,
      Duration callTimeout, long maxResponseBytes, int maxAttempts, Duration retryBaseDelay, Duration retryMaxDelay,
      Duration deadline, java.time.Clock clock, Sleeper sleeper, long retrySeed, boolean crossOriginRedirects,
      int maxInFlight, OkHttpClient base) {}

  HttpTransport(Settings s) {
    this.baseUrl = s.baseUrl();
    this.apiKey = s.apiKey();
    this.maxResponseBytes = s.maxResponseBytes();
    this.errors = new ErrorMapper(apiKey);
    this.retry = new RetryInterceptor(s.maxAttempts(), s.retryBaseDelay(), s.retryMaxDelay(), s.deadline(), s.clock(),
        s.sleeper()::sleep, s.retrySeed());
    OkHttpClient.Builder ob = (s.base() != null ? s.base().newBuilder() : new OkHttpClient.Builder())
        .connectTimeout(s.connectTimeout())
        .readTimeout(s.readTimeout())
        .callTimeout(s.callTimeout())
        .retryOnConnectionFailure(false) // ours does it, with backoff
        .followRedirects(false) // ours does it, within the origin unless allowed
        .followSslRedirects(false)
        .dispatcher(new Dispatcher(daemonExecutor()));
    if (s.maxInFlight() > 0) {
      ob.addInterceptor(new ConcurrencyLimitInterceptor(s.maxInFlight()));
    }
    ob.addInterceptor(retry);
    ob.addInterceptor(new LoggingInterceptor());
    ob.addInterceptor(new RedirectInterceptor(s.crossOriginRedirects()));
    this.http = ob.build();
  }

  /** OkHttp's default dispatcher threads are not daemons; ours must never keep the JVM alive. */
  private static ExecutorService daemonExecutor() {
    return Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "livecommerce-llm-dispatcher");
      t.setDaemon(true);
      return t;
    });
  }

  HttpUrl baseUrl() {
    return baseUrl;
  }

  boolean hasKey() {
    return !apiKey.isEmpty();
  }

  ErrorMapper errors() {
    return errors;
  }

  /** A POST of JSON to {@code path} under the base URL, with the key and, if not null, its own deadline. */
  Call newCall(String path, ObjectNode body, Duration timeout) {
    Call call = newCall(path, body);
    if (timeout != null) {
      call.timeout().timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
    return call;
  }

  /** A POST of JSON to {@code path} under the base URL, with the key. */
  Call newCall(String path, ObjectNode body) {
    Request.Builder rb = new Request.Builder().url(url(path).build());
    try {
      rb.post(RequestBody.create(JSON.writeValueAsBytes(body), JSON_TYPE));
    } catch (IOException e) {
      throw new IllegalStateException("cannot serialize the request", e);
    }
    if (!apiKey.isEmpty()) {
      rb.header("Authorization", "Bearer " + apiKey);
    }
    return http.newCall(rb.build());
  }

  /** The URL of {@code path} (slash-separated segments) under the base URL. */
  HttpUrl.Builder url(String path) {
    return baseUrl.newBuilder().addPathSegments(path);
  }

  /** Sends a request built by a sibling client (the key is added); returns a 2xx response or throws the typed error. */
  Response send(Request.Builder rb) throws IOException {
    if (!apiKey.isEmpty()) {
      rb.header("Authorization", "Bearer " + apiKey);
    }
    return checked(http.newCall(rb.build()).execute());
  }

  /** POSTs JSON to {@code path}; returns a 2xx response or throws the typed error. */
  Response execute(String path, ObjectNode body) throws IOException {
    return checked(newCall(path, body).execute());
  }

  /** Returns a 2xx response, or closes it and throws the typed error. */
  Response checked(Response r) {
    if (!r.isSuccessful()) {
      try (r) {
        throw errors.fromResponse(r, r.code() == 429 ? retry.retryAfterFor(r) : null);
      }
    }
    return r;
  }

  /** The body as text, refusing (before reading it) anything over the size limit. */
  String readLimited(Response r, String requestId) throws IOException {
    long declared = r.body().contentLength();
    BufferedSource source = r.body().source();
    if (declared > maxResponseBytes || source.request(maxResponseBytes + 1)) {
      throw tooLarge(requestId, null);
    }
    return source.readUtf8();
  }

  long maxResponseBytes() {
    return maxResponseBytes;
  }

  ResponseTooLargeException tooLarge(String requestId, Throwable cause) {
    return new ResponseTooLargeException("response is larger than maxResponseBytes (" + maxResponseBytes
        + " bytes); nothing more was read", requestId, cause);
  }

  /** The body as a JSON object, or a {@link MalformedResponseException} that never shows the key. */
  JsonNode parse(String body, String requestId) {
    try {
      JsonNode node = JSON.readTree(body);
      if (node == null || !node.isObject()) {
        throw new MalformedResponseException("response is not a JSON object", 200, "", requestId, null);
      }
      return node;
    } catch (IOException e) {
      throw new MalformedResponseException("response is not valid JSON: " + errors.scrub(e.getMessage()),
          200, "", requestId, e);
    }
  }

  /** Releases pooled connections. Idempotent. */
  void close() {
    http.connectionPool().evictAll();
    http.dispatcher().executorService().shutdown();
  }
}
