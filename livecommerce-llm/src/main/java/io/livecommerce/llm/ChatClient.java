package io.livecommerce.llm;

import com.fasterxml.jackson.databind.JsonNode;
import io.livecommerce.compliance.PiiRedactor;
import io.livecommerce.compliance.Redaction;
import io.livecommerce.internal.Checks;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Response;

/**
 * A client for the OpenAI-compatible {@code POST {baseUrl}/chat/completions}, plain or streamed.
 *
 * <pre>{@code
 * ChatClient client = ChatClient.newBuilder().provider(Provider.DEEPSEEK).build(); // key from DEEPSEEK_API_KEY
 * ChatResponse r = client.chat(ChatRequest.newBuilder()
 *     .system("你是直播带货文案助手").user("给保温杯写一句开场白").temperature(0.7).build());
 * client.stream(request, delta -> subtitles.append(delta));
 * }</pre>
 *
 * <p>Resilience is a stack of OkHttp interceptors, not branches in the call path: an optional limit on requests in
 * flight, then retries with exponential backoff and full jitter on connection failures, 408, 409, 429 and 5xx
 * (honouring {@code Retry-After}, capped, within a maximum number of attempts and an overall deadline), then DEBUG
 * logging of method, path, status and time only. Connect and read timeouts apply per attempt; the call timeout
 * (default 5 minutes, per request with {@link ChatRequest.Builder#timeout}) bounds the whole call, retries and
 * streaming included, so a server that trickles one byte at a time cannot hold a caller forever. Responses larger
 * than {@link Builder#maxResponseBytes} (default 8 MiB) are cut off with {@link ResponseTooLargeException}, never
 * read whole into memory. Failures come as typed {@link LlmException}s.
 *
 * <p>Personal data (phone numbers, ID and card numbers, e-mail, addresses) in messages is replaced with placeholders
 * before it leaves the process and restored in the answer; on by default except for local servers.
 *
 * <p>The API key appears only in the {@code Authorization} header: never in logs, exception messages or
 * {@link #toString()}.
 *
 * <p>Thread-safe; share one instance. {@link #close()} releases pooled connections; OkHttp's pool threads are
 * daemons and never keep the JVM alive. {@link #chatAsync} returns a future whose cancellation cancels the call.
 */
public final class ChatClient implements ChatModel {

  private final HttpTransport transport;
  private final String model;
  private final boolean redactPii;
  private final boolean streamUsage;

  private ChatClient(HttpTransport transport, String model, boolean redactPii, boolean streamUsage) {
    this.transport = transport;
    this.model = model;
    this.redactPii = redactPii;
    this.streamUsage = streamUsage;
  }

  private static boolean isLocal(HttpUrl url) {
    String h = url.host();
    return h.equals("localhost") || h.equals("127.0.0.1") || h.equals("::1") || h.equals("[::1]");
  }

  /** A new builder. Set a provider or a base URL. */
  public static Builder newBuilder() {
    return new Builder();
  }

  /**
   * A client configured from {@code LIVECOMMERCE_LLM_BASE_URL}, {@code LIVECOMMERCE_LLM_API_KEY},
   * {@code LIVECOMMERCE_LLM_MODEL} and optionally {@code LIVECOMMERCE_LLM_TIMEOUT_SECONDS} (the whole-call deadline),
   * or empty when the base URL is not set.
   *
   * @throws IllegalArgumentException if the base URL is set but the model is not, or a value is invalid; the message
   *     names the variable
   */
  public static Optional<ChatClient> fromEnvironment() {
    return fromEnvironment(System::getenv);
  }

  /** As {@link #fromEnvironment()}, reading variables through {@code env} (for tests). */
  public static Optional<ChatClient> fromEnvironment(Function<String, String> env) {
    String url = env.apply(LlmEnvironment.BASE_URL);
    if (url == null || url.isBlank()) {
      return Optional.empty();
    }
    Builder b = newBuilder();
    try {
      b.baseUrl(url);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(LlmEnvironment.BASE_URL + " " + Checks.quote(url)
          + " is not an http(s) URL");
    }
    String key = env.apply(LlmEnvironment.API_KEY);
    if (key != null && !key.isBlank()) {
      b.apiKey(key);
    }
    String m = env.apply(LlmEnvironment.MODEL);
    if (m == null || m.isBlank()) {
      throw new IllegalArgumentException(LlmEnvironment.BASE_URL + " is set but " + LlmEnvironment.MODEL
          + " is not: set it to the model name the server expects (e.g. deepseek-chat, qwen-plus, qwen2.5:7b)");
    }
    b.model(m);
    LlmEnvironment.timeout(env).ifPresent(b::callTimeout);
    return Optional.of(b.build());
  }

