package org.factlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.factlint.Factlint;
import org.factlint.RulePack;
import org.factlint.TestFiles;
import org.factlint.model.Claim;
import org.factlint.model.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Article text read for a pack names its predicates with that pack's table: a verb row a rule author adds to a copy
 * of the pack is read from text by the library, by {@code factlint check --rules} and by {@code factlint extract
 * --rules}, with no Java edit; without the pack the bundled table is used. One pack compiled for the class.
 */
class PackPredicateTableTextTest {
    private static final String SENTENCE = "Rahmon turned up at the parade on Red Square on 9 May.";

    @TempDir
    static Path dir;
    static Path pack;
    static Path article;
    static RulePack compiled;

    @BeforeAll
    static void aCopyOfThePackWithOneVerbRowAdded() throws IOException {
        pack = dir.resolve("rules");
        TestFiles.copyTree(Path.of("rules"), pack);
        Path table = pack.resolve("lexicon/predicates.csv");
        Files.writeString(table, Files.readString(table) + "attend,verb,turn up at\n");
        article = dir.resolve("parade.txt");
        Files.writeString(article, "Victory Day in Moscow\n\n" + SENTENCE + "\n", StandardCharsets.UTF_8);
        compiled = RulePack.load(pack);
    }

    @Test
    void withoutThePack_theUnknownVerbKeepsItsLemma() throws IOException {
        assertThat(predicate(Factlint.read(article).documents().get(0))).isEqualTo("turn");
    }

    @Test
    void readForThePack_theVerbIsThePredicateTheRowNames() throws IOException {
        assertThat(predicate(Factlint.read(compiled, article).documents().get(0))).isEqualTo("attend");
        assertThat(compiled.predicateTerms()).anyMatch(t -> t.other().equals("turn up at"));
    }

    @Test
    void extractWithRules_printsThePredicateOfThePacksTable() {
        CliRun withPack = CliRun.of("extract", "--rules", pack.toString(), article.toString());
        CliRun bundled = CliRun.of("extract", article.toString());
        assertThat(withPack.exit()).as(withPack.err()).isZero();
        assertThat(withPack.out()).contains("\"predicate\" : \"attend\"");
        assertThat(bundled.out()).doesNotContain("\"predicate\" : \"attend\"");
    }

    @Test
    void extractWithABrokenPack_failsWithExitTwoAndNamesIt() throws IOException {
        Path broken = dir.resolve("empty-pack");
        Files.createDirectories(broken);
        CliRun r = CliRun.of("extract", "--rules", broken.toString(), article.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("factlint: ");
    }

    private static String predicate(Document doc) {
        return doc.claims().stream().filter(c -> !c.headline()).map(Claim::predicate).findFirst().orElseThrow();
    }
}
