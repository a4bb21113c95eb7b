/** A local chat model: GGUF files run in-process (or in a child JVM) by llama.cpp, offline. */
@SuppressWarnings("requires-automatic") // java-llama.cpp is an automatic module
module io.livecommerce.llm.local {
  requires transitive io.livecommerce.llm;
  requires llama;
  requires com.fasterxml.jackson.databind;
  requires org.slf4j;

  exports io.livecommerce.llm.local;

  provides io.livecommerce.spi.ScriptGeneratorProvider with io.livecommerce.llm.local.LocalScriptGeneratorProvider;
}
