/** CSV reading and writing with errors that name the file, line and column. */
package io.livecommerce.examples.csv;
