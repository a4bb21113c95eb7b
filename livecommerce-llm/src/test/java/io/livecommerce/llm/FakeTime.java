package io.livecommerce.llm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A clock that only moves when the sleeper "sleeps": tests see every wait and never wait. */
final class FakeTime extends Clock implements Sleeper {
  final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  private volatile long millis;

  FakeTime(long startMillis) {
    this.millis = startMillis;
  }

  @Override
  public void sleep(Duration d) {
    sleeps.add(d);
    millis += d.toMillis();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(millis);
  }
}
