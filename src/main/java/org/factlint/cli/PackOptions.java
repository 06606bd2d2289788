package org.factlint.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.factlint.RulePack;
import org.factlint.Trust;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The rule-pack directory and its trust, shared by {@code validate} and {@code test}. */
final class PackOptions {
    @Parameters(paramLabel = "DIR", description = "rule pack directory (*.drl, lexicon/*.csv, sources.csv, tests/*.json)")
    Path dir;

    @Option(names = "--trusted", description = "trust the pack: allow DRL that reaches outside the rule engine")
    boolean trusted;

    /** Null when the directory is usable, else the message to print. */
    String problem() {
        return Files.isDirectory(dir) ? null
                : "factlint: rule pack directory '" + dir + "' does not exist or is not a directory";
    }

    RulePack load() throws IOException {
        return RulePack.load(dir, trusted ? Trust.TRUSTED : Trust.CHECKED);
    }
}
