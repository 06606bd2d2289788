package org.factlint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.factlint.DocBuilder.article;
import static org.factlint.DocBuilder.claim;

import java.nio.file.Path;
import java.util.List;
import org.factlint.io.ReportWriter;
import org.factlint.model.Document;
import org.factlint.model.RelationType;
import org.factlint.store.Change;
import org.factlint.store.ClaimStore;
import org.factlint.store.Stores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A relation to a claim of a document that is not in the batch, the desk session or the store is a warning in the
 * report: listed apart from the flags about the news, in text and JSON, and gone once the document arrives.
 */
class DanglingRelationWarningTest {
    static final Checker CHECKER = Factlint.checker();

    private static Document denial() {
        return article("a").entity("peskov", "Dmitry Peskov").entity("x", "the report")
                .claim(claim("c1", "peskov", "deny").object("x").text("Peskov denied the report.").relation(RelationType.DENIES, "b:d1")).build();
    }

    private static Document denied() {
        return article("b").entity("peskov", "Dmitry Peskov").entity("x", "the report")
                .claim(claim("d1", "peskov", "deny").object("x")).build();
    }

    @Test
    void aRelationToAClaimNobodyChecked_isAWarningOfTheReport() {
        Report report = CHECKER.check(denial());
        assertThat(report.warnings()).extracting(Flag::code).containsExactly("CONS-UNKNOWN-TARGET");
        assertThat(report.warnings().get(0).message())
                .isEqualTo("“Peskov denied the report.” denies claim 'b:d1', which is not among the documents checked: the relation "
                        + "is not used.");
        assertThat(report.findings()).extracting(Flag::code).doesNotContain("CONS-UNKNOWN-TARGET");
    }

    @Test
    void theTextReport_listsItAsAWarning_andCountsItApartFromTheFlags() {
        String text = ReportWriter.text(CHECKER.check(denial()));
        assertThat(text).contains("warning: “Peskov denied the report.” denies claim 'b:d1', which is not among the documents checked: "
                + "the relation is not used. [CONS-UNKNOWN-TARGET]");
        assertThat(text).doesNotContain("LOW    CONS-UNKNOWN-TARGET").endsWith("; 1 warning" + System.lineSeparator());
    }

    @Test
    void theJsonReport_hasItUnderWarnings() {
        String json = ReportWriter.json(CHECKER.check(denial()));
        assertThat(json).contains("\"warnings\" : 1").contains("\"warnings\" : [ {");
    }

    @Test
    void inAClaimStore_theWarningIsRaised_andRetractedWhenTheDocumentIsStored(@TempDir Path dir) {
        try (ClaimStore store = Stores.sqlite(dir.resolve("desk.store"), CHECKER)) {
            Change first = store.add(denial());
            Change second = store.add(denied());
            assertThat(first.raised()).extracting(e -> e.flag().code()).contains("CONS-UNKNOWN-TARGET");
            assertThat(second.retracted()).extracting(e -> e.flag().code() + " " + e.flag().claims())
                    .containsExactly("CONS-UNKNOWN-TARGET [a:c1]");
        }
    }

    @Test
    void whenTheDocumentArrivesInTheSameDeskSession_theWarningGoes() {
        try (DeskSession desk = CHECKER.openDesk()) {
            assertThat(desk.add(denial())).filteredOn(f -> f.category() == Category.INPUT).hasSize(1);
            assertThat(desk.add(denied())).filteredOn(f -> f.category() == Category.INPUT).isEmpty();
        }
    }
}
