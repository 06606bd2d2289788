/**
 * Scenario tests for rule packs: scenario files ({@code tests/*.json}) read by {@link org.factlint.testing.ScenarioFiles},
 * run with rule coverage by {@link org.factlint.testing.ScenarioRunner}, and offered to JUnit 5 by
 * {@link org.factlint.testing.Scenarios} (which needs {@code junit-jupiter-api} on the classpath; nothing else here
 * does).
 */
package org.factlint.testing;
