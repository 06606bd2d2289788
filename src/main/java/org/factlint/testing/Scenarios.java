package org.factlint.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.factlint.RulePack;
import org.factlint.Trust;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.AssertionFailedError;

/**
 * A rule pack's scenarios as JUnit 5 dynamic tests, one per scenario, shown by name and linked to its file. Use it in
 * any rule-pack repository (add {@code org.junit.jupiter:junit-jupiter} to its test dependencies):
 *
 * <pre>{@code
 * class RulePackScenariosTest {
 *     @TestFactory
 *     Stream<DynamicTest> scenarios() throws IOException {
 *         return Scenarios.in(Path.of("rules"));          // rules/*.drl, rules/tests/*.json
 *     }
 * }
 * }</pre>
 *
 * A failing scenario fails with the expected and actual flags (IDEs show them side by side) and a diff in the message;
 * a broken scenario file fails with its located errors.
 */
public final class Scenarios {
    private Scenarios() {
    }

    /** One dynamic test per scenario of {@code packDir/tests/*.json}; the pack is compiled once, checked. */
    public static Stream<DynamicTest> in(Path packDir) throws IOException {
        return in(packDir, Trust.CHECKED, -1);
    }

    /**
     * As {@link #in(Path)}, then one more test, "rule coverage", that fails when fewer than {@code minCoverage}
     * percent of the pack's rules fired across the scenarios, naming the rules that never fired.
     */
    public static Stream<DynamicTest> in(Path packDir, double minCoverage) throws IOException {
        return in(packDir, Trust.CHECKED, minCoverage);
    }

    /** As {@link #in(Path, double)} for a pack of the given trust; a negative {@code minCoverage} adds no test. */
    public static Stream<DynamicTest> in(Path packDir, Trust trust, double minCoverage) throws IOException {
        ScenarioRunner runner = new ScenarioRunner(RulePack.load(packDir, trust));
        List<ScenarioResult> results = new ArrayList<>();
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : ScenarioFiles.in(packDir)) {
            List<Scenario> scenarios;
            try {
                scenarios = ScenarioFiles.read(file);
            } catch (ScenarioFileException e) {
                tests.add(DynamicTest.dynamicTest(file.getFileName().toString(), file.toUri(), () -> {
                    throw new AssertionFailedError("broken scenario file:\n" + e.getMessage());
                }));
                continue;
            }
            for (Scenario s : scenarios) {
                tests.add(DynamicTest.dynamicTest(s.name(), file.toUri(), () -> {
                    ScenarioResult r = runner.run(s);
                    results.add(r);
                    if (!r.passed()) {
                        String expected = String.join("\n", r.diff().stream().filter(d -> !d.startsWith("+"))
                                .map(d -> d.substring(2)).toList());
                        String actual = String.join("\n", r.diff().stream().filter(d -> !d.startsWith("-"))
                                .map(d -> d.substring(2)).toList());
                        throw new AssertionFailedError("scenario '" + s.name() + "' (" + file.getFileName() + ") failed:\n"
                                + r.explain(), expected, actual);
                    }
                }));
            }
        }
        if (minCoverage >= 0) {
            tests.add(DynamicTest.dynamicTest("rule coverage", () -> {
                Coverage c = runner.coverage(results);
                if (c.percent() < minCoverage) {
                    throw new AssertionFailedError(String.format(Locale.ROOT, "rule coverage %.0f%% is below %.0f%%:%n%s",
                            Math.floor(c.percent()), minCoverage, c.describe()));
                }
            }));
        }
        return tests.stream();
    }

}
