package org.factlint.testing;

import java.util.List;
import org.factlint.RuleInfo;

/**
 * Which rules the scenarios exercised, recorded from the engine's firings.
 *
 * @param rules          every rule of the pack
 * @param neverFired     rules that fired in no scenario: untested
 * @param firedEverywhere rules that fired in every scenario (with two or more): possibly too broad
 * @param scenarios      how many scenarios ran
 */
public record Coverage(List<RuleInfo> rules, List<RuleInfo> neverFired, List<RuleInfo> firedEverywhere,
                       int scenarios) {
    public Coverage {
        rules = List.copyOf(rules);
        neverFired = List.copyOf(neverFired);
        firedEverywhere = List.copyOf(firedEverywhere);
    }

    /** Rules that fired at least once, as a percentage of all rules (100 for a pack with no rules). */
    public double percent() {
        return rules.isEmpty() ? 100.0 : 100.0 * (rules.size() - neverFired.size()) / rules.size();
    }

    /** A short report: the figure, then the rules never fired and those fired everywhere. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(java.util.Locale.ROOT, "rule coverage: %d of %d rules fired (%.0f%%)%n",
                rules.size() - neverFired.size(), rules.size(), Math.floor(percent())));
        for (RuleInfo r : neverFired) {
            sb.append("  fired in no scenario:    \"").append(r.name()).append("\" (").append(r.file()).append(':')
                    .append(r.line()).append(")\n");
        }
        for (RuleInfo r : firedEverywhere) {
            sb.append("  fired in every scenario: \"").append(r.name()).append("\" (").append(r.file()).append(':')
                    .append(r.line()).append(")\n");
        }
        return sb.toString();
    }
}
