package org.factlint.testing;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.factlint.Flag;

/**
 * The outcome of one scenario.
 *
 * @param name     the scenario's name
 * @param file     its file
 * @param passed   whether the flags raised meet the expectation
 * @param problems why it failed, one line each (empty when it passed)
 * @param diff     expected against actual flags, one line each: {@code "  "} as expected, {@code "- "} expected but
 *                 not raised, {@code "+ "} raised but not expected
 * @param flags    the flags raised
 * @param fired    the names of the rules that fired
 */
public record ScenarioResult(String name, Path file, boolean passed, List<String> problems, List<String> diff,
                             List<Flag> flags, Set<String> fired) {
    public ScenarioResult {
        problems = List.copyOf(problems);
        diff = List.copyOf(diff);
        flags = List.copyOf(flags);
        fired = Set.copyOf(fired);
    }

    /** The failure explained: the problems, then the diff. */
    public String explain() {
        StringBuilder sb = new StringBuilder();
        problems.forEach(p -> sb.append("  ").append(p).append('\n'));
        if (!diff.isEmpty()) {
            sb.append("  flags (- expected, not raised; + raised, not expected):\n");
            diff.forEach(d -> sb.append("    ").append(d).append('\n'));
        }
        return sb.toString();
    }
}
