/** Boosted trees grown by XGBoost for the tabular regression; the trees are evaluated by core. */
@SuppressWarnings("requires-automatic") // XGBoost4J is an automatic module
module io.livecommerce.xgboost {
  requires transitive io.livecommerce.core;
  requires ml.dmlc.xgboost4j;
  requires com.fasterxml.jackson.databind;

  exports io.livecommerce.xgboost;
}
