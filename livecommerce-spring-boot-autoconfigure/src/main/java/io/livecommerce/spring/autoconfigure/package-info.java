/**
 * Spring Boot auto-configuration for livecommerce: see {@link
 * io.livecommerce.spring.autoconfigure.LiveCommerceProperties} for the {@code livecommerce.*} keys.
 */
package io.livecommerce.spring.autoconfigure;
