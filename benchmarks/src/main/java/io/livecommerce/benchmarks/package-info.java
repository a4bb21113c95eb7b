/** JMH benchmarks of the SDK. Run them with {@code benchmarks/run.sh NAME}. */
package io.livecommerce.benchmarks;
