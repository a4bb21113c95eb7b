/**
 * Domain values of live-stream e-commerce: anchors, live rooms (sessions), products, promotions, viewers, and the
 * logs platforms keep of them (watch events, sales, promotion outcomes).
 *
 * <p>Every type is an immutable record whose constructor validates its components and throws
 * {@link java.lang.IllegalArgumentException} naming the component and value. Times are epoch milliseconds, money is
 * in minor currency units (分).
 */
package io.livecommerce.domain;
