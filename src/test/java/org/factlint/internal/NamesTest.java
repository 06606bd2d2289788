package org.factlint.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One person, one key, however the name is transliterated. */
class NamesTest {
    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
            "Berdimuhamedov, Berdymukhammedov",
            "Serdar Berdimuhamedov, SERDAR BERDYMUKHAMMEDOV",
            "Rahmon, Rakhmon",
            "Berdimuhamedov, Berdimuhamedow",
            "Émomali Rahmon, Emomali Rahmon",
            "Putin’s, Putins",
    })
    void foldsVariantsToOneKey(String a, String b) {
        assertThat(Names.fold(a)).isEqualTo(Names.fold(b));
    }

    @ParameterizedTest(name = "{0} != {1}")
    @CsvSource({
            "Rahmon, Rahman",
            "Putin, Peskov",
            "Serdar Berdimuhamedov, Gurbanguly Berdimuhamedov",
    })
    void keepsDifferentNamesApart(String a, String b) {
        assertThat(Names.fold(a)).isNotEqualTo(Names.fold(b));
    }
}
