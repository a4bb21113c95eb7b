package io.livecommerce.script;

/**
 * Writes a live-selling script for a request.
 *
 * <p>Implementations are thread-safe unless their Javadoc says otherwise.
 */
public interface ScriptGenerator {

  /**
   * Generates a script.
   *
   * @param request what to sell, who speaks, to whom, and for how long; not null
   * @return the script, segments in speaking order
   * @throws IllegalArgumentException if {@code request} is null
   * @throws ScriptGenerationException if the generator could not produce a valid script
   */
  LiveScript generate(ScriptRequest request);
}
