package org.factlint.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.factlint.Batch;
import org.factlint.testing.Scenario;

/**
 * A scenario's {@code given} documents, inline or read from files: one loop for a scenario run (files on disk) and
 * for a canary in an isolated checker's child (files its caller read and sent), so both resolve paths and word their
 * problems alike.
 */
public final class GivenDocuments {
    private GivenDocuments() {
    }

    /** Where a scenario's given files are read from. */
    public interface Files {
        /** Why {@code file} cannot be read ({@code given}: the path as the scenario writes it), or null if it can. */
        String unreadable(Path file, String given);

        /** The documents of {@code file}. */
        Batch read(Path file) throws IOException;
    }

    /** The problem of a given path that names no file. */
    public static String noSuchFile(Path file, String given) {
        return "no such file '" + given + "' (resolved to " + file + ")";
    }

    /** A scenario's documents; a given file that cannot be read is a problem (located by scenario and index). */
    public static Batch of(Scenario scenario, Files files, List<String> problems) {
        Batch batch = new Batch(List.of(), List.of(), 0, 0);
        for (int i = 0; i < scenario.given().size(); i++) {
            Scenario.Given g = scenario.given().get(i);
            if (g.document() != null) {
                batch = batch.plus(Batch.of(List.of(g.document())));
                continue;
            }
            Path p = scenario.file() == null ? Path.of(g.path()) : scenario.file().getParent().resolve(g.path()).normalize();
            String why = files.unreadable(p, g.path());
            if (why != null) {
                problems.add(scenario.file() + ": given[" + i + "]: " + why);
                continue;
            }
            try {
                batch = batch.plus(files.read(p));
            } catch (IOException e) {
                problems.add(scenario.file() + ": given[" + i + "]: cannot read '" + p + "': " + e.getMessage());
            }
        }
        return batch;
    }
}
