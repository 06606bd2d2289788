package org.factlint.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.factlint.TestFiles;
import java.util.List;
import java.util.stream.Stream;
import org.factlint.cli.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cp -r rules /tmp/x && factlint test /tmp/x}: a copied pack is self-contained. */
class CopiedPackTest {
    @TempDir
    Path tmp;

    private static String coverage(String out) {
        return out.lines().filter(l -> l.startsWith("rule coverage:")).findFirst().orElseThrow();
    }

    @Test
    void aCopyOfTheDefaultPack_passesItsOwnTests_withTheSameCoverage() throws IOException {
        Path copy = tmp.resolve("x");
        TestFiles.copyTree(Path.of("rules"), copy); // nothing else: no seeds/ beside it
        CliRun original = CliRun.of("test", "rules");
        CliRun copied = CliRun.of("test", copy.toString());
        assertThat(copied.exit()).as(copied.out() + copied.err()).isZero();
        assertThat(coverage(copied.out())).isEqualTo(coverage(original.out())).endsWith("(100%)");
        assertThat(last(copied.out())).isEqualTo(last(original.out())).endsWith(" passed, 0 failed");
        assertThat(CliRun.of("validate", copy.toString()).exit()).isZero();
    }

    @Test
    void thePacksCopiesOfTheSeeds_areTheSeeds() throws IOException {
        try (Stream<Path> docs = Files.list(Path.of("rules/tests/documents"))) {
            List<Path> files = docs.sorted().toList();
            assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly(
                    "constructed-archive.claims.json", "constructed-followup.claims.json", "moscow-times.claims.json");
            for (Path p : files) {
                assertThat(Files.readString(p)).as(p.toString())
                        .isEqualTo(Files.readString(Path.of("seeds").resolve(p.getFileName())));
            }
        }
    }

    @Test
    void validate_reportsAScenarioDocumentThatLeadsNowhere_located() throws IOException {
        Path pack = tmp.resolve("p");
        TestFiles.copyTree(Path.of("rules"), pack);
        Path scenario = pack.resolve("tests/outside.json");
        Files.writeString(scenario, """
                [ { "name": "reads a file outside the pack",
                    "given": [ { "article": { "id": "a", "outlet": "w", "headline": "h" },
                                 "sources": [ { "id": "w", "name": "Wire", "kind": "wire_agency" } ],
                                 "entities": [], "claims": [] },
                               "../../seeds/moscow-times.claims.json" ],
                    "expect": { "flags": [] } } ]
                """);
        CliRun r = CliRun.of("validate", pack.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).startsWith(scenario + ":5:16: $[0].given[1]: no such file "
                + "'../../seeds/moscow-times.claims.json' (resolved to " + tmp.resolve("seeds/moscow-times.claims.json") + ")\n");
    }

    private static String last(String out) {
        List<String> lines = out.lines().toList();
        return lines.get(lines.size() - 1);
    }
}
