package org.factlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EvalCommandTest {
    static final String FIXTURES = org.factlint.text.eval.EvalFixtures.corpora().toString();

    @Test
    void eval_overTheFixtureCorpora_printsEachCorpusWithItsMeasures() {
        CliRun r = CliRun.of("eval", "--corpora", FIXTURES, "--misses", "3");
        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("PolNeAR dev: 1 articles, ", " 3 gold attributions", "sentence has attribution",
                "source span (overlap)", "cue span (overlap)", "anonymous source", "cue recall by gold cue:",
                "UW dev: 3 sentences, 3 annotated predicates", "MEANTIME dev: 3 sentences", "Pearson r ",
                "(MAE answering +3 everywhere: 2.500)");
    }

    @Test
    void eval_anUnknownCorpus_isAUsageErrorNamingTheChoices() {
        CliRun r = CliRun.of("eval", "--corpora", FIXTURES, "factbank");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("factlint eval: unknown corpus 'factbank' (expected polnear, uw or meantime)"
                + System.lineSeparator());
    }

    @Test
    void eval_aMissingCorporaFolder_namesThePathItLookedFor() {
        CliRun r = CliRun.of("eval", "--corpora", "no-such-dir", "uw");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("factlint eval: 'no-such-dir/factuality/uw-dev.conll' not found");
    }
}
