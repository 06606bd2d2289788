package org.factlint.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.factlint.RulePackException;
import org.factlint.testing.Coverage;
import org.factlint.testing.ScenarioResult;
import org.factlint.testing.ScenarioRunner;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code factlint test DIR}: runs a rule pack's scenarios ({@code DIR/tests/*.json}) and reports rule coverage. */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = "Run a rule pack's scenarios (DIR/tests/*.json) and report which rules they exercise.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:all scenarios passed", "1:a scenario failed, or coverage is below --min-coverage",
                "2:the pack does not compile, or the directory cannot be read"})
final class TestCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    PackOptions pack;

    @Option(names = "--min-coverage", paramLabel = "PCT",
            description = "fail when fewer than PCT percent of the pack's rules fired in some scenario")
    Double minCoverage;


    @Override
    public Integer call() {
        if (pack.problem() != null) {
            spec.commandLine().getErr().println(pack.problem());
            return 2;
        }
        return pack.run(spec.commandLine().getOut(), this::once);
    }

    private int once() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (minCoverage != null && (minCoverage < 0 || minCoverage > 100)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Invalid value for option '--min-coverage': '" + fmt(minCoverage) + "' is not a percentage (0 to 100)");
        }
        Path dir = pack.dir;
        if (pack.problem() != null) {
            err.println(pack.problem());
            return 2;
        }
        ScenarioRunner.Run run;
        try {
            ScenarioRunner runner = new ScenarioRunner(pack.load());
            run = runner.runAll(dir);
        } catch (RulePackException e) {
            e.problems().forEach(p -> err.println(pack.located(p)));
            err.println("factlint: the rule pack cannot be used; run 'factlint validate " + dir + "'");
            err.flush();
            return 2;
        } catch (IOException e) {
            err.println("factlint: " + e.getMessage());
            return 2;
        }
        if (run.results().isEmpty()) {
            err.println("factlint: no scenarios in '" + dir.resolve("tests") + "' (*.json)");
        }
        for (ScenarioResult r : run.results()) {
            out.println((r.passed() ? "PASS " : "FAIL ") + r.name() + " (" + r.file().getFileName() + ")");
            if (!r.passed()) {
                out.print(r.explain());
            }
        }
        Coverage coverage = run.coverage();
        out.println();
        out.print(coverage.describe());
        boolean belowMin = minCoverage != null && coverage.percent() < minCoverage;
        if (belowMin) {
            out.println("rule coverage " + fmt(Math.floor(coverage.percent())) + "% is below the minimum " + fmt(minCoverage) + "%");
        }
        out.println(run.passed() + " passed, " + run.failed() + " failed");
        out.flush();
        err.flush();
        return run.failed() > 0 || belowMin ? 1 : 0;
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.format(Locale.ROOT, "%s", d);
    }
}
