/**
 * Boosted trees grown by XGBoost for {@link io.livecommerce.regress.TabularRegressor}: {@link
 * io.livecommerce.xgboost.XGBoostTreeLearner} is a {@link io.livecommerce.regress.TreeLearner}. Only training needs
 * this module and XGBoost's natives; the trees it returns are core's {@link io.livecommerce.regress.TreeEnsemble}, so
 * a saved model predicts and explains (TreeSHAP) with core alone.
 */
package io.livecommerce.xgboost;
