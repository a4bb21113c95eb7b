/**
 * Service-provider interfaces through which optional modules supply defaults to
 * {@link io.livecommerce.facade.LiveCommerce}. Application code rarely needs them.
 */
package io.livecommerce.spi;
