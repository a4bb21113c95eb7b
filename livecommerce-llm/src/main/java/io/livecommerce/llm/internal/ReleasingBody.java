package io.livecommerce.llm.internal;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.MediaType;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;

/** A response body that releases a permit once, when closed or fully read. */
final class ReleasingBody extends ResponseBody {
  private final ResponseBody delegate;
  private final BufferedSource source;

  ReleasingBody(ResponseBody delegate, Semaphore permits) {
    this.delegate = delegate;
    AtomicBoolean released = new AtomicBoolean();
    Runnable release = () -> {
      if (released.compareAndSet(false, true)) {
        permits.release();
      }
    };
    this.source = Okio.buffer(new ForwardingSource(delegate.source()) {
      @Override
      public long read(Buffer sink, long byteCount) throws java.io.IOException {
        long n = super.read(sink, byteCount);
        if (n == -1) {
          release.run();
        }
        return n;
      }

      @Override
      public void close() throws java.io.IOException {
        try {
          super.close();
        } finally {
          release.run();
        }
      }
    });
  }

  @Override
  public MediaType contentType() {
    return delegate.contentType();
  }

  @Override
  public long contentLength() {
    return delegate.contentLength();
  }

  @Override
  public BufferedSource source() {
    return source;
  }
}
