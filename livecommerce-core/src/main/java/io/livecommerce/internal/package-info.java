/**
 * Implementation details shared by the SDK's modules. Nothing here is public API; it may change in any release.
 */
package io.livecommerce.internal;
