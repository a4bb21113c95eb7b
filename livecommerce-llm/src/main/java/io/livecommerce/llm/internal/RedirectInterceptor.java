package io.livecommerce.llm.internal;

import java.io.IOException;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Follows redirects only within the origin (scheme, host and port) of the request, so a prompt, which holds product
 * plans and prices, is never re-sent to a server the caller did not name: OkHttp's own following (switched off by
 * the client) drops the key on a cross-host redirect but re-sends a 307's whole body. A redirect elsewhere ends the
 * call with {@link RedirectRefusedException}, unless the client allows it. 307 and 308 keep method and body; 301,
 * 302 and 303 become a GET without body, as OkHttp does. At most 5 hops.
 *
 * <p>Stateless and thread-safe.
 */
public final class RedirectInterceptor implements Interceptor {

  private static final int MAX_HOPS = 5;
  private final boolean crossOrigin;

  /** Follows same-origin redirects; others only when {@code crossOrigin}. */
  public RedirectInterceptor(boolean crossOrigin) {
    this.crossOrigin = crossOrigin;
  }

  /** A redirect the client was not allowed to follow; not retried. */
  public static final class RedirectRefusedException extends IOException {
    RedirectRefusedException(String message) {
      super(message);
    }
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    Response response = chain.proceed(request);
    for (int hop = 0; isRedirect(response.code()); hop++) {
      String location = response.header("Location");
      HttpUrl to = location == null ? null : response.request().url().resolve(location);
      if (to == null) {
        return response; // nothing to follow: the caller maps the 3xx
      }
      HttpUrl from = request.url();
      boolean same = to.scheme().equals(from.scheme()) && to.host().equals(from.host()) && to.port() == from.port();
      if (!same && !crossOrigin) {
        response.close();
        throw new RedirectRefusedException("the server redirected (HTTP " + response.code() + ") from "
            + from.scheme() + "://" + from.host() + ":" + from.port() + " to another origin, " + to.scheme() + "://"
            + to.host() + ":" + to.port() + "; the request was not sent there (allow it with "
            + "ChatClient.Builder.crossOriginRedirects(true))");
      }
      if (hop >= MAX_HOPS) {
        response.close();
        throw new RedirectRefusedException("more than " + MAX_HOPS + " redirects, the last to " + to.host());
      }
      int code = response.code();
      response.close();
      Request.Builder next = request.newBuilder().url(to);
      if (code != 307 && code != 308 && !request.method().equals("GET") && !request.method().equals("HEAD")) {
        next.method("GET", null).removeHeader("Content-Type").removeHeader("Content-Length");
      }
      if (!same) {
        next.removeHeader("Authorization"); // never the key to another origin, even when following
      }
      request = next.build();
      response = chain.proceed(request);
    }
    return response;
  }

  private static boolean isRedirect(int code) {
    return code == 301 || code == 302 || code == 303 || code == 307 || code == 308;
  }
}
