package io.livecommerce.llm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.Test;

class ConcurrencyLimitInterceptorTest {

  @Test
  void atMostOneRequestIsInFlightAndTheOthersWait() throws Exception {
    ConcurrencyLimitInterceptor limit = new ConcurrencyLimitInterceptor(1);
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger maxSeen = new AtomicInteger();
    AtomicInteger arrived = new AtomicInteger();
    CountDownLatch release = new CountDownLatch(1);
    // A fake network: holds every request until released, recording how many are inside at once.
    OkHttpClient client = new OkHttpClient.Builder()
        .addInterceptor(limit)
        .addInterceptor(chain -> {
          int now = inFlight.incrementAndGet();
          maxSeen.accumulateAndGet(now, Math::max);
          arrived.incrementAndGet();
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          inFlight.decrementAndGet();
          return new Response.Builder().request(chain.request()).protocol(Protocol.HTTP_1_1).code(200).message("OK")
              .body(ResponseBody.create("ok", MediaType.get("text/plain"))).build();
        })
        .build();
    List<Thread> threads = new ArrayList<>();
    List<String> bodies = java.util.Collections.synchronizedList(new ArrayList<>());
    for (int i = 0; i < 3; i++) {
      Thread t = new Thread(() -> {
        try (Response r = client.newCall(new Request.Builder().url("http://localhost/x").build()).execute()) {
          bodies.add(r.body().string());
        } catch (java.io.IOException e) {
          bodies.add("failed: " + e);
        }
      });
      t.start();
      threads.add(t);
    }
    // Either two calls queue at the limit (it works) or all three reach the network (it does not).
    while (!(arrived.get() == 1 && limit.waiting() == 2) && arrived.get() < 3) {
      Thread.onSpinWait();
    }
    assertEquals(1, arrived.get(), "only one request reached the network");
    release.countDown();
    for (Thread t : threads) {
      t.join();
    }
    assertEquals(1, maxSeen.get());
    assertEquals(List.of("ok", "ok", "ok"), List.copyOf(bodies));
    assertEquals(0, limit.waiting());
  }
}
