/** Implementation details of the embedding module; not public API. */
package io.livecommerce.embedding.internal;
