package org.factlint.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Figures become intervals the way fact-checkers read them. */
class QuantityTest {
    @ParameterizedTest(name = "{1} {0} -> [{2}, {3}]")
    @CsvSource({
            "10000, EXACT,      5000,  15000",
            "10000, ABOUT,      5000,  15000",
            "8000,  ABOUT,      7500,  8500",
            "125,   EXACT,      125,   125",
            "28,    ABOUT,      27.5,  28.5",
            "10000, AT_LEAST,   10000, 15000",
            "10000, UP_TO,      0,     10000",
    })
    void readsFigureAsInterval(double value, Qualifier qualifier, double lo, double hi) {
        Quantity q = new Quantity(value, "people", qualifier);
        assertThat(q.lo()).isEqualTo(lo);
        assertThat(q.hi()).isEqualTo(hi);
    }

    @Test
    void moreThanExcludesTheFigureItself_andFewerThanToo() {
        Quantity more = new Quantity(10000, null, Qualifier.MORE_THAN);
        assertThat(more.lo()).isGreaterThan(10000).isLessThan(10000.001);
        assertThat(more.hi()).isEqualTo(15000);
        Quantity fewer = new Quantity(100, null, Qualifier.FEWER_THAN);
        assertThat(fewer.hi()).isLessThan(100);
        assertThat(fewer.lo()).isEqualTo(50);
    }

    @Test
    void moreThanTenThousand_andAboutEightThousand_cannotBothHold() {
        assertThat(new Quantity(10000, "people", Qualifier.MORE_THAN)
                .overlaps(new Quantity(8000, "people", Qualifier.ABOUT))).isFalse();
        assertThat(new Quantity(10000, "people", Qualifier.MORE_THAN)
                .overlaps(new Quantity(12000, "people", Qualifier.ABOUT))).isTrue();
    }

    @Test
    void rejectsNaNInfinityAndNegativeFigures_namingTheValue() {
        assertThatThrownBy(() -> new Quantity(Double.NaN, null, null))
                .hasMessage("quantity value must be a finite number, was NaN");
        assertThatThrownBy(() -> new Quantity(Double.POSITIVE_INFINITY, null, null))
                .hasMessage("quantity value must be a finite number, was Infinity");
        assertThatThrownBy(() -> new Quantity(-1, null, null))
                .hasMessage("quantity value must not be negative, was -1.0");
    }
}
