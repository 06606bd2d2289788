package org.factlint.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.factlint.model.Document;
import org.factlint.model.Source;
import org.factlint.model.SourceKind;
import org.factlint.text.Extraction.SourceSpan;
import org.junit.jupiter.api.Test;

class SourceStageTest {
    private static Source source(Document doc, String name) {
        return doc.sources().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no source '" + name + "' in " + doc.sources()));
    }

    @Test
    void aSourcePhrase_isFoundBeforeOrAfterItsReportingVerb() {
        Stages s = new Stages("Presidential spokesman Dmitry Peskov said the talks went well. "
                + "The talks went well, said Dmitry Peskov.");
        for (int i = 0; i < 2; i++) {
            SourceSpan span = s.sentences.get(i).sources.get(0);
            assertThat(s.text.substring(span.start(), span.end())).endsWith("Dmitry Peskov");
            assertThat(span.verb()).isEqualTo("said");
        }
    }

    @Test
    void aPronounSource_isThePersonItStandsFor() {
        Document doc = ArticleText.parse("""
                Talks

                Foreign Minister Sergei Lavrov arrived in Ankara on Monday.
                The talks went well, he said.
                """);
        assertThat(doc.claims().stream().filter(c -> c.text().startsWith("The talks")).findFirst().orElseThrow()
                .attribution().get(0).source()).isEqualTo("sergei-lavrov");
        assertThat(source(doc, "Sergei Lavrov").kind()).isEqualTo(SourceKind.OFFICIAL);
    }

    @Test
    void sourcesGetKindsFromTheTableAndTitles_andPartiesFromCountriesAndPeople() {
        Document doc = ArticleText.parse("""
                Talks

                Tajik President Emomali Rahmon will come, Presidential spokesman Dmitry Peskov said.
                The visit is confirmed, Rahmon's press service said.
                The visit was announced, the State News Agency of Turkmenistan reported.
                """);
        assertThat(source(doc, "Presidential spokesman Dmitry Peskov").kind()).isEqualTo(SourceKind.PRESS_SERVICE);
        Source press = doc.sources().stream().filter(x -> x.name().endsWith("press service")).findFirst()
                .orElseThrow();
        assertThat(press.kind()).isEqualTo(SourceKind.PRESS_SERVICE);
        assertThat(press.party()).as("a press service speaks for its person's country").isEqualTo("Tajikistan");
        assertThat(source(doc, "State News Agency of Turkmenistan").kind()).isEqualTo(SourceKind.STATE_MEDIA);
        assertThat(source(doc, "State News Agency of Turkmenistan").party()).isEqualTo("Turkmenistan");
    }

    @Test
    void hisPressService_isThePossessorsPressService_oneSourceWithItsNamedForm() {
        Document doc = ArticleText.parse("""
                Talks

                Tajik President Emomali Rahmon arrived in Moscow on Monday.
                The visit is confirmed, his press service said.
                The talks went well, Rahmon's press service said.
                """);
        Source press = source(doc, "Emomali Rahmon's press service");
        assertThat(press.kind()).isEqualTo(SourceKind.PRESS_SERVICE);
        assertThat(press.party()).as("it speaks for its person's country").isEqualTo("Tajikistan");
        assertThat(doc.claims().stream().filter(c -> c.text().startsWith("The visit") || c.text().startsWith("The talks"))
                .map(c -> c.attribution().get(0).source()).distinct().toList())
                .as("both sentences cite the one press service").containsExactly(press.id());
        assertThat(doc.sources()).extracting(Source::name).doesNotContain("his press service");
    }

    @Test
    void hisPressService_afterAQuotationNamingSomeoneElse_isTheSpeakers() {
        Document doc = ArticleText.parse("""
                Talks

                Tajik President Emomali Rahmon arrived in Moscow.
                "Vladimir Putin is a friend," he said.
                The visit is confirmed, his press service said.
                """);
        assertThat(doc.claims().stream().filter(c -> c.text().startsWith("The visit")).findFirst().orElseThrow()
                .attribution().get(0).source()).isEqualTo(source(doc, "Emomali Rahmon's press service").id());
        assertThat(doc.sources()).extracting(Source::name).doesNotContain("Vladimir Putin's press service");
    }

    @Test
    void itAsASource_isTheSourceNamedJustBefore() {
        Document doc = ArticleText.parse("""
                Talks

                Rahmon accepted the invitation, the State News Agency of Turkmenistan reported.
                It did not specify whether the talks would be held.
                """);
        assertThat(doc.claims().stream().filter(c -> c.text().startsWith("It did not")).findFirst().orElseThrow()
                .attribution().get(0).source()).isEqualTo("state-news-agency-of-turkmenistan");
    }
}
