/** The runnable demo and the command-line interface ({@link io.livecommerce.examples.Cli}). */
package io.livecommerce.examples;
