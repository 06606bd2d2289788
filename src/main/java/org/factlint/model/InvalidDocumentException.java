package org.factlint.model;

import java.util.List;
import java.util.stream.Collectors;

/** A document whose parts do not fit together: undeclared sources or entities, duplicate ids, dangling relations. */
public final class InvalidDocumentException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** One problem, at a JSON path relative to the document ({@code claims[2].attribution[0].source}). */
    public record Problem(String path, String message) {
    }

    private final transient List<Problem> problems;

    public InvalidDocumentException(List<Problem> problems) {
        super(problems.stream().map(Problem::message).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
