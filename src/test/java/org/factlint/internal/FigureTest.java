package org.factlint.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.factlint.model.Qualifier;
import org.factlint.model.Quantity;
import org.junit.jupiter.api.Test;

/** Figures print in full at any size: a long would stop at 9,223,372,036,854,775,807. */
class FigureTest {
    @Test
    void figuresAboveTwoToTheSixtyThird_printInFull() {
        assertThat(FactLoader.figure(new Quantity(1e19, "people", Qualifier.MORE_THAN)))
                .isEqualTo("more than 10,000,000,000,000,000,000 people");
        assertThat(FactLoader.figure(new Quantity(8000, null, Qualifier.ABOUT))).isEqualTo("about 8,000");
    }
}
