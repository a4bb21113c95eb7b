package io.livecommerce.recommend;

import io.livecommerce.ProgressListener;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The one batch path of the recommenders: a function of each key on a pool of {@code threads}, progress reported
 * in order of completion under a lock, results in the order of the keys. Stateless and thread-safe; each call makes
 * and shuts down its own pool, so nothing keeps the JVM alive.
 */
final class BatchRecommend {

  private BatchRecommend() {}

  static <K, R> Map<K, R> each(List<K> keys, int threads, ProgressListener listener, Function<K, R> one) {
    Map<K, R> out = new ConcurrentHashMap<>();
    AtomicLong done = new AtomicLong();
    Object lock = new Object();
    ForkJoinPool pool = new ForkJoinPool(threads);
    try {
      pool.submit(() -> keys.parallelStream().forEach(key -> {
        out.put(key, one.apply(key));
        synchronized (lock) {
          listener.onProgress(done.incrementAndGet(), keys.size());
        }
      })).join();
    } finally {
      pool.shutdown();
    }
    Map<K, R> ordered = new LinkedHashMap<>();
    for (K key : keys) {
      ordered.put(key, out.get(key));
    }
    return ordered;
  }
}
