package io.livecommerce.recommend;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * In-session state of every viewer seen since training, bounded in count and in age: a session whose last event is
 * older than the time to live (measured against the newest event seen, so a replay of old data expires as live
 * traffic would) is dropped, and past {@code maxViewers} the sessions idle longest go first.
 *
 * <p>Thread-safe: a concurrent map of sessions, each with its own lock; the sweep that enforces the bounds runs on
 * the thread whose event crosses them and holds no lock that a request takes.
 */
final class ViewerSessions {

  private final long ttlMillis;
  private final int maxViewers;
  private final int maxAnchorsPerViewer;
  private final ConcurrentHashMap<String, ViewerSession> sessions = new ConcurrentHashMap<>();
  private final AtomicLong newest = new AtomicLong();
  private final Object sweepLock = new Object();

  ViewerSessions(long ttlMillis, int maxViewers, int maxAnchorsPerViewer) {
    this.ttlMillis = ttlMillis;
    this.maxViewers = maxViewers;
    this.maxAnchorsPerViewer = maxAnchorsPerViewer;
  }

  /** The session of {@code viewer}, made when missing. */
  ViewerSession open(String viewer, long atMillis) {
    newest.accumulateAndGet(atMillis, Math::max);
    ViewerSession s = sessions.computeIfAbsent(viewer, v -> new ViewerSession(maxAnchorsPerViewer));
    if (sessions.size() > maxViewers) {
      sweep();
    }
    return s;
  }

  /** The live session of {@code viewer} as seen at {@code atMillis}, or null. */
  ViewerSession.View view(String viewer, long atMillis) {
    ViewerSession s = sessions.get(viewer);
    if (s == null) {
      return null;
    }
    ViewerSession.View v = s.view();
    return atMillis - v.lastEventMillis() > ttlMillis ? null : v;
  }

  int size() {
    return sessions.size();
  }

  /** Drops expired sessions, then the longest idle until at most 90% of the bound remain. */
  private void sweep() {
    synchronized (sweepLock) {
      if (sessions.size() <= maxViewers) {
        return;
      }
      long cutoff = newest.get() - ttlMillis;
      sessions.entrySet().removeIf(e -> e.getValue().lastEventMillis() < cutoff);
      int excess = sessions.size() - (int) (maxViewers * 0.9);
      if (excess <= 0) {
        return;
      }
      List<Map.Entry<String, Long>> idle = new ArrayList<>(sessions.size());
      sessions.forEach((k, s) -> idle.add(Map.entry(k, s.lastEventMillis())));
      idle.sort(Map.Entry.comparingByValue());
      for (int i = 0; i < excess && i < idle.size(); i++) {
        sessions.remove(idle.get(i).getKey());
      }
    }
  }
}
