/**
 * Service-provider interfaces through which optional modules supply defaults to
 * {@link io.livecommerce.LiveCommerce}. Application code rarely needs them.
 */
package io.livecommerce.spi;
