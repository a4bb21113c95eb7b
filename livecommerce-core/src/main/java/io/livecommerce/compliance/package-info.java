/**
 * Advertising-law compliance (广告法) for live-selling text ({@link io.livecommerce.compliance.ComplianceChecker}) and
 * PII redaction before text leaves the process ({@link io.livecommerce.compliance.PiiRedactor}).
 */
package io.livecommerce.compliance;
