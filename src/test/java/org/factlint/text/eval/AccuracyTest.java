package org.factlint.text.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.factlint.text.Analysis;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The front end's accuracy on the dev splits of the public corpora in {@code ../shared/corpora} (see ACCURACY.md).
 * Each figure may not drop more than 3 points below what the front end reached when this test was written. Without
 * the corpora the test is skipped with a message, except under {@code CI=true}, where that is a failure.
 */
class AccuracyTest {
    static final Path CORPORA = Path.of("../shared/corpora");
    static final double SLACK = 0.03;
    // the figures reached on dev (ACCURACY.md); not the targets, which are not all met
    static final double SENTENCE_F1 = 0.823;
    static final double SOURCE_F1 = 0.712;
    static final double CUE_F1 = 0.716;
    static final double ANONYMOUS_P = 0.606;
    static final double ANONYMOUS_R = 0.472; // session 9: clause reading of stance, raising verbs, colon speakers
    static final double UW_R = 0.610;
    static final double UW_MAE = 0.590;
    static final double MEANTIME_MAE = 0.271;

    @BeforeAll
    static void corporaArePresent() {
        if (!Files.isDirectory(CORPORA.resolve("polnear/dev")) || !Files.isDirectory(CORPORA.resolve("factuality"))) {
            String msg = "the corpora are not in " + CORPORA.toAbsolutePath().normalize()
                    + " (polnear/dev and factuality/): accuracy not measured";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(msg + ", and under CI=true that is a failure");
            }
            Assumptions.abort(msg);
        }
    }

    @Test
    void polnearDev_attributionFigures_holdWithinThreePointsOfWhatWasReached() throws IOException {
        AttributionEval.Result r = AttributionEval.run(BratAttributions.readSplit(CORPORA.resolve("polnear/dev")),
                Analysis::attributions, 0);
        assertThat(r.sentence().f1()).as("sentence has attribution F1").isGreaterThanOrEqualTo(SENTENCE_F1 - SLACK);
        assertThat(r.source().f1()).as("source span F1").isGreaterThanOrEqualTo(SOURCE_F1 - SLACK);
        assertThat(r.cue().f1()).as("cue span F1").isGreaterThanOrEqualTo(CUE_F1 - SLACK);
        assertThat(r.anonymous().precision()).as("anonymous precision").isGreaterThanOrEqualTo(ANONYMOUS_P - SLACK);
        assertThat(r.anonymous().recall()).as("anonymous recall").isGreaterThanOrEqualTo(ANONYMOUS_R - SLACK);
    }

    @Test
    void uwAndMeantimeDev_factualityFigures_holdWithinThreePointsOfWhatWasReached() throws IOException {
        FactualityEval.Result uw = FactualityEval.run(ConllFactuality.read(CORPORA.resolve("factuality/uw-dev.conll")),
                Analysis::factuality, 0);
        assertThat(uw.pearson()).as("UW Pearson r").isGreaterThanOrEqualTo(UW_R - SLACK);
        assertThat(uw.mae()).as("UW MAE").isLessThanOrEqualTo(UW_MAE + SLACK);
        FactualityEval.Result mt = FactualityEval.run(
                ConllFactuality.read(CORPORA.resolve("factuality/meantime-dev.conll")), Analysis::factuality, 0);
        assertThat(mt.mae()).as("MEANTIME MAE").isLessThanOrEqualTo(MEANTIME_MAE + SLACK);
        // better than answering "certain" everywhere, on both
        assertThat(uw.mae()).isLessThan(uw.maeAllCertain());
        assertThat(mt.mae()).isLessThan(mt.maeAllCertain());
    }
}
