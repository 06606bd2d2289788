package org.factlint;

import java.util.List;
import java.util.stream.Collectors;

/** A rule pack that does not compile or breaks the pack conventions; lists every problem, located. */
public final class RulePackException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<RuleProblem> problems;

    public RulePackException(String pack, List<RuleProblem> problems) {
        super("rule pack " + pack + " has " + problems.size() + (problems.size() == 1 ? " error" : " errors") + ":\n"
                + problems.stream().map(RuleProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<RuleProblem> problems() {
        return problems;
    }
}
