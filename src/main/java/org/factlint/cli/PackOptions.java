package org.factlint.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.factlint.RulePack;
import org.factlint.RuleProblem;
import org.factlint.Trust;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The rule-pack directory and its trust, shared by {@code validate} and {@code test}. */
final class PackOptions {
    @Parameters(paramLabel = "DIR", description = "rule pack directory (*.drl, lexicon/*.csv, sources.csv, tests/*.json)")
    Path dir;

    @Option(names = "--trusted", description = "trust the pack: allow DRL that reaches outside the rule engine")
    boolean trusted;

    @Option(names = "--watch", description = "run again after every change to the pack, in the same JVM (an edit then"
            + " compiles warm, in a fraction of a cold start)")
    boolean watch;

    /** For tests: stop after this many runs caused by changes (negative: until interrupted). */
    @Option(names = "--watch-runs", hidden = true, defaultValue = "-1")
    int watchRuns;

    /** Runs {@code once}, and with {@code --watch} again after every change to the pack. */
    int run(java.io.PrintWriter out, java.util.function.IntSupplier once) {
        return watch ? PackWatch.watch(dir, watchRuns, out, once) : once.getAsInt();
    }

    /** Null when the directory is usable, else the message to print. */
    String problem() {
        return Files.isDirectory(dir) ? null
                : "factlint: rule pack directory '" + dir + "' does not exist or is not a directory";
    }

    /** A pack problem as {@code DIR/file:line:col: message}, or {@code DIR: message} for the whole pack. */
    String located(RuleProblem p) {
        return p.file().isEmpty() ? dir + ": " + p.message()
                : dir.resolve(p.file()) + ":" + p.line() + ":" + p.column() + ": " + p.message();
    }

    RulePack load() throws IOException {
        return RulePack.load(dir, trusted ? Trust.TRUSTED : Trust.CHECKED);
    }
}
