package org.factlint.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.factlint.Batch;
import org.factlint.Checker;
import org.factlint.Factlint;
import org.factlint.Flag;
import org.factlint.InputError;
import org.factlint.Report;
import org.factlint.RuleInfo;
import org.factlint.RulePack;
import org.factlint.internal.GivenDocuments;
import org.factlint.internal.Hooks;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;

/**
 * Runs scenarios against a rule pack and records which rules fire (an agenda event listener on each session). Needs
 * no test framework: the {@code factlint test} command uses it, and {@link Scenarios} wraps it for JUnit 5.
 *
 * <pre>{@code
 * ScenarioRunner runner = new ScenarioRunner(RulePack.load(Path.of("rules")));
 * ScenarioRunner.Run run = runner.runAll(Path.of("rules"));
 * System.out.println(run.passed() + " passed, " + run.failed() + " failed");
 * }</pre>
 */
public final class ScenarioRunner {
    private final RulePack pack;
    private final Set<String> codes = new HashSet<>();

    public ScenarioRunner(RulePack pack) {
        this.pack = pack;
        pack.rules().stream().filter(RuleInfo::flags).forEach(r -> codes.add(r.code()));
    }

    public RulePack pack() {
        return pack;
    }

    /** The results of a whole directory's scenarios, broken files included as failures, with coverage. */
    public record Run(List<ScenarioResult> results, Coverage coverage) {
        public Run {
            results = List.copyOf(results);
        }

        public long passed() {
            return results.stream().filter(ScenarioResult::passed).count();
        }

        public long failed() {
            return results.size() - passed();
        }
    }

    /** Runs every scenario of {@code packDir/tests/*.json}. */
    public Run runAll(Path packDir) throws IOException {
        List<ScenarioResult> results = new ArrayList<>();
        for (Path file : ScenarioFiles.in(packDir)) {
            try {
                for (Scenario s : ScenarioFiles.read(file)) {
                    results.add(run(s));
                }
            } catch (ScenarioFileException e) {
                results.add(broken(file, e));
            }
        }
        return new Run(results, coverage(results));
    }

    /** A broken scenario file as a failed result, so a run never passes over it silently. */
    static ScenarioResult broken(Path file, ScenarioFileException e) {
        return new ScenarioResult(file.getFileName().toString(), file, false,
                e.problems().stream().map(InputError::toString).toList(), List.of(), List.of(), Set.of());
    }

    /** Runs one scenario. */
    public ScenarioResult run(Scenario scenario) {
        List<String> problems = new ArrayList<>();
        return run(scenario, given(scenario, problems), problems);
    }

    /**
     * Runs one scenario on documents the caller has read for it (an isolated checker's child is sent the files its
     * {@code given} paths name); its {@code given} is not read again.
     */
    public ScenarioResult run(Scenario scenario, Batch given) {
        return run(scenario, given, new ArrayList<>());
    }

    /** The documents a scenario gives, read from its files; a missing or unreadable file is a problem. */
    private Batch given(Scenario scenario, List<String> problems) {
        return GivenDocuments.of(scenario, new GivenDocuments.Files() {
            @Override
            public String unreadable(Path file, String given) {
                return Files.isRegularFile(file) ? null : GivenDocuments.noSuchFile(file, given);
            }

            @Override
            public Batch read(Path file) throws IOException {
                return Factlint.read(pack, file);
            }
        }, problems);
    }

    private ScenarioResult run(Scenario scenario, Batch batch, List<String> problems) {
        checkCodes(scenario, problems);
        Set<String> fired = new LinkedHashSet<>();
        Checker checker = Hooks.observedChecker(pack, List.of(new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                fired.add(event.getMatch().getRule().getName());
            }
        }));
        if (scenario.now() != null) {
            checker = checker.at(scenario.now()); // the engine's pseudo clock: the pack's time rules apply
        }
        Report report = checker.check(batch);
        report.errors().forEach(e -> problems.add("rejected input: " + e));
        // A run cut short proves nothing: whatever the expectations say, the scenario fails.
        report.problems().forEach(p -> problems.add("incomplete run: " + p));
        List<String> diff = new ArrayList<>();
        boolean ok = compare(scenario.expect(), report.flags(), diff);
        return new ScenarioResult(scenario.name(), scenario.file(), ok && problems.isEmpty(), problems,
                ok && problems.isEmpty() ? List.of() : diff, report.flags(), fired);
    }

    /** An expected code that no rule of the pack raises would make a must-not-include pass vacuously. */
    private void checkCodes(Scenario s, List<String> problems) {
        List<FlagSpec> all = new ArrayList<>();
        if (s.expect().flags() != null) {
            all.addAll(s.expect().flags());
        }
        all.addAll(s.expect().mustInclude());
        all.addAll(s.expect().mustNotInclude());
        for (FlagSpec f : all) {
            if (!codes.contains(f.code())) {
                problems.add(s.file() + ": no rule of the pack raises code '" + f.code() + "' (codes: "
                        + String.join(", ", new TreeSet<>(codes)) + ")");
            }
        }
    }

    /** Compares, writing the diff: {@code "  "} as expected, {@code "- "} missing, {@code "+ "} unexpected. */
    static boolean compare(Scenario.Expect expect, List<Flag> actual, List<String> diff) {
        boolean ok = true;
        if (expect.exact()) {
            for (FlagSpec spec : expect.flags()) {
                if (actual.stream().noneMatch(spec::matches)) {
                    diff.add("- " + spec);
                    ok = false;
                }
            }
            for (Flag f : actual) {
                boolean expected = expect.flags().stream().anyMatch(s -> s.matches(f));
                diff.add((expected ? "  " : "+ ") + FlagSpec.line(f));
                ok &= expected;
            }
        } else {
            for (FlagSpec spec : expect.mustInclude()) {
                if (actual.stream().noneMatch(spec::matches)) {
                    diff.add("- " + spec + "   (must include)");
                    ok = false;
                }
            }
            for (Flag f : actual) {
                boolean forbidden = expect.mustNotInclude().stream().anyMatch(s -> s.matches(f));
                diff.add((forbidden ? "+ " : "  ") + FlagSpec.line(f) + (forbidden ? "   (must not include)" : ""));
                ok &= !forbidden;
            }
        }
        diff.sort((a, b) -> a.substring(2).compareTo(b.substring(2)));
        return ok;
    }

    /** Coverage over the scenarios that ran (broken files excluded). */
    public Coverage coverage(List<ScenarioResult> results) {
        List<ScenarioResult> ran = results.stream().filter(r -> !r.fired().isEmpty() || r.passed()).toList();
        List<RuleInfo> never = new ArrayList<>();
        List<RuleInfo> everywhere = new ArrayList<>();
        for (RuleInfo rule : pack.rules()) {
            long n = ran.stream().filter(r -> r.fired().contains(rule.name())).count();
            if (n == 0) {
                never.add(rule);
            } else if (n == ran.size() && ran.size() > 1) {
                everywhere.add(rule);
            }
        }
        return new Coverage(pack.rules(), never, everywhere, ran.size());
    }

}
