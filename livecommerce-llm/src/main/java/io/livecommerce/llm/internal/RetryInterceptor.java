package io.livecommerce.llm.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Random;
import okhttp3.Interceptor;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries connection failures and 408, 409, 429 and 5xx answers with exponential backoff and full jitter, honouring
 * {@code Retry-After} (seconds or an HTTP date) and {@code retry-after-ms}, capped, within a maximum number of
 * attempts and an overall deadline. Timeouts are not retried (the caller's budget is spent). Time and waiting go
 * through the injected clock and sleeper. Thread-safe; the jitter source is seeded and shared under a lock.
 */
public final class RetryInterceptor implements Interceptor {

  private static final Logger LOG = LoggerFactory.getLogger(RetryInterceptor.class);

  private final int maxAttempts;
  private final Duration baseDelay;
  private final Duration maxDelay;
  private final Duration deadline;
  private final Clock clock;
  private final Pause sleeper;
  private final Random jitter;

  /** Creates the interceptor. */
  public RetryInterceptor(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration deadline, Clock clock,
      Pause sleeper, long seed) {
    this.maxAttempts = maxAttempts;
    this.baseDelay = baseDelay;
    this.maxDelay = maxDelay;
    this.deadline = deadline;
    this.clock = clock;
    this.sleeper = sleeper;
    this.jitter = new Random(seed);
  }

  /**
   * Tags a request that must not run twice (creating a paid job): it is retried only when the server said it did
   * not take it (429) or the connection was never made, never after a 5xx or a connection that broke mid-request.
   */
  public enum NotIdempotent {
    /** The tag. */
    INSTANCE
  }

  /** Whether an HTTP status is worth retrying. */
  public static boolean retryable(int code) {
    return code == 408 || code == 409 || code == 429 || code >= 500;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    long start = clock.millis();
    long end = start + deadline.toMillis();
    // The call's own timeout (callTimeout, a request's timeout, LIVECOMMERCE_LLM_TIMEOUT_SECONDS) bounds the whole
    // call, waits included: OkHttp cancels the call when it passes, but cannot cut short a wait in here.
    long callMillis = java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(chain.call().timeout().timeoutNanos());
    if (callMillis > 0) {
      end = Math.min(end, start + callMillis);
    }
    boolean once = chain.request().tag(NotIdempotent.class) != null;
    for (int attempt = 1; ; attempt++) {
      Response response;
      try {
        response = chain.proceed(chain.request());
      } catch (InterruptedIOException | RedirectInterceptor.RedirectRefusedException e) {
        throw e; // a timeout or cancellation (the budget is spent), or a redirect we must not follow
      } catch (IOException e) {
        if (attempt >= maxAttempts || chain.call().isCanceled() || (once && !neverConnected(e))) {
          throw e;
        }
        Duration wait = backoff(attempt);
        if (clock.millis() + wait.toMillis() > end) {
          throw e;
        }
        LOG.debug("attempt {} failed ({}); retrying in {} ms", attempt, e.getClass().getSimpleName(),
            wait.toMillis());
        pause(wait);
        continue;
      }
      if (!retryable(response.code()) || (once && response.code() != 429) || attempt >= maxAttempts
          || chain.call().isCanceled()) {
        return response;
      }
      Duration asked = retryAfter(response);
      Duration wait = asked != null ? min(asked, maxDelay) : backoff(attempt);
      if (clock.millis() + wait.toMillis() > end) {
        return response; // the caller maps it to a typed error, with the Retry-After seen
      }
      LOG.debug("attempt {} got HTTP {}; retrying in {} ms", attempt, response.code(), wait.toMillis());
      response.close();
      pause(wait);
    }
  }

  /** A failure before any byte of the request could reach the server. */
  private static boolean neverConnected(IOException e) {
    return e instanceof java.net.ConnectException || e instanceof java.net.UnknownHostException
        || e instanceof java.net.NoRouteToHostException;
  }

  private void pause(Duration wait) throws InterruptedIOException {
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      InterruptedIOException io = new InterruptedIOException("interrupted while waiting to retry");
      io.initCause(e);
      throw io;
    }
  }

  /** Full jitter: uniform in [0, min(max, base·2^(attempt-1))]. */
  Duration backoff(int attempt) {
    long cap = Math.min(maxDelay.toMillis(), baseDelay.toMillis() << Math.min(attempt - 1, 30));
    synchronized (jitter) {
      return Duration.ofMillis(cap <= 0 ? 0 : (long) (jitter.nextDouble() * (cap + 1)));
    }
  }

  /** The wait the server asked for, or null. */
  public Duration retryAfterFor(Response response) {
    Duration d = retryAfter(response);
    return d == null ? null : min(d, maxDelay);
  }

  Duration retryAfter(Response response) {
    String ms = response.header("retry-after-ms");
    if (ms != null) {
      try {
        return Duration.ofMillis(Math.max(0, (long) Double.parseDouble(ms.trim())));
      } catch (NumberFormatException ignored) {
        // fall through to Retry-After
      }
    }
    String value = response.header("Retry-After");
    if (value == null) {
      return null;
    }
    try {
      return Duration.ofMillis(Math.max(0, (long) (Double.parseDouble(value.trim()) * 1000)));
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
        return Duration.ofMillis(Math.max(0, at.toInstant().toEpochMilli() - clock.millis()));
      } catch (DateTimeParseException notDate) {
        return null;
      }
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  /** How the interceptor waits between attempts (the client's {@code Sleeper}). */
  @FunctionalInterface
  public interface Pause {
    void sleep(java.time.Duration duration) throws InterruptedException;
  }
}
