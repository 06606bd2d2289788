package org.factlint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.factlint.internal.FactLoader;
import org.factlint.internal.JoinKeys;
import org.factlint.internal.Partitions;
import org.factlint.model.Document;
import org.factlint.testing.Scenario;
import org.factlint.testing.ScenarioFiles;

/** Checks for tests: one session against the finest split a pack's join keys allow. */
public final class SplitCheck {
    private SplitCheck() {
    }

    /** The flags of one session over all the documents, sorted. */
    public static List<Flag> oneSession(RulePack pack, List<Document> documents) {
        return new Checker(pack, CheckerOptions.defaults(), List.of(), Integer.MAX_VALUE, 1).check(documents).flags();
    }

    /** The flags when every independent component of the facts is checked in a session of its own, sorted. */
    public static List<Flag> finestSplit(RulePack pack, JoinKeys keys, List<Document> documents) {
        FactLoader loader = new FactLoader(pack.facts());
        loader.preResolve(documents);
        List<Object> facts = new ArrayList<>();
        documents.forEach(d -> facts.addAll(loader.load(d)));
        List<Flag> flags = new ArrayList<>();
        for (List<Object> part : Partitions.split(keys, facts, 1, 1)) {
            try (DeskSession desk = new DeskSession(pack, CheckerOptions.defaults(), List.of())) {
                desk.insertFacts(part);
                if (!desk.fire().isEmpty()) {
                    throw new AssertionError("a part's rules ran into a limit");
                }
                flags.addAll(desk.flags());
            }
        }
        flags.sort(null);
        return flags;
    }

    /** How many parts the finest split makes. */
    public static int parts(JoinKeys keys, List<Document> documents) {
        FactLoader loader = new FactLoader(RulePack.bundled().facts());
        loader.preResolve(documents);
        List<Object> facts = new ArrayList<>();
        documents.forEach(d -> facts.addAll(loader.load(d)));
        return Partitions.split(keys, facts, 1, 1).size();
    }

    public static JoinKeys joins(RulePack pack) {
        return pack.joins();
    }

    /** Every scenario of a pack directory with its given documents read. */
    public record Given(String name, List<Document> documents) {
        @Override
        public String toString() {
            return name;
        }
    }

    public static List<Given> scenarios(Path packDir) throws IOException {
        List<Given> out = new ArrayList<>();
        for (Path file : ScenarioFiles.in(packDir)) {
            for (Scenario s : ScenarioFiles.read(file)) {
                List<Document> docs = new ArrayList<>();
                for (Scenario.Given g : s.given()) {
                    if (g.document() != null) {
                        docs.add(g.document());
                    } else {
                        Path p = file.getParent().resolve(g.path()).normalize();
                        if (Files.isRegularFile(p)) {
                            docs.addAll(Factlint.read(p).documents());
                        }
                    }
                }
                out.add(new Given(file.getFileName() + ": " + s.name(), docs));
            }
        }
        return out;
    }
}
