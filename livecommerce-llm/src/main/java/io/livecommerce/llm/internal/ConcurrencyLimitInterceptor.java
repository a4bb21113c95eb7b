package io.livecommerce.llm.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.Semaphore;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Caps the requests in flight (including their retries). Thread-safe. Placed outside the retry interceptor so a
 * request keeps its permit while it waits to retry.
 */
public final class ConcurrencyLimitInterceptor implements Interceptor {
  private final Semaphore permits;

  /** A limit of {@code max} requests at once. */
  public ConcurrencyLimitInterceptor(int max) {
    this.permits = new Semaphore(max, true);
  }

  /** An estimate of the requests waiting for a slot. */
  public int waiting() {
    return permits.getQueueLength();
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    try {
      permits.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for a request slot");
    }
    boolean handedOff = false;
    try {
      Response response = chain.proceed(chain.request());
      // Streams are read after intercept returns: release when the body is closed.
      Response wrapped = response.newBuilder()
          .body(new ReleasingBody(response.body(), permits))
          .build();
      handedOff = true;
      return wrapped;
    } finally {
      if (!handedOff) {
        permits.release();
      }
    }
  }
}
