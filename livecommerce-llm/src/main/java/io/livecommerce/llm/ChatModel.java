package io.livecommerce.llm;

/**
 * A chat model: messages in, an answer out, plain or streamed, optionally constrained to a JSON schema through
 * {@link ChatRequest#responseFormat()}. {@link ChatClient} talks to OpenAI-compatible APIs; other backends (a local
 * llama.cpp model in {@code livecommerce-llm-local}) implement the same interface, so {@code LlmScriptGenerator} and
 * any other caller work with either.
 *
 * <p>Implementations state their own thread-safety; both the SDK's are safe for concurrent use.
 */
public interface ChatModel extends AutoCloseable {

  /** The model's name as the backend knows it (a model id, or a local file's name). */
  String model();

  /**
   * Answers a request and waits for the whole answer.
   *
   * @throws IllegalArgumentException if {@code request} is null
   * @throws LlmException (a subclass saying what failed) if the backend fails
   */
  ChatResponse chat(ChatRequest request);

  /**
   * Answers a request, passing each piece of text to {@code listener} as it is produced, and returns the whole
   * answer, equal to the pieces joined.
   *
   * @throws IllegalArgumentException if an argument is null
   * @throws LlmException (a subclass saying what failed) if the backend fails
   */
  ChatResponse stream(ChatRequest request, StreamListener listener);

  /** Releases what the model holds (connections, native memory); later calls fail. */
  @Override
  void close();
}
