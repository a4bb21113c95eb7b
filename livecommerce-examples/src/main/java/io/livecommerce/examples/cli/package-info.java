/**
 * The CLI's subcommands, one class each, and the options and file rules they share (encodings, inputs that an
 * output may never replace, atomic writes, exit codes). The entry point is {@link io.livecommerce.examples.cli.Cli}.
 */
package io.livecommerce.examples.cli;
