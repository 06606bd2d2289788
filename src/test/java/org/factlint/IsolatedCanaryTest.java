package org.factlint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The canary of an isolated checker runs the pack's own scenarios in the child although the child cannot read the
 * pack's directory: the caller reads the scenario files and the documents they give and sends them. The packs here
 * are owner-only (0700 directories, 0600 files, as {@code Files.createTempDirectory} makes them). For a root caller
 * the contained child runs as a user id of its own (a random id of 100,000 or more, group 0, set by {@code setpriv
 * --reuid}), which an owner-only directory shuts out: a canary that read the directory itself would find no scenario
 * and swap in a pack whose scenarios fail ({@link #theChildItselfCannotReadThePacksDirectory} shows the child has no
 * way in).
 */
class IsolatedCanaryTest {
    private static final String DOC_JSON = """
            { "article": { "id": "a", "outlet": "w", "headline": "h", "published": "2023-05-10" },
              "sources": [ { "id": "w", "name": "Wire", "kind": "wire_agency" } ],
              "entities": [ { "id": "m", "name": "Ivan Petrov" } ],
              "claims": [ { "id": "c1", "text": "Ivan Petrov resigned.", "subject": "m", "predicate": "resign" } ] }
            """;

    /** A pack raising {@code code} on every claim, whose scenario gives a document file and expects {@code expected}. */
    private static Path pack(Path dir, String drl, String expected) throws IOException {
        Files.writeString(dir.resolve("r.drl"), drl);
        Files.createDirectories(dir.resolve("tests/documents"));
        Files.writeString(dir.resolve("tests/documents/a.claims.json"), DOC_JSON);
        Files.writeString(dir.resolve("tests/every.json"), """
                { "name": "every claim is flagged", "given": [ "documents/a.claims.json" ],
                  "expect": { "flags": [ { "code": "%s", "claims": [ "a:c1" ] } ] } }
                """.formatted(expected));
        ownerOnly(dir);
        return dir;
    }

    private static void ownerOnly(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.toList()) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwx------"
                        : "rw-------"));
            }
        }
    }

    @Test
    void anOwnerOnlyPackWhoseOwnScenarioFails_isNotServed(@TempDir Path dir) throws IOException {
        Path pack = pack(dir, ReloadingCheckerTest.rule("X-ONE"), "X-TWO");

        assertThatThrownBy(() -> Factlint.isolated(pack, Trust.CHECKED, Isolation.defaults()))
                .isInstanceOf(RulePackException.class)
                .hasMessageContaining("canary in the isolated JVM: the new rule pack fails its own scenario "
                        + "'every claim is flagged' (tests/every.json)")
                .hasMessageContaining("- X-TWO");
    }

    @Test
    void anOwnerOnlyPackWhoseOwnScenarioPasses_isServed(@TempDir Path dir) throws IOException {
        Path pack = pack(dir, ReloadingCheckerTest.rule("X-ONE"), "X-ONE");

        try (IsolatedChecker checker = Factlint.isolated(pack, Trust.CHECKED, Isolation.defaults())) {
            assertThat(checker.rules()).isEqualTo(1);
            Report report = checker.check(Factlint.parse(DOC_JSON).documents());
            assertThat(report.problems()).isEmpty();
            assertThat(report.flags()).extracting(Flag::code).containsExactly("X-ONE");
        }
    }

    /** A 5 MB document (its base64 line is longer than the 5,000,000 characters a claims input string may be). */
    @Test
    void aLargeScenarioDocument_reachesTheChild(@TempDir Path dir) throws IOException {
        Path pack = pack(dir, ReloadingCheckerTest.rule("X-ONE"), "X-ONE");
        Files.writeString(pack.resolve("tests/documents/a.claims.json"), "{" + " ".repeat(5_000_000)
                + DOC_JSON.strip().substring(1));

        try (IsolatedChecker checker = Factlint.isolated(pack, Trust.CHECKED, Isolation.defaults())) {
            assertThat(checker.rules()).isEqualTo(1);
        }
    }

    /**
     * A pack file just under {@link org.factlint.internal.PackFiles#MAX_FILE_LENGTH}: nearly 10 MB of comment, then the
     * rule. The child compiles it from the bytes the caller sent, so the rule (at the very end) raises its flag only if
     * the whole file arrived.
     */
    @Test
    void aLargePackFile_reachesTheChild(@TempDir Path dir) throws IOException {
        Path pack = pack(dir, ReloadingCheckerTest.rule("X-ONE"), "X-ONE");
        String rule = Files.readString(pack.resolve("r.drl"));
        String padding = "// " + "x".repeat(96) + "\n"; // 100 bytes a line
        int lines = (int) ((org.factlint.internal.PackFiles.MAX_FILE_LENGTH - rule.length() - 1_000) / padding.length());
        Files.writeString(pack.resolve("r.drl"), padding.repeat(lines) + rule);
        assertThat(Files.size(pack.resolve("r.drl"))).isBetween(org.factlint.internal.PackFiles.MAX_FILE_LENGTH - 2_000,
                org.factlint.internal.PackFiles.MAX_FILE_LENGTH);

        try (IsolatedChecker checker = Factlint.isolated(pack, Trust.CHECKED, Isolation.defaults())) {
            assertThat(checker.rules()).isEqualTo(1);
            assertThat(checker.check(Factlint.parse(DOC_JSON).documents()).flags()).extracting(Flag::code)
                    .containsExactly("X-ONE");
        }
    }

    @Test
    void aScenarioDocumentOutsideThePack_isNotReadForAnIsolatedPack_andTheScenarioFails(@TempDir Path dir,
            @TempDir Path elsewhere) throws IOException {
        Path pack = pack(dir, ReloadingCheckerTest.rule("X-ONE"), "X-ONE");
        Path outside = Files.writeString(elsewhere.resolve("b.claims.json"), DOC_JSON);
        Files.writeString(pack.resolve("tests/every.json"), """
                { "name": "every claim is flagged", "given": [ "%s" ],
                  "expect": { "flags": [ { "code": "X-ONE", "claims": [ "a:c1" ] } ] } }
                """.formatted(pack.resolve("tests").relativize(outside).toString().replace('\\', '/')));

        assertThatThrownBy(() -> Factlint.isolated(pack, Trust.CHECKED, Isolation.defaults()))
                .isInstanceOf(RulePackException.class)
                .hasMessageContaining("is outside the pack's directory (" + outside.toRealPath() + "): the canary of"
                        + " an isolated pack reads only the pack's own files");
        // in-process, the same scenario reads the file (the pack runs in the caller's JVM anyway)
        assertThat(ReloadingChecker.canary(RulePack.load(pack), pack, () -> false)).isEmpty();
    }

    /**
     * A trusted pack whose rule, in the child, tries to read the pack's own scenario file and says which user it runs
     * as. In-process it reads the file, so the attempt is real; in a contained child it finds nothing.
     */
    @Test
    void theChildItselfCannotReadThePacksDirectory(@TempDir Path dir) throws IOException {
        assumeTrue(Containment.active(), "no OS containment here: " + Containment.description());
        String drl = ReloadingCheckerTest.rule("X-ONE").replace("List.of() ) );", """
                List.of( "read=" + read(), "uid=" + uid() ) ) );
                """) + """
                function String read() {
                    try {
                        return java.nio.file.Files.readString( java.nio.file.Path.of( "%s" ) ).isEmpty() ? "empty" : "read";
                    } catch ( Exception e ) {
                        return e.getClass().getSimpleName();
                    }
                }
                function String uid() {
                    try {
                        for ( String l : java.nio.file.Files.readAllLines( java.nio.file.Path.of( "/proc/self/status" ) ) ) {
                            if ( l.startsWith( "Uid:" ) ) {
                                return l.substring( 4 ).trim().split( "\\\\s+" )[ 0 ];
                            }
                        }
                        return "?";
                    } catch ( Exception e ) {
                        return e.getClass().getSimpleName();
                    }
                }
                """.formatted(dir.resolve("tests/every.json").toAbsolutePath());
        Path pack = pack(dir, drl, "X-ONE");
        String owner = String.valueOf(Files.getAttribute(pack, "unix:uid"));

        List<String> inProcess = Factlint.checker(RulePack.load(pack, Trust.TRUSTED))
                .check(Factlint.parse(DOC_JSON)).flags().get(0).evidence();
        assertThat(inProcess).containsExactly("read=read", "uid=" + owner);

        try (IsolatedChecker checker = Factlint.isolated(pack, Trust.TRUSTED, Isolation.defaults())) {
            List<String> inChild = checker.check(Factlint.parse(DOC_JSON)).flags().get(0).evidence();
            assertThat(inChild.get(0)).as("the child reading the pack's scenario file")
                    .isIn("read=NoSuchFileException", "read=AccessDeniedException");
            if (owner.equals("0")) {
                assertThat(inChild.get(1)).as("a root caller's child runs as a user of its own")
                        .isNotEqualTo("uid=0").matches("uid=\\d{6,}");
            }
        }
    }
}
