package org.factlint.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.factlint.Batch;
import org.factlint.Checker;
import org.factlint.Factlint;
import org.factlint.InputError;
import org.factlint.Report;
import org.factlint.RulePack;
import org.factlint.RulePackException;
import org.factlint.Trust;
import org.factlint.Severity;
import org.factlint.io.ClaimReviewWriter;
import org.factlint.io.HtmlReport;
import org.factlint.io.ReportWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code factlint check FILE...}: reads claims documents, checks them together, prints the report. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check claims documents (JSON, a JSON array, or JSON Lines) or article texts together.")
final class CheckCommand implements Callable<Integer> {
    enum Format { text, json, html, claimreview }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "claims files (.json, .jsonl) or article text (.txt, .md)")
    List<Path> files;

    @Option(names = "--rules", paramLabel = "DIR", description = "rule pack directory (default: the bundled pack)")
    Path rules;

    @Option(names = "--trusted", description = "trust the pack: allow DRL that reaches outside the rule engine (with"
            + " --isolated it runs as code, but in a child JVM)")
    boolean trusted;

    @Option(names = "--isolated", description = "compile and run the pack in a child JVM with a memory cap and a"
            + " wall-clock kill: its loops and memory exhaustion end only the child")
    boolean isolated;

    @Option(names = "--isolated-memory", paramLabel = "MB", defaultValue = "512",
            description = "heap of the --isolated child JVM in MB (default: ${DEFAULT-VALUE})")
    int isolatedMemory;

    @Option(names = "--containment", paramLabel = "LEVEL", defaultValue = "read-only",
            description = "the least OS containment the --isolated child may run in: empty-root, read-only or none"
                    + " (default: ${DEFAULT-VALUE}); where the machine offers less, the check is refused")
    String containment;

    @Option(names = "--format", defaultValue = "text", description = "text, json, html or claimreview (default: ${DEFAULT-VALUE})")
    Format format;

    @Option(names = "--reviewer", defaultValue = "Factlint draft", paramLabel = "NAME",
            description = "author of ClaimReview drafts (default: ${DEFAULT-VALUE})")
    String reviewer;

    @Option(names = "--fail-on", defaultValue = "low", paramLabel = "SEVERITY",
            description = "exit 1 when a flag is at or above this severity: low, medium, high (default: ${DEFAULT-VALUE})")
    String failOn;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Severity threshold;
        try {
            threshold = Severity.parse(failOn);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Invalid value for option '--fail-on': "
                    + e.getMessage());
        }
        org.factlint.Isolation limits;
        try {
            limits = org.factlint.Isolation.defaults().withMemoryMegabytes(isolatedMemory);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Invalid value for option"
                    + " '--isolated-memory': " + e.getMessage());
        }
        try {
            limits = limits.withMinimumContainment(org.factlint.ContainmentLevel.valueOf(
                    containment.toUpperCase(java.util.Locale.ROOT).replace('-', '_')));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Invalid value for option"
                    + " '--containment': '" + containment + "' (expected empty-root, read-only or none)");
        }
        java.util.function.Function<Batch, Report> checker;
        RulePack pack = null; // stays null in isolated mode: the parent never compiles the pack
        AutoCloseable child = null;
        try {
            if (isolated) {
                org.factlint.IsolatedChecker c = rules == null ? Factlint.isolated(limits)
                        : Factlint.isolated(rules, trusted ? Trust.TRUSTED : Trust.CHECKED, limits);
                child = c;
                checker = c::check;
            } else {
                Checker c = rules == null ? Factlint.checker()
                        : Factlint.checker(RulePack.load(rules, trusted ? Trust.TRUSTED : Trust.CHECKED));
                pack = c.pack();
                checker = c::check;
            }
        } catch (RulePackException e) {
            err.println("factlint: " + e.getMessage());
            return 2;
        } catch (IllegalStateException e) { // isolated mode refused: less containment than asked for
            err.println("factlint: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("factlint: " + e.getMessage());
            return 2;
        }
        // Each input on its own: one that cannot be read is reported and counted as rejected, the others checked.
        Batch batch = new Batch(List.of(), List.of(), 0, 0);
        Map<InputError, String> unreadable = new HashMap<>();
        for (Path f : files) {
            String why = Inputs.unreadable(f);
            if (why == null) {
                try {
                    // Isolated: article text is read with the bundled predicate table, as the pack stays in the child.
                    batch = batch.plus(pack == null ? Factlint.read(f) : Factlint.read(pack, f));
                    continue;
                } catch (IOException e) {
                    why = e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                            : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                }
            }
            InputError error = new InputError(f.toString(), 0, 0, "$", "cannot read: " + why);
            unreadable.put(error, "factlint: cannot read '" + f + "': " + why);
            batch = batch.plus(new Batch(List.of(), List.of(error), 1, 1));
        }
        Report report;
        try (AutoCloseable closing = child) {
            report = checker.apply(batch);
        } catch (Exception e) {
            throw new IllegalStateException(e); // close() of an isolated checker throws nothing
        }
        out.print(switch (format) {
            case json -> ReportWriter.json(report);
            case html -> HtmlReport.render(report, batch.documents());
            case claimreview -> ClaimReviewWriter.json(report, batch.documents(), reviewer, LocalDate.now());
            case text -> ReportWriter.text(report, false); // rejected inputs and rule errors go to stderr, once
        });
        out.flush();
        report.errors().forEach(e -> err.println(unreadable.getOrDefault(e, e.toString())));
        report.problems().forEach(p -> err.println("factlint: rule error: " + p));
        err.flush();
        if (!report.complete() || report.rejected() > 0) {
            return 2;
        }
        return report.flagsAtLeast(threshold).isEmpty() ? 0 : 1;
    }
}