  /** The default model. */
  public String model() {
    return model;
  }

  /** The HTTP side, shared with this package's other clients. */
  HttpTransport transport() {
    return transport;
  }

  /**
   * Sends a request and waits for the whole answer.
   *
   * @throws LlmException (a subclass saying what failed) after the retries allowed
   */
  public ChatResponse chat(ChatRequest request) {
    Checks.notNull(request, "request");
    List<Redaction> redacted = redact(request);
    Call call = transport.newCall("chat/completions", ChatBodies.body(request, model, redacted, false, streamUsage),
        request.timeout());
    try (Response r = transport.checked(call.execute())) {
      return completion(r, restorer(redacted));
    } catch (IOException e) {
      throw transport.errors().fromIo(e, "chat request");
    }
  }

  /**
   * Sends a request without blocking. Cancelling the future cancels the HTTP call and no further attempt starts;
   * the future fails with the same typed {@link LlmException}s as {@link #chat}. Callbacks run on daemon threads.
   */
  public CompletableFuture<ChatResponse> chatAsync(ChatRequest request) {
    Checks.notNull(request, "request");
    List<Redaction> redacted = redact(request);
    Redaction redaction = restorer(redacted);
    Call call = transport.newCall("chat/completions", ChatBodies.body(request, model, redacted, false, streamUsage),
        request.timeout());
    CompletableFuture<ChatResponse> future = new CompletableFuture<>();
    future.whenComplete((r, e) -> {
      if (future.isCancelled()) {
        call.cancel();
      }
    });
    call.enqueue(new Callback() {
      @Override
      public void onResponse(Call c, Response response) {
        try (Response r = transport.checked(response)) {
          future.complete(completion(r, redaction));
        } catch (IOException e) {
          future.completeExceptionally(transport.errors().fromIo(e, "chat request"));
        } catch (RuntimeException e) {
          future.completeExceptionally(e);
        }
      }

      @Override
      public void onFailure(Call c, IOException e) {
        future.completeExceptionally(transport.errors().fromIo(e, "chat request"));
      }
    });
    return future;
  }

  private ChatResponse completion(Response r, Redaction redaction) throws IOException {
    String requestId = ErrorMapper.requestId(r);
    JsonNode root = transport.parse(transport.readLimited(r, requestId), requestId);
    JsonNode choice = root.path("choices").path(0);
    JsonNode content = choice.path("message").path("content");
    if (!content.isTextual()) {
      throw new MalformedResponseException("response has no choices[0].message.content", r.code(), "",
          requestId, null);
    }
    // A server that echoes the key (or part of it) into an answer must not hand it to the caller's logs.
    String text = transport.errors().mask(redaction == null ? content.asText() : redaction.restore(content.asText()));
    return new ChatResponse(text, choice.path("finish_reason").asText(""), ChatBodies.usage(root.get("usage")),
        root.path("model").asText(model), requestId);
  }

  /**
   * Streams the answer, handing text to {@code listener} as it arrives, and returns the whole answer.
   *
   * @throws StreamInterruptedException if the stream ends before the provider finished (the text so far is kept)
   * @throws LlmException (a subclass saying what failed) for other failures
   */
  public ChatResponse stream(ChatRequest request, StreamListener listener) {
    Checks.notNull(request, "request");
    Checks.notNull(listener, "listener");
    List<Redaction> redacted = redact(request);
    Call call = transport.newCall("chat/completions", ChatBodies.body(request, model, redacted, true, streamUsage),
        request.timeout());
    try (Response r = transport.checked(call.execute())) {
      return new ChatStream(transport, restorer(redacted), listener).read(r, model);
    } catch (IOException e) {
      throw transport.errors().fromIo(e, "chat stream");
    }
  }

  /** What restores the answer: any message's redaction holds the whole conversation's originals. */
  private static Redaction restorer(List<Redaction> redacted) {
    return redacted == null ? null : redacted.get(0);
  }

  /** Per message, one numbering across the conversation; null when nothing was redacted. */
  private List<Redaction> redact(ChatRequest request) {
    if (!redactPii) {
      return null;
    }
    List<Redaction> r = PiiRedactor.create().redactAll(request.messages().stream().map(ChatMessage::content)
        .toList());
    return r.isEmpty() || !r.get(0).redactedAnything() ? null : r;
  }

