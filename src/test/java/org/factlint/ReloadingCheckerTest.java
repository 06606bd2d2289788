package org.factlint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.factlint.model.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hot reload: swap on a good edit, keep the old pack on a bad one, survive a file removed mid-reload. */
class ReloadingCheckerTest {
    private static final String HEAD = "package org.factlint.rules;\n\nimport java.util.List;\nimport org.factlint.facts.ClaimFact;\n\n";
    private static final Duration NEVER = Duration.ofHours(1); // tests drive reloads themselves: no timing races
    private static final String DOC_JSON = """
            { "article": { "id": "a", "outlet": "w", "headline": "h", "published": "2023-05-10" },
              "sources": [ { "id": "w", "name": "Wire", "kind": "wire_agency" } ],
              "entities": [ { "id": "m", "name": "Ivan Petrov" } ],
              "claims": [ { "id": "c1", "text": "Ivan Petrov resigned.", "subject": "m", "predicate": "resign" } ] }
            """;
    private static final Document DOC = Factlint.parse(DOC_JSON).documents().get(0);

    @TempDir
    Path dir;

    static String rule(String code) {
        return HEAD + "rule \"every claim\"\n    @code(\"" + code + "\") @category(\"unconfirmed\") @severity(\"low\")\n"
                + "    @message(\"{claim}\")\nwhen\n    $c : ClaimFact()\nthen\n"
                + "    insertLogical( Flags.flag( kcontext, List.of( $c ), List.of() ) );\nend\n";
    }

    static List<String> codes(Report r) {
        return r.flags().stream().map(Flag::code).toList();
    }

    @BeforeEach
    void writePack() throws IOException {
        Files.writeString(dir.resolve("r.drl"), rule("X-ONE"));
    }

    @Test
    void keepsServingOldPack_whenEditBreaks_thenSwapsWhenFixed() throws IOException {
        try (ReloadingChecker checker = ReloadingChecker.watch(dir, Trust.CHECKED, NEVER)) {
            assertThat(codes(checker.check(List.of(DOC)))).containsExactly("X-ONE");

            Files.writeString(dir.resolve("r.drl"), rule("X-TWO").replace("ClaimFact()", "ClaimFact( id == == 1 )"));
            assertThat(checker.reloadIfChanged()).isFalse();
            assertThat(codes(checker.check(List.of(DOC)))).containsExactly("X-ONE");
            assertThat(checker.lastError()).get().isInstanceOf(RulePackException.class)
                    .extracting(e -> ((RulePackException) e).problems().get(0).toString())
                    .isEqualTo("r.drl:10:27: no viable alternative at input '==' in rule \"every claim\"");

            Files.writeString(dir.resolve("r.drl"), rule("X-TWO"));
            assertThat(checker.reloadIfChanged()).isTrue();
            assertThat(codes(checker.check(List.of(DOC)))).containsExactly("X-TWO");
            assertThat(checker.lastError()).isEmpty();
            assertThat(checker.reloads()).isEqualTo(1);
        }
    }

    @Test
    void checkInFlight_finishesOnThePackItStartedWith() throws IOException {
        try (ReloadingChecker checker = ReloadingChecker.watch(dir, Trust.CHECKED, NEVER);
             DeskSession desk = checker.openDesk()) {
            Files.writeString(dir.resolve("r.drl"), rule("X-TWO"));
            assertThat(checker.reloadIfChanged()).isTrue();
            assertThat(desk.add(DOC)).extracting(Flag::code).containsExactly("X-ONE");
            assertThat(codes(checker.check(List.of(DOC)))).containsExactly("X-TWO");
        }
    }

    @Test
    void fileRemovedMidReload_keepsOldPack_andRetries() throws IOException {
        Files.writeString(dir.resolve("extra.drl"), rule("X-EXTRA").replace("every claim", "extra"));
        AtomicBoolean removeOnce = new AtomicBoolean(true);
        ReloadingChecker.Loader removing = d -> {
            if (removeOnce.getAndSet(false)) {
                // The directory was listed as changed; a file goes while the pack is read.
                Files.delete(d.resolve("extra.drl"));
                // what RulePack.load throws when a file it listed is gone by the time it reads it
                throw new java.nio.file.NoSuchFileException(d.resolve("extra.drl").toString());
            }
            return RulePack.load(d);
        };
        try (ReloadingChecker checker = ReloadingChecker.watch(dir, d -> RulePack.load(d), NEVER)) {
            assertThat(codes(checker.check(List.of(DOC)))).containsExactly("X-EXTRA", "X-ONE");
        }
        try (ReloadingChecker checker = ReloadingChecker.watch(dir, new ReloadingChecker.Loader() {
            boolean first = true;

            @Override
            public RulePack load(Path d) throws IOException {
                if (first) {
                    first = false;
                    return RulePack.load(d);
                }
                return removing.load(d);
            }
        }, NEVER)) {
            Files.writeString(dir.resolve("r.drl"), rule("X-TWO"));
            assertThat(checker.reloadIfChanged()).isFalse();
            assertThat(checker.lastError()).get().extracting(Throwable::getMessage)
                    .isEqualTo("rule file removed during reload: " + dir.resolve("extra.drl"));
            assertThat(codes(checker.check(List.of(DOC)))).containsExactly("X-EXTRA", "X-ONE");

            assertThat(checker.reloadIfChanged()).isTrue(); // retried, though nothing changed since
            assertThat(codes(checker.check(List.of(DOC)))).containsExactly("X-TWO");
            assertThat(checker.lastError()).isEmpty();
        }
    }

