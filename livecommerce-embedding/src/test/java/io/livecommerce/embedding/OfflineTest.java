package io.livecommerce.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Loading and using the embedder opens no network connection. Surefire runs each test class of this module in a
 * fresh JVM, so DJL initializes here, under the recording proxy selector.
 */
class OfflineTest {

  /** Records every destination the JDK asks a proxy for: plain sockets and URL connections both ask. */
  static final class RecordingSelector extends ProxySelector {
    final List<URI> seen = new CopyOnWriteArrayList<>();

    @Override
    public List<Proxy> select(URI uri) {
      seen.add(uri);
      return List.of(Proxy.NO_PROXY);
    }

    @Override
    public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {}
  }

  @Test
  void noSocketIsOpenedAndDjlIsSwitchedOffline() throws Exception {
    ProxySelector previous = ProxySelector.getDefault();
    RecordingSelector recorder = new RecordingSelector();
    ProxySelector.setDefault(recorder);
    try {
      // Control: the recorder does see a real connection.
      try (ServerSocket server = new ServerSocket(0);
          Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", server.getLocalPort()));
      }
      assertEquals(1, recorder.seen.size(), "control connection recorded: " + recorder.seen);
      recorder.seen.clear();

      try (OnnxTextEmbedder e = OnnxTextEmbedder.bgeSmallZh()) {
        e.embedAll(List.of("补水保湿面霜", "Wireless earbuds"));
      }
      assertEquals(List.of(), recorder.seen, "connections attempted while loading or embedding");
      assertEquals("true", System.getProperty("ai.djl.offline"));
      assertEquals("true", System.getProperty("OPT_OUT_TRACKING"));
    } finally {
      ProxySelector.setDefault(previous);
    }
    assertTrue(recorder.seen.isEmpty());
  }
}
