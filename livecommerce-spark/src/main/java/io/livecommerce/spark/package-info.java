/**
 * Scale-out on Apache Spark: {@link io.livecommerce.spark.SparkEmbedding} embeds a text column on the executors and
 * {@link io.livecommerce.spark.SparkImplicitTrainer} trains the recommender's factors with Spark MLlib's implicit
 * ALS; the result is the same {@link io.livecommerce.recommend.ImplicitModel} (and model file) the in-process
 * recommender makes, served in-process without Spark.
 */
package io.livecommerce.spark;
