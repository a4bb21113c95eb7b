/** The runnable demo and the command-line interface ({@link io.livecommerce.examples.cli.Cli}). */
package io.livecommerce.examples;