    @Test
    void backgroundPoller_picksUpAnEdit() throws Exception {
        try (ReloadingChecker checker = ReloadingChecker.watch(dir, Trust.CHECKED, Duration.ofMillis(50))) {
            Files.writeString(dir.resolve("r.drl"), rule("X-TWO"));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (checker.reloads() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(codes(checker.check(List.of(DOC)))).containsExactly("X-TWO");
        }
    }

    @Test
    void refusesToStart_onABrokenPack() throws IOException {
        Files.writeString(dir.resolve("r.drl"), "rule");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ReloadingChecker.watch(dir))
                .isInstanceOf(RulePackException.class);
    }

    @Test
    void keepsServingOldPack_whenTheNewOneThrowsAtRunTimeOnItsScenarios() throws IOException {
        Files.createDirectories(dir.resolve("tests"));
        Files.writeString(dir.resolve("tests/smoke.json"), """
                [ { "name": "smoke", "given": [ %s ], "expect": { "mustInclude": [] } } ]
                """.formatted(DOC_JSON));
        try (ReloadingChecker checker = ReloadingChecker.watch(dir, Trust.CHECKED, NEVER)) {
            Files.writeString(dir.resolve("r.drl"), rule("X-TWO").replace("insertLogical(",
                    "if ( $c.text().length() > 0 ) { throw new IllegalStateException( \"boom\" ); }\n    insertLogical("));
            assertThat(checker.reloadIfChanged()).isFalse();
            assertThat(checker.lastError()).get().extracting(Throwable::getMessage).asString()
                    .startsWith("the new rule pack fails at run time on its own scenario documents: ")
                    .contains("every claim").contains("boom");
            assertThat(codes(checker.check(List.of(DOC)))).containsExactly("X-ONE");

            Files.writeString(dir.resolve("r.drl"), rule("X-TWO"));
            assertThat(checker.reloadIfChanged()).isTrue();
            assertThat(codes(checker.check(List.of(DOC)))).containsExactly("X-TWO");
        }
    }

    /**
     * The canary reads its scenarios' article text with the candidate pack's predicate table: the pack's own verb row
     * makes "turned up at" the predicate attend, so its rule that refuses the bundled reading (the lemma turn) never
     * fires and the pack serves; without the row it is refused at run time.
     */
    @Test
    void canaryReadsScenarioText_withTheCandidatePacksPredicateTable() throws IOException {
        Files.createDirectories(dir.resolve("tests"));
        Files.writeString(dir.resolve("tests/parade.txt"),
                "Victory Day in Moscow\n\nRahmon turned up at the parade on Red Square on 9 May.\n");
        Files.writeString(dir.resolve("tests/parade.json"), """
                [ { "name": "parade", "given": [ "parade.txt" ], "expect": { "mustInclude": [] } } ]
                """);
        Files.writeString(dir.resolve("r.drl"), rule("X-ONE") + """

                rule "not the bundled reading"
                    @code("X-TURN") @category("unconfirmed") @severity("low") @message("{claim}")
                when
                    $c : ClaimFact( predicate == "turn" )
                then
                    throw new IllegalStateException( "read with the bundled predicate table" );
                end
                """);
        Files.createDirectories(dir.resolve("lexicon"));
        Files.writeString(dir.resolve("lexicon/predicates.csv"), "predicate,relation,other\nattend,verb,attend\n");
        List<String> withoutTheRow = ReloadingChecker.canary(RulePack.load(dir), dir, () -> false);
        assertThat(withoutTheRow).singleElement().asString()
                .startsWith("the new rule pack fails at run time on its own scenario documents: ")
                .contains("read with the bundled predicate table");

        Files.writeString(dir.resolve("lexicon/predicates.csv"),
                "predicate,relation,other\nattend,verb,attend\nattend,verb,turn up at\n");
        assertThat(ReloadingChecker.canary(RulePack.load(dir), dir, () -> false)).isEmpty();
    }
}