  /** Releases pooled connections. Idempotent. */
  @Override
  public void close() {
    transport.close();
  }

  @Override
  public String toString() {
    return "ChatClient{baseUrl=" + transport.baseUrl() + ", model=" + model + ", apiKey="
        + (transport.hasKey() ? "****" : "none") + ", redactPii=" + redactPii + "}";
  }

  /** Builds a {@link ChatClient}. Not thread-safe. Its {@link #toString()} never shows the key. */
  public static final class Builder {
    private Provider provider;
    private HttpUrl baseUrl;
    private String apiKey;
    private String model;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(60);
    private Duration callTimeout = Duration.ofMinutes(5);
    private long maxResponseBytes = 8L << 20;
    private int maxAttempts = 4;
    private Duration retryBaseDelay = Duration.ofMillis(500);
    private Duration retryMaxDelay = Duration.ofSeconds(30);
    private Duration deadline = Duration.ofMinutes(3);
    private boolean crossOriginRedirects;
    private int maxInFlight;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.SYSTEM;
    private long retrySeed;
    private Boolean redactPii;
    private boolean streamUsage = true;
    private OkHttpClient base;

    private Builder() {}

    /**
     * Uses a provider's base URL and default model, and its key variable from the environment if set, for whatever
     * {@link #baseUrl}, {@link #model} and {@link #apiKey} do not set; the order of the calls does not matter.
     */
    public Builder provider(Provider provider) {
      this.provider = Checks.notNull(provider, "provider");
      return this;
    }

    /** The API base URL, e.g. {@code https://api.deepseek.com/v1}; overrides the provider's. */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = parseUrl(Checks.notBlank(baseUrl, "baseUrl"));
      return this;
    }

    private static HttpUrl parseUrl(String baseUrl) {
      HttpUrl url = HttpUrl.parse(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
      if (url == null) {
        throw new IllegalArgumentException("baseUrl " + Checks.quote(baseUrl) + " is not an http(s) URL");
      }
      return url;
    }

    /** The API key; overrides the provider's variable. Kept out of logs, messages and toString. */
    public Builder apiKey(String apiKey) {
      this.apiKey = Checks.notNull(apiKey, "apiKey").trim();
      return this;
    }

    /**
     * Reads the key from an environment variable.
     *
     * @throws IllegalArgumentException if the variable is not set (the message names the variable, not a value)
     */
    public Builder apiKeyFromEnv(String variable) {
      String key = System.getenv(Checks.notBlank(variable, "variable"));
      if (key == null || key.isBlank()) {
        throw new IllegalArgumentException("environment variable " + variable + " is not set");
      }
      this.apiKey = key.trim();
      return this;
    }

    /** The default model for requests that name none; overrides the provider's. */
    public Builder model(String model) {
      this.model = Checks.notBlank(model, "model");
      return this;
    }

    /** Connect timeout per attempt; default 10 s. */
    public Builder connectTimeout(Duration d) {
      this.connectTimeout = positive(d, "connectTimeout");
      return this;
    }

    /** Read timeout between bytes per attempt (also between streamed chunks); default 60 s. */
    public Builder readTimeout(Duration d) {
      this.readTimeout = positive(d, "readTimeout");
      return this;
    }

    /**
     * The deadline for the whole call: connecting, retries and their waits, and reading the answer, streaming
     * included; default 5 minutes. {@link Duration#ZERO} turns it off (then only the read timeout between bytes
     * applies, which a trickling server never trips). A request can set its own with
     * {@link ChatRequest.Builder#timeout}.
     */
    public Builder callTimeout(Duration d) {
      this.callTimeout = nonNegative(d, "callTimeout");
      return this;
    }

    /** The largest response body read, in bytes, in [1 KiB, 1 GiB]; default 8 MiB. */
    public Builder maxResponseBytes(long bytes) {
      if (bytes < 1024 || bytes > (1L << 30)) {
        throw new IllegalArgumentException("maxResponseBytes must be in [1024, 1073741824] but was " + bytes);
      }
      this.maxResponseBytes = bytes;
      return this;
    }

    /** Attempts in all, in [1, 20]; default 4. */
    public Builder maxAttempts(int n) {
      this.maxAttempts = Checks.inRange(n, 1, 20, "maxAttempts");
      return this;
    }

    /** The first backoff ceiling (doubled each attempt, fully jittered); default 500 ms. */
    public Builder retryBaseDelay(Duration d) {
      this.retryBaseDelay = nonNegative(d, "retryBaseDelay");
      return this;
    }

    /** The cap on any one wait, including a server's Retry-After; default 30 s. */
    public Builder retryMaxDelay(Duration d) {
      this.retryMaxDelay = nonNegative(d, "retryMaxDelay");
      return this;
    }

    /** No retry starts after this much time from the first attempt; default 3 min. */
    public Builder deadline(Duration d) {
      this.deadline = positive(d, "deadline");
      return this;
    }

    /**
     * Whether a redirect to another origin (scheme, host or port) is followed; default false: a prompt is never
     * re-sent to a server the caller did not name, and the call fails saying where it was sent. Redirects within the
     * origin are always followed (at most 5); the key never goes to another origin.
     */
    public Builder crossOriginRedirects(boolean follow) {
      this.crossOriginRedirects = follow;
      return this;
    }

    /** At most this many requests in flight at once (0, the default, for no limit). */
    public Builder maxInFlight(int n) {
      this.maxInFlight = Checks.nonNegative(n, "maxInFlight");
      return this;
    }

    /** The clock for the deadline and HTTP-date Retry-After; default UTC system clock. */
    public Builder clock(Clock clock) {
      this.clock = Checks.notNull(clock, "clock");
      return this;
    }

    /** How to wait between retries; default {@link Sleeper#SYSTEM}. */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Checks.notNull(sleeper, "sleeper");
      return this;
    }

