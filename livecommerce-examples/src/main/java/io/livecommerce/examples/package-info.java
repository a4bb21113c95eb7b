/** Runnable demo and command-line interface. */
package io.livecommerce.examples;
