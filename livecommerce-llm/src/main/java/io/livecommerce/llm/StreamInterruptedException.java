package io.livecommerce.llm;

/** A streamed answer ended before the provider finished it; the text received so far is kept. Immutable and thread-safe. */
public class StreamInterruptedException extends LlmException {
  private final String partialText;

  /** Creates the exception. */
  public StreamInterruptedException(String message, String partialText, String requestId, Throwable cause) {
    super(message, 0, "", requestId, cause);
    this.partialText = partialText == null ? "" : partialText;
  }

  /** The text received before the stream ended. */
  public String partialText() {
    return partialText;
  }
}
