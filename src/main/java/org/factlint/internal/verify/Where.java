package org.factlint.internal.verify;

import java.util.List;
import org.factlint.RuleProblem;

/**
 * Where a piece of code starts in its file (line, 1-based column) and which rule it belongs to: turns positions
 * inside the piece into positions in the file, and records refusals there.
 */
final class Where {
    private static final int MAX_ECHO = 60;

    private final String file;
    private final String rule;
    private final int line;
    private final int column;
    /** Characters the checker put before the code on its first line ("{" around a block). */
    private final int shift;
    private final List<RuleProblem> problems;

    Where(String file, String rule, int line, int column, int shift, List<RuleProblem> problems) {
        this.file = file;
        this.rule = rule;
        this.line = Math.max(line, 0);
        this.column = Math.max(column, 0);
        this.shift = shift;
        this.problems = problems;
    }

    Where block() {
        return new Where(file, rule, line, column, 1, problems);
    }

    /** The position {@code chars} further on the first line (a part of a one-line constraint). */
    Where shifted(int chars) {
        return new Where(file, rule, line, column + chars, shift, problems);
    }

    /** Records a refusal at a position relative to the code's start (line 0: the start itself). */
    void refuse(int relLine, int relColumn, String message) {
        int l = line;
        int c = column;
        if (relLine == 1) {
            c = column + Math.max(relColumn - 1 - shift, 0);
        } else if (relLine > 1) {
            l = line + relLine - 1;
            c = relColumn;
        }
        problems.add(new RuleProblem(file, l, Math.max(c, 1), (rule == null ? "" : rule.startsWith("function ")
                ? rule + ": " : "rule \"" + rule + "\": ")
                + message));
    }

    /** A piece of code quoted in a message: one line, at most 60 characters, its length given when cut. */
    static String cut(String s) {
        String one = s.strip().replaceAll("\\s+", " ");
        return one.length() <= MAX_ECHO ? one : one.substring(0, MAX_ECHO) + "... (" + one.length() + " characters)";
    }
}
