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

    @ParameterizedTest(name = "{0} is read {1} by its rule file (ICU has no romanisation of the script)")
    @CsvSource({"ហ៊ុន សែន, hun sen", "ហ៊ុន ម៉ាណែត, hun manet", "රනිල් වික්‍රමසිංහ, ranil wikramasingha",
            "අනුර කුමාර, anura kumara", "မင်းအောင်လှိုင်, minaunghlaing"})
    void scriptsIcuDoesNotRomanise_areReadByTheRuleFiles(String script, String latin) {
        assertThat(Names.latin(script)).isEqualTo(latin);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
            // Bengali drops a final inherent vowel, Tamil voices its stops, Thai script's thanthakhat silences letters,
            // Ethiopic's first-order vowel is e and o after w, North Korean Hangul is written in McCune-Reischauer
            "মুহাম্মদ ইউনূস, Muhammad Yunus", "শেখ হাসিনা, Sheikh Hasina", "நரேந்திர மோடி, Narendra Modi",
            "ประยุทธ์ จันทร์โอชา, Prayut Chan-o-cha", "ሳህለወርቅ ዘውዴ, Sahle-Work Zewde", "최룡해, Choe Ryong Hae",
            "박봉주, Pak Pong Ju", "리설주, Ri Sol Ju", "Yohei Kohno, Yohei Kono", "Guðni Jóhannesson, Gudni Johannesson"})
    void namesInScriptsAndSpellingsOfSession12_meetTheirNewsSpelling(String a, String b) {
        assertThat(Names.key(a).full()).containsAnyElementsOf(Names.key(b).full());
    }

    @ParameterizedTest(name = "{0} != {1}")
    @CsvSource({
            // McCune-Reischauer's k for ㄱ is not read: 근 as keun made Park Geun-hye one with her father
            "박근혜, Park Chung-hee",
            // en- is no Arabic article a name drops: Chou En-lai keeps his En
            "Chou En-lai, Chou Lai",
            "Rahmon, Rahman",
            "Putin, Peskov",
            "Serdar Berdimuhamedov, Gurbanguly Berdimuhamedov",
    })
    void keepsDifferentNamesApart(String a, String b) {
        assertThat(Names.key(a).full()).doesNotContainAnyElementsOf(Names.key(b).full());
    }
}
