package org.factlint.flink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.factlint.RulePack;

/** The rule pack a task uses: loaded (and its KieBase built) in the task's {@code open()}, never serialised. */
final class Packs {
    private Packs() {
    }

    /** The bundled pack for null, else the pack in that directory (which every task manager must be able to read). */
    static RulePack load(String rulesDir) {
        if (rulesDir == null) {
            return RulePack.bundled();
        }
        try {
            return RulePack.load(Path.of(rulesDir));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the rule pack in " + rulesDir + ": " + e.getMessage(), e);
        }
    }
}
