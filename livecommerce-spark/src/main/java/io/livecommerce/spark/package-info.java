/**
 * Scale-out on Apache Spark: {@link io.livecommerce.spark.SparkEmbedding} embeds a text column on the executors,
 * {@link io.livecommerce.spark.SparkImplicitTrainer} trains the recommender's factors with Spark MLlib's implicit
 * ALS, and {@link io.livecommerce.spark.SparkTabularTrainer} fits the selection regression from sums aggregated over
 * the partitions. The results are the same {@link io.livecommerce.recommend.ImplicitModel} and
 * {@link io.livecommerce.regress.TabularModel} (and model files) the in-process trainers make, served in-process
 * without Spark. {@link io.livecommerce.spark.Jobs} runs them from {@code spark-submit}.
 */
package io.livecommerce.spark;
