/** Self-contained HTML reports with SVG charts, for the CLI's {@code --report} option. */
package io.livecommerce.examples.report;
