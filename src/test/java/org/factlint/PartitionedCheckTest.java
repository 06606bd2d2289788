package org.factlint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.factlint.internal.FactLoader;
import org.factlint.internal.Partitions;
import org.factlint.model.Article;
import org.factlint.model.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A large check split into parallel sessions must flag exactly what one session flags. */
class PartitionedCheckTest {
    private static List<Document> documents;

    @BeforeAll
    static void read() throws IOException {
        Batch seeds = Factlint.read(Path.of("seeds/moscow-times.claims.json"),
                Path.of("seeds/constructed-followup.claims.json"), Path.of("seeds/constructed-archive.claims.json"));
        documents = new ArrayList<>(seeds.documents());
        // The same articles again under other ids: every event is now told by more articles.
        for (Document d : seeds.documents()) {
            Article a = d.article();
            documents.add(new Document(new Article(a.id() + "-again", a.outlet(), a.headline(), a.published(), a.url(),
                    a.text()), d.sources(), d.entities(), d.claims()));
        }
    }

    @Test
    void flagsTheSameInParallelParts_asInOneSession() {
        Report oneSession = oneSession(RulePack.bundled()).check(documents);
        Report split = inParts(RulePack.bundled()).check(documents);

        assertThat(oneSession.flags()).isNotEmpty();
        assertThat(split.flags()).containsExactlyElementsOf(oneSession.flags());
        assertThat(split.claims()).isEqualTo(oneSession.claims());
    }

    @Test
    void splitsTheSeedsIntoSeveralParts_keepingEveryFact() {
        FactLoader loader = new FactLoader(RulePack.bundled().facts());
        List<Object> facts = new ArrayList<>();
        documents.forEach(d -> facts.addAll(loader.load(d)));

        List<List<Object>> parts = Partitions.split(RulePack.bundled().joins(), facts, 3);

        assertThat(parts).hasSize(3);
        long claims = parts.stream().flatMap(List::stream).filter(f -> f instanceof org.factlint.facts.ClaimFact).count();
        assertThat(claims).isEqualTo(loader.claims());
    }

    @Test
    void smallPartsCheckedOneByOne_flagWhatOneSessionFlags() {
        FactLoader loader = new FactLoader(RulePack.bundled().facts());
        List<Object> facts = new ArrayList<>();
        documents.forEach(d -> facts.addAll(loader.load(d)));

        List<List<Object>> parts = Partitions.split(RulePack.bundled().joins(), facts, 2, 8); // about 8 claims a part
        List<Flag> flags = new ArrayList<>();
        for (List<Object> part : parts) {
            try (DeskSession desk = new DeskSession(RulePack.bundled(), CheckerOptions.defaults(), List.of())) {
                desk.insertFacts(part);
                assertThat(desk.fire()).isEmpty();
                flags.addAll(desk.flags());
            }
        }

        assertThat(parts).hasSizeGreaterThan(4);
        assertThat(flags).hasSameSizeAs(oneSession(RulePack.bundled()).check(documents).flags())
                .containsExactlyInAnyOrderElementsOf(oneSession(RulePack.bundled()).check(documents).flags());
    }

    @Test
    void checksAPackFromADirectory_withTheBundledPacksFlags() throws IOException {
        RulePack copy = RulePack.load(Path.of("rules"));
        Report report = inParts(copy).check(documents);

        assertThat(report.flags()).containsExactlyElementsOf(
                oneSession(RulePack.bundled()).check(documents).flags());
    }

    @Test
    void keepsClaimsAboutDifferentSubjectsApart_evenFromOneListedSourceInOneArticle() {
        // tass is in the bundled source table as Russian state media; this article declares it independent.
        Document doc = DocBuilder.article("a")
                .source("tass", org.factlint.model.SourceKind.INDEPENDENT_MEDIA, null)
                .entity("x", "Xavier Example").entity("y", "Yolanda Example")
                .claim(DocBuilder.claim("c2", "x", "visit").saidBy("tass", "said").text("Xavier visited."))
                .claim(DocBuilder.claim("c1", "y", "resign").saidBy("tass", "said").text("Yolanda resigned."))
                .build();
        FactLoader loader = new FactLoader(RulePack.bundled().facts());
        List<Object> facts = new ArrayList<>(loader.load(doc));

        List<List<Object>> parts = Partitions.split(RulePack.bundled().joins(), facts, 2);
        Report split = inParts(RulePack.bundled()).check(doc);

        assertThat(parts).hasSize(2); // the two subjects need not share a session
        assertThat(split.flags()).filteredOn(f -> f.code().equals("CONS-SOURCE-TABLE"))
                .extracting(Flag::claims).containsExactly(List.of("a:c1")); // once, on the article's first claim
        assertThat(split.flags()).containsExactlyElementsOf(oneSession(RulePack.bundled()).check(doc).flags());
    }

    @Test
    void spreadsFactsThatNoClaimJoins_overTheParts() {
        // Declared names no claim of their article spells are components without claims: balanced by claims alone
        // they all went to one part (at 100k claims, 395k of 562k facts in one part of four).
        List<Object> facts = new ArrayList<>();
        FactLoader loader = new FactLoader(RulePack.bundled().facts());
        for (int a = 0; a < 2; a++) {
            DocBuilder doc = DocBuilder.article("a" + a).entity("s", "Subject Number" + a);
            for (int e = 0; e < 40; e++) {
                doc.entity("n" + e, "Bystander" + a + "x" + e + " Onlooker" + a + "y" + e);
            }
            facts.addAll(loader.load(doc.claim(DocBuilder.claim("c", "s", "resign").text("Resigned.")).build()));
        }

        List<List<Object>> parts = Partitions.split(RulePack.bundled().joins(), facts, 2);

        assertThat(parts).hasSize(2);
        assertThat(Math.abs(parts.get(0).size() - parts.get(1).size())).isLessThanOrEqualTo(4);
        assertThat(parts.get(0).size() + parts.get(1).size()).isGreaterThan(160); // 160 declared words, all placed
    }

    private static Checker oneSession(RulePack pack) {
        return new Checker(pack, CheckerOptions.defaults(), List.of(), Integer.MAX_VALUE, 1);
    }

    /** Splits every check, whatever its size, into three parts (where the pack allows it). */
    private static Checker inParts(RulePack pack) {
        return new Checker(pack, CheckerOptions.defaults(), List.of(), 1, 3);
    }
}
