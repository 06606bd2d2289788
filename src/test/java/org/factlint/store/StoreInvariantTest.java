package org.factlint.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.factlint.Checker;
import org.factlint.Factlint;
import org.factlint.Flag;
import org.factlint.SplitCheck;
import org.factlint.model.Document;
import org.factlint.property.Claims;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The store's invariant: adding documents one at a time, in any order, leaves exactly the open flags of one batch check
 * of all of them; on generated document sets and on the documents of every scenario of the bundled pack.
 */
class StoreInvariantTest {
    static final Checker CHECKER = Factlint.checker();
    /**
     * The clock of every check here: years after the documents, so the time rules (escalation, passed forecasts)
     * take part in the invariant too.
     */
    static final java.time.Instant NOW = java.time.Instant.parse("2026-06-01T09:00:00Z");
    static final Checker AT_NOW = CHECKER.at(NOW);

    static List<Flag> addedOneByOne(List<Document> docs, Path file) {
        try (ClaimStore store = Stores.sqlite(file, CHECKER, java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC))) {
            for (Document d : docs) {
                store.add(d);
            }
            return store.flags(FlagQuery.open()).stream().map(StoredFlag::flag).sorted().toList();
        }
    }

    @Provide
    Arbitrary<List<Document>> documentSets() {
        return Claims.documentSets();
    }

    @Property(tries = 40)
    void addingOneAtATimeInAnyOrder_leavesTheFlagsOfOneBatchCheck(@ForAll("documentSets") List<Document> docs,
                                                                   @ForAll long seed) throws IOException {
        List<Document> order = new ArrayList<>(docs);
        Collections.shuffle(order, new Random(seed));
        Path file = Files.createTempFile("factlint-store", ".store");
        Files.delete(file);
        try {
            assertThat(addedOneByOne(order, file)).containsExactlyElementsOf(AT_NOW.check(docs).flags());
        } finally {
            for (String suffix : List.of("", "-wal", "-shm")) {
                Files.deleteIfExists(Path.of(file + suffix));
            }
        }
    }

    /**
     * The sample a fresh-clone CI run found (shrunk from jqwik seed -8433440451447041453): a new headline says a stored
     * one "has not confirmed", which raises UNC-NONCONFIRMED on both, and on the clock escalates the stored claim
     * alone (UNC-STILL-UNCONFIRMED on stored claims only, raised by an add: not a code an add can only retract).
     */
    @Test
    void aNewNonConfirmation_escalatesTheStoredClaimItQuestions() throws IOException {
        String doc = """
                {"article": {"id": "%s", "outlet": "wire", "headline": "Headline", "published": "2023-05-10"},
                 "sources": [{"id": "wire", "name": "Example Wire", "kind": "wire_agency"}],
                 "entities": [{"id": "putin", "name": "Vladimir Putin", "party": "Russia"}],
                 "claims": [{"id": "c1", "text": "Claim 1.", "subject": "putin", "predicate": "invite",
                             "headline": true %s}]}""";
        List<Document> docs = List.of(
                org.factlint.Factlint.parse(doc.formatted("d0", "")).documents().get(0),
                org.factlint.Factlint.parse(doc.formatted("d1", """
                        , "cues": [{"text": "has not confirmed", "category": "non_confirmation"}],
                          "relations": [{"type": "questions", "target": "d0:c1"}]""")).documents().get(0));
        List<Flag> batch = AT_NOW.check(docs).flags();
        assertThat(batch).extracting(Flag::code).contains("UNC-STILL-UNCONFIRMED");
        Path dir = Files.createTempDirectory("factlint-store");
        try {
            assertThat(addedOneByOne(docs, dir.resolve("forward.store"))).containsExactlyElementsOf(batch);
            assertThat(addedOneByOne(List.of(docs.get(1), docs.get(0)), dir.resolve("backward.store")))
                    .containsExactlyElementsOf(batch);
        } finally {
            try (Stream<Path> s = Files.list(dir)) {
                for (Path p : s.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(dir);
        }
    }

    /**
     * The sample a fresh-clone CI run found (shrunk from jqwik seed 1791289685724737350): a stored claim escalated on the
     * clock (d1:c2, undecided) confirms a claim that arrives next (d0:c1), which widens the escalation's scope; a third
     * document that denies another claim of d1 then re-checks the escalation with its support and still raises it, so
     * it stays open, though the wider scope was not loaded.
     */
    @Test
    void aStoredEscalation_staysOpen_whenAClaimItNamesArrivedAfterIt() throws IOException {
        String head = """
                {"article": {"id": "%s", "outlet": "%s", "headline": "Headline", "published": "2023-05-10"},
                 "sources": [{"id": "wire", "name": "Example Wire", "kind": "wire_agency"},
                             {"id": "daily", "name": "Example Daily", "kind": "independent_media"},
                             {"id": "tass", "name": "TASS", "kind": "state_media", "party": "Russia"}],
                 "entities": [{"id": "putin", "name": "Vladimir Putin", "party": "Russia"},
                              {"id": "rahmon", "name": "Emomali Rahmon", "party": "Tajikistan", "groups": ["foreign-leader"]},
                              {"id": "foreign-leader", "name": "foreign leader"},
                              {"id": "parade", "name": "Victory Day parade"}, {"id": "ashgabat-city", "name": "Ashgabat"}],
                 "claims": [%s]}""";
        Document d0 = Factlint.parse(head.formatted("d0", "daily", """
                {"id": "c1", "text": "C1 d0.", "subject": "putin", "predicate": "invite", "headline": true}"""))
                .documents().get(0);
        Document d1 = Factlint.parse(head.formatted("d1", "wire", """
                {"id": "c1", "text": "C1 d1.", "subject": "foreign-leader", "predicate": "invite",
                 "when": {"from": "2023-05-01"}, "headline": true},
                {"id": "c2", "text": "C2 d1.", "subject": "foreign-leader", "predicate": "attend",
                 "when": {"from": "2023-05-01"}, "polarity": "negated", "factuality": "unknown",
                 "cues": [{"text": "is weighing", "category": "unspecified"},
                          {"text": "did not specify", "category": "undecided"}],
                 "relations": [{"type": "confirms", "target": "d0:c1"}]}""")).documents().get(0);
        Document d2 = Factlint.parse(head.formatted("d2", "daily", """
                {"id": "c1", "text": "C1 d2.", "subject": "foreign-leader", "predicate": "participants",
                 "object": "foreign-leader", "place": "ashgabat-city", "when": {"from": "2023-05-08", "to": "2023-05-10"},
                 "polarity": "negated", "factuality": "probable", "attribution": [{"source": "tass", "cue": "said"}],
                 "cues": [{"text": "reportedly", "category": "denial"}], "relations": [{"type": "denies", "target": "d1:c1"}]},
                {"id": "c4", "text": "C4 d2.", "subject": "parade", "predicate": "participants", "object": "rahmon",
                 "when": {"from": "2023-05-07", "to": "2023-05-10"}, "headline": true,
                 "attribution": [{"source": "wire", "cue": "said"}],
                 "cues": [{"text": "it is believed", "category": "unspecified"}],
                 "relations": [{"type": "denies", "target": "d1:c1"}]}""")).documents().get(0);
        List<Flag> batch = AT_NOW.check(List.of(d0, d1, d2)).flags();
        assertThat(batch).filteredOn(f -> f.code().equals("UNC-STILL-UNCONFIRMED"))
                .extracting(f -> f.claims().get(0)).contains("d1:c2");
        Path dir = Files.createTempDirectory("factlint-store");
        try {
            assertThat(addedOneByOne(List.of(d1, d0, d2), dir.resolve("late.store"))).containsExactlyElementsOf(batch);
        } finally {
            try (Stream<Path> s = Files.list(dir)) {
                for (Path p : s.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(dir);
        }
    }

    static Stream<SplitCheck.Given> scenarios() throws IOException {
        return SplitCheck.scenarios(Path.of("rules")).stream().filter(s -> !s.documents().isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void everyScenario_addedOneAtATime_forwardAndBackward_flagsWhatOneBatchFlags(SplitCheck.Given scenario)
            throws IOException {
        List<Flag> batch = AT_NOW.check(scenario.documents()).flags();
        List<Document> backward = new ArrayList<>(scenario.documents());
        Collections.reverse(backward);
        Path dir = Files.createTempDirectory("factlint-store");
        try {
            for (List<Document> order : List.of(scenario.documents(), backward)) {
                List<Flag> stored = addedOneByOne(order, dir.resolve(order == backward ? "backward.store" : "forward.store"));
                // A desk session fed the same documents in the same order: the store is one that never forgets.
                List<Flag> desk = deskInOrder(order);
                assertThat(stored).containsExactlyElementsOf(desk);
                if (!desk.equals(batch)) {
                    // Only a short name ("Aliyev") can make arrival order matter: it joins the one candidate in
                    // scope when it arrives, and a second candidate arriving later does not undo that.
                    assertThat(scenario.documents()).as("order-dependent without a short name")
                            .anySatisfy(d -> assertThat(d.entities()).anySatisfy(e -> assertThat(e.name()).doesNotContain(" ")));
                } else {
                    assertThat(stored).containsExactlyElementsOf(batch);
                }
            }
        } finally {
            try (Stream<Path> s = Files.list(dir)) {
                for (Path p : s.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(dir);
        }
    }

    private static List<Flag> deskInOrder(List<Document> order) {
        try (org.factlint.DeskSession desk = AT_NOW.openDesk()) {
            List<Flag> flags = List.of();
            for (Document d : order) {
                flags = desk.add(d);
            }
            List<Flag> sorted = new ArrayList<>(flags);
            sorted.sort(null);
            return sorted;
        }
    }
}
