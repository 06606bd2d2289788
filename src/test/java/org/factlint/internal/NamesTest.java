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
            "Рахмон, Rahmon",
            "Жапаров, Japarov",
            "Садыр Жапаров, Sadyr Zhaparov",
            "Khrushchev, Chruschtschow",
            "Khrushchev, Khrouchtchev",
            "Khrushchev, Хрущёв",
            "Gorbachev, Gorbatschow",
            "Japarov, Dschaparow",
            "Japarov, Djaparov",
            "Sergei Lavrov, Sergej Lawrow",
            "Yevgeny Prigozhin, Evgueni Prigojine",
            "Vladimir Putin, Vladimir Poutine",
            "Ilham Aliyev, İlham Əliyev",
            "Zelenskyy, Selenskyj",
            "Κυριάκος Μητσοτάκης, Kyriakos Mitsotakis",
    })
    void foldsVariantsToOneKey(String a, String b) {
        assertThat(Names.key(a).full()).containsAnyElementsOf(Names.key(b).full());
    }

    @ParameterizedTest(name = "{0} is spelled {1} in English-language news")
    @CsvSource({"Рахмон, Rahmon", "Жапаров, Japarov", "Эмомали Рахмон, Emomali Rahmon", "Хрущёв, Khrushchev"})
    void otherScripts_areRomanisedAsNewsSpellsThem(String script, String latin) {
        assertThat(Names.latin(script)).isEqualTo(latin);
    }

    @ParameterizedTest(name = "{0} != {1}")
    @CsvSource({
            "Rahmon, Rahman",
            "Putin, Peskov",
            "Serdar Berdimuhamedov, Gurbanguly Berdimuhamedov",
    })
    void keepsDifferentNamesApart(String a, String b) {
        assertThat(Names.key(a).full()).doesNotContainAnyElementsOf(Names.key(b).full());
    }
}
