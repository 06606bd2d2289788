package org.factlint.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.factlint.Flag;
import org.factlint.InputError;
import org.factlint.Report;
import org.factlint.Severity;

/** Renders reports as plain text for people or JSON for programs. */
public final class ReportWriter {
    private ReportWriter() {
    }

    /** Plain text: one block per flag, most severe first, then rejected inputs and the counts. */
    public static String text(Report report) {
        return text(report, true);
    }

    /**
     * Plain text; with {@code listErrors} false the rejected inputs and rule errors are left out (only counted), for
     * a caller that prints them elsewhere, such as the command line on stderr.
     */
    public static String text(Report report, boolean listErrors) {
        StringBuilder out = new StringBuilder();
        for (Flag f : report.findings()) {
            // Everything from the input or the pack is escaped: raw control characters would reach the terminal.
            out.append(String.format(Locale.ROOT, "%-6s %-22s %s%n", f.severity(), Printable.of(f.code()),
                    Printable.of(String.join(", ", f.claims()))));
            out.append("       ").append(Printable.of(f.message())).append(System.lineSeparator());
            if (!f.evidence().isEmpty()) {
                out.append("       evidence: ").append(f.evidence().stream().map(e -> "'" + Printable.of(e) + "'")
                        .collect(Collectors.joining(", "))).append(System.lineSeparator());
            }
            out.append("       rule: ").append(Printable.of(f.rule())).append(System.lineSeparator());
        }
        for (Flag w : report.warnings()) {
            out.append("warning: ").append(Printable.of(w.message())).append(" [").append(Printable.of(w.code()))
                    .append("]").append(System.lineSeparator());
        }
        for (InputError e : listErrors ? report.errors() : List.<InputError>of()) {
            out.append("rejected: ").append(Printable.of(e.toString())).append(System.lineSeparator());
        }
        for (org.factlint.CheckError p : listErrors ? report.problems() : List.<org.factlint.CheckError>of()) {
            out.append("rule error: ").append(Printable.of(p.toString())).append(System.lineSeparator());
        }
        out.append(summary(report)).append(System.lineSeparator());
        return out.toString();
    }

    /** One line: "1 document read, 1 accepted, 0 rejected; 16 claims; 10 flags (3 high, 4 medium, 3 low)". */
    public static String summary(Report report) {
        Map<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);
        report.findings().forEach(f -> bySeverity.merge(f.severity(), 1, Integer::sum));
        String split = bySeverity.isEmpty() ? "" : " (" + List.of(Severity.HIGH, Severity.MEDIUM, Severity.LOW).stream()
                .filter(bySeverity::containsKey)
                .map(s -> bySeverity.get(s) + " " + s.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", ")) + ")";
        return plural(report.read(), "document") + " read, " + report.accepted() + " accepted, " + report.rejected()
                + " rejected; " + plural(report.claims(), "claim") + "; " + plural(report.findings().size(), "flag") + split
                + (report.warnings().isEmpty() ? "" : "; " + plural(report.warnings().size(), "warning"));
    }

    private static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    /** JSON: {@code {"counts": {...}, "flags": [...], "rejected": [...]}}. */
    public static String json(Report report) {
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("read", report.read());
        counts.put("accepted", report.accepted());
        counts.put("rejected", report.rejected());
        counts.put("claims", report.claims());
        counts.put("flags", report.findings().size());
        if (!report.warnings().isEmpty()) {
            counts.put("warnings", report.warnings().size());
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("counts", counts);
        root.put("flags", report.findings());
        if (!report.warnings().isEmpty()) {
            root.put("warnings", report.warnings());
        }
        root.put("rejected", report.errors());
        if (!report.problems().isEmpty()) {
            root.put("problems", report.problems());
        }
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the report as JSON", e);
        }
    }
}
