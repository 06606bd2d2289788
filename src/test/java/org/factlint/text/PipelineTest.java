package org.factlint.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class PipelineTest {
    @Test
    void theDefaultPipeline_runsEachStageAfterWhatItNeeds() {
        assertThat(Pipeline.DEFAULT.stages()).extracting(Pipeline.Stage::name)
                .containsExactly("headline", "sentences", "cues", "attribution", "numbers", "factuality", "names",
                        "coreference", "claims");
    }

    @Test
    void aStageBeforeWhatItNeeds_isNamedWithTheMissingLayers() {
        assertThatThrownBy(() -> new Pipeline(List.of(Pipeline.SENTENCES, Pipeline.NUMBERS, Pipeline.ATTRIBUTION)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("stage 'numbers' needs sources, which no stage before it adds (before it: sentences)");
        assertThatThrownBy(() -> new Pipeline(List.of(Pipeline.FACTUALITY)))
                .hasMessageStartingWith("stage 'factuality' needs ").hasMessageEndingWith("(before it: none)");
    }

    @Test
    void everyStagesKnowledge_isADataFileNextToTheCode() {
        for (String table : List.of("cues.csv", "reporting.csv", "units.csv", "factuality.csv", "sources.csv",
                "places.csv", "titles.csv", "predicates.csv", "words.csv", "groups.csv", "figures.csv")) {
            assertThat(Tables.rows(table, columns(table))).as(table).isNotEmpty();
        }
    }

    @Test
    void aWordListTheCodeAsksFor_mustBeInWordsCsv_andTheMessageSaysWhichListsThereAre() {
        assertThat(Tables.DEFAULT.words("light-verb")).contains("be", "have", "say");
        assertThatThrownBy(() -> Tables.DEFAULT.words("no-such-list")).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("words.csv has no list 'no-such-list' (it has: [clause-contrast, clause-coordinator, colon-label, complementiser, event-name-word, event-noun, event-place-preposition, existential-predicate, function-word, group-noun,");
    }

    private static int columns(String table) {
        return switch (table) {
            case "reporting.csv" -> 6;
            case "factuality.csv", "sources.csv", "groups.csv", "figures.csv" -> 3;
            case "places.csv" -> 4;
            default -> 2;
        };
    }
}
