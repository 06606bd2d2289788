package org.factlint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.factlint.model.Document;
import org.factlint.model.InvalidDocumentException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Flags that follow the evidence as claims arrive: truth maintenance retracts what later claims settle. */
class DeskSessionTest {
    static Checker checker;
    static Document seed;
    static Document followup;

    @BeforeAll
    static void load() throws IOException {
        checker = Factlint.checker();
        seed = Factlint.read(Path.of("seeds/moscow-times.claims.json")).documents().get(0);
        followup = Factlint.read(Path.of("seeds/constructed-followup.claims.json")).documents().get(0);
    }

    @Test
    void retractsUnconfirmedFlag_whenAnIndependentConfirmationArrives() {
        try (DeskSession desk = checker.openDesk()) {
            List<Flag> before = desk.add(seed);
            assertThat(before).extracting(Flag::code, Flag::claims).contains(
                    tuple("UNC-SINGLE-INTERESTED", List.of("mt:c1")),
                    tuple("UNC-NONCONFIRMED", List.of("mt:c1", "mt:c4")),
                    tuple("UNC-HEADLINE", List.of("mt:h1", "mt:c1")),
                    tuple("UNC-UNDECIDED", List.of("mt:c6")));

            List<Flag> after = desk.add(followup);
            assertThat(after).extracting(Flag::code, Flag::claims)
                    .doesNotContain(tuple("UNC-SINGLE-INTERESTED", List.of("mt:c1")),
                            tuple("UNC-NONCONFIRMED", List.of("mt:c1", "mt:c4")),
                            tuple("UNC-HEADLINE", List.of("mt:h1", "mt:c1")),
                            tuple("UNC-UNDECIDED", List.of("mt:c6")))
                    .contains(tuple("CON-TWO-PLACES", List.of("followup:f2", "mt:c7")));
            assertThat(desk.documents()).isEqualTo(2);
            assertThat(desk.claims()).isEqualTo(19);
        }
    }

    @Test
    void givesTheSameFlagsAsAOneShotCheck_ofTheSameDocuments() {
        try (DeskSession desk = checker.openDesk()) {
            desk.add(followup);
            assertThat(desk.add(seed)).isEqualTo(checker.check(seed, followup).flags());
        }
    }

    @Test
    void rejectsAnArticleAddedTwice_andKeepsWhatItHad() {
        try (DeskSession desk = checker.openDesk()) {
            List<Flag> flags = desk.add(seed);
            assertThatThrownBy(() -> desk.add(seed)).isInstanceOf(InvalidDocumentException.class)
                    .hasMessage("article 'mt' is already loaded");
            assertThat(desk.flags()).isEqualTo(flags);
            assertThat(desk.documents()).isEqualTo(1);
        }
    }

    @Test
    void refusesUse_afterClose() {
        DeskSession desk = checker.openDesk();
        desk.close();
        assertThatThrownBy(desk::flags).isInstanceOf(IllegalStateException.class)
                .hasMessage("this desk session is closed");
    }
}
