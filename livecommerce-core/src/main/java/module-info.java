/**
 * The SDK's core: domain, the five interfaces, recommenders, regression, evaluation, compliance and model files.
 * Every package is API except {@code io.livecommerce.internal}, which only this SDK's own modules may read.
 */
// Qualified exports name our own modules, absent while core compiles; icu4j is an automatic module.
@SuppressWarnings({"module", "requires-automatic"})
module io.livecommerce.core {
  requires transitive org.slf4j;
  requires com.fasterxml.jackson.databind;
  requires com.ibm.icu;
  requires org.apache.lucene.core;

  exports io.livecommerce;
  exports io.livecommerce.compliance;
  exports io.livecommerce.domain;
  exports io.livecommerce.embed;
  exports io.livecommerce.eval;
  exports io.livecommerce.facade;
  exports io.livecommerce.math;
  exports io.livecommerce.persist;
  exports io.livecommerce.recommend;
  exports io.livecommerce.regress;
  exports io.livecommerce.script;
  exports io.livecommerce.selection;
  exports io.livecommerce.spi;
  exports io.livecommerce.internal to
      io.livecommerce.embedding,
      io.livecommerce.llm,
      io.livecommerce.llm.local,
      io.livecommerce.xgboost,
      io.livecommerce.spark, // automatic modules, by their Automatic-Module-Name
      io.livecommerce.examples;

  uses io.livecommerce.spi.TextEmbedderProvider;
  uses io.livecommerce.spi.ScriptGeneratorProvider;
}