    /** Seeds the backoff jitter; default 0. */
    public Builder retrySeed(long seed) {
      this.retrySeed = seed;
      return this;
    }

    /** Whether personal data is replaced before sending; default on, except for localhost servers. */
    public Builder redactPii(boolean redact) {
      this.redactPii = redact;
      return this;
    }

    /** Whether streamed requests ask for usage in the last chunk ({@code stream_options}); default true. */
    public Builder streamUsage(boolean include) {
      this.streamUsage = include;
      return this;
    }

    /** An OkHttpClient whose connection pool to share; our interceptors and daemon dispatcher go on a copy. */
    public Builder okHttpClient(OkHttpClient base) {
      this.base = Checks.notNull(base, "okHttpClient");
      return this;
    }

    /**
     * Builds the client: explicit settings first, then the provider's.
     *
     * @throws IllegalStateException if no base URL or model was set, or retryBaseDelay exceeds retryMaxDelay
     */
    public ChatClient build() {
      HttpUrl url = baseUrl != null ? baseUrl : provider != null ? parseUrl(provider.baseUrl()) : null;
      if (url == null) {
        throw new IllegalStateException("no base URL: call provider(...) or baseUrl(...)");
      }
      String m = model != null ? model : provider != null ? provider.defaultModel() : "";
      if (m.isEmpty()) {
        throw new IllegalStateException("no model: call provider(...) or model(...)");
      }
      if (retryBaseDelay.compareTo(retryMaxDelay) > 0) {
        throw new IllegalStateException("retryBaseDelay " + retryBaseDelay + " exceeds retryMaxDelay "
            + retryMaxDelay + ": the first wait could never reach its ceiling");
      }
      String key = apiKey;
      if (key == null && provider != null) {
        String env = System.getenv(provider.keyVariable());
        key = env == null || env.isBlank() ? "" : env.trim();
      }
      HttpTransport transport = new HttpTransport(new HttpTransport.Settings(url, key == null ? "" : key,
          connectTimeout, readTimeout, callTimeout, maxResponseBytes, maxAttempts, retryBaseDelay, retryMaxDelay,
          deadline, clock, sleeper, retrySeed, crossOriginRedirects, maxInFlight, base));
      return new ChatClient(transport, m, redactPii != null ? redactPii : !isLocal(url), streamUsage);
    }

    private static Duration positive(Duration d, String name) {
      Checks.notNull(d, name);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be > 0 but was " + d);
      }
      return d;
    }

    private static Duration nonNegative(Duration d, String name) {
      Checks.notNull(d, name);
      if (d.isNegative()) {
        throw new IllegalArgumentException(name + " must be >= 0 but was " + d);
      }
      return d;
    }

    @Override
    public String toString() {
      return "ChatClient.Builder{provider=" + provider + ", baseUrl=" + baseUrl + ", model=" + model + ", apiKey="
          + (apiKey == null || apiKey.isEmpty() ? "none" : "****") + "}";
    }
  }
}
