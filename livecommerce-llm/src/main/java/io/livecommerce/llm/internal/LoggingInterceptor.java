package io.livecommerce.llm.internal;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs each attempt's method, path, status and time at DEBUG. Never logs headers or bodies, so neither the API key
 * nor the user's text reaches the logs. Thread-safe.
 */
public final class LoggingInterceptor implements Interceptor {
  private static final Logger LOG = LoggerFactory.getLogger("io.livecommerce.llm.http");

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    long start = System.nanoTime();
    try {
      Response response = chain.proceed(request);
      LOG.debug("{} {} -> {} in {} ms", request.method(), request.url().encodedPath(), response.code(),
          (System.nanoTime() - start) / 1_000_000);
      return response;
    } catch (IOException e) {
      LOG.debug("{} {} -> {} after {} ms", request.method(), request.url().encodedPath(),
          e.getClass().getSimpleName(), (System.nanoTime() - start) / 1_000_000);
      throw e;
    }
  }
}
