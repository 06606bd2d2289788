package org.factlint.testing;

import java.util.List;
import java.util.stream.Collectors;
import org.factlint.InputError;

/** A scenario file that cannot be read as scenarios; lists what is wrong, located. */
public final class ScenarioFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<InputError> problems;

    public ScenarioFileException(List<InputError> problems) {
        super(problems.stream().map(InputError::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<InputError> problems() {
        return problems;
    }
}
