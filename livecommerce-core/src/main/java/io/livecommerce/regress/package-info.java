/**
 * Regression on tables with text, numeric and categorical columns: the machinery shared by product selection and
 * promotion ranking, and usable on any table ({@link io.livecommerce.regress.TabularRegressor}).
 */
package io.livecommerce.regress;
