/**
 * Pure-Java numerics on plain arrays: vector arithmetic, a flat vector matrix, bounded-heap top-k, and ridge
 * regression with cross-validation. No native code; loops are written for the JIT to vectorize.
 */
package io.livecommerce.math;
