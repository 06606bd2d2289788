package org.factlint.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The second readings of {@code names/readings.csv}, and the whole-name choice of a Cyrillic alphabet. */
class ReadingsTest {
    @ParameterizedTest(name = "{0} joins {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "Aslan Maskhadov | Aslan Maschadow | German sch is also s + ch",
            "Leopold Stein | Леопольд Штейн | Russian шт in a German name is st",
            "Ella Spalek | Элла Шпалек | Russian шп in a German name is sp",
            "Ihor Hryhorenko | Igor Grigorenko | Ukrainian h is Russian g",
            "Ahmet Yilmaz | Ahmed Yilmaz | Turkic final d is t",
            "Cemal Gursel | Jemal Gursel | Turkish c is English j",
            "Hafez al-Assad | Hafez Assad | the Arabic article is no part of the name",
            "Hafez al-Assad | Hafez el-Assad | al- and el- are one article",
            "Hosni Mubarak | Husni Mubarak | Arabic short u written o",
            "Mohammed Morsi | Muhammad Morsi | Arabic short u and a written o and e",
            "Muammar Gaddafi | Muammar Qaddafi | Arabic qaf as g",
            "Muammar Gadhafi | Muammar Gaddafi | Arabic dh as d",
            "Giannis Antetokounmpo | Yannis Antetokounmpo | Greek γι before a vowel is y",
            "Nikos Christodoulides | Nikos Christodoulidis | Greek -ίδης as -ides or -idis",
            "Hikmət Hacıyev | Hikmet Hajiyev | Azerbaijani ə written e",
            "Olena Zelenska | Olena Zelensky | a feminine -ska written in the masculine",
            "Natalya Kochanova | Natallia Kachanava | Belarusian a for Russian o",
            "Abdulla Oripov | Abdulla Aripov | Uzbek o for Russian a",
            "Mykola Azarov | Nikolai Azarov | Ukrainian and Russian forms of a given name",
            "Mao Zedong | Mao Tse-tung | Wade-Giles syllables read as pinyin",
            "Chiang Ching-kuo | Jiang Jingguo | Wade-Giles syllables, a letter across two syllables written once",
            "Baxtiyor Saidov | Bakhtiyor Saidov | Uzbek x is kh",
            "Bülent Ecevit | Бюлент Эджевит | Russian ю for Turkish ü",
            "Grigory Radchenko | Grigori Radschenko | German dsch is also d + tsch",
            "Khaled Mashal | Khalid Mashal | Arabic kasra written e or i in a closed last syllable",
            "Ebrahim Raisi | Ibrahim Raisi | Persian initial kasra written e",
            "Demetris Syllouris | Dimitris Syllouris | Greek η written e or i",
            "Ramiz Mehdiyev | Рамиз Мехтиев | Russian хт for hd",
            "Ales Bialiatski | Ales Belyatsky | Belarusian я for Russian е in a first syllable",
            "Valer Tsapkala | Valery Tsepkalo | Belarusian ца for Russian це, and akanye",
            "Serhiy Kyslytsya | Sergei Kislitsa | Ukrainian -иця for Russian -ица",
            "Aliaksandr Kabiakou | Alexander Kobyakov | two conventions in one word: akanye and ў",
            "Kim Boo-kyum | 김부겸 | two conventions in one word: Korean g as k and eo as u",
            "Wiktor Juszczenko | Viktor Yushchenko | Polish szcz is shch",
            "Andrzej Kaczmarek | Andrzhei Kachmarek | Polish rz and cz",
            "Aleksej Sjtsjoesev | Aleksei Shchusev | Dutch sjtsj is shch and oe is u",
            "Nikolaj Zjukov | Nikolai Zhukov | Dutch and Swedish zj is zh",
            "Gyula Kovács | Dyula Kovach | Hungarian gy is d and cs ch",
            "Sergio Sciascia | Sergio Shasha | Italian scia is sha",
            "Jelena Ivanovová | Yelena Ivanova | Czech -ová added to a feminine surname",
            "राहुल गांधी | Rahul Gandhi | Hindi drops a final inherent vowel; its nasal dot is n",
            "Vladimirs Putins | Vladimir Putin | Latvian -s after a consonant",
            "Sergejus Lavrovas | Sergei Lavrov | Lithuanian -us and -as after a consonant",
            "Nikita Kruschev | Nikita Khrushchev | an initial kh written k",
            "Boris Jeljcin | Boris Yeltsin | Croatian lj before a consonant is l",
            "Mihail Gorbatšov | Mikhail Gorbachev | Finnish tš is ch",
            "Boris Elțîn | Boris Yeltsin | Romanian ț is ts",
            "Aleksei Navalnõi | Alexei Navalny | Estonian õ is y",
            "Viktor Ianukovici | Viktor Yanukovych | Romanian -ici is -ich",
            "Βλαντιμίρ Πούτιν | Vladimir Putin | Greek ντ is a foreign d",
            "Μπαράκ Ομπάμα | Barack Obama | Greek μπ is a foreign b",
            "فلاديمير بوتين | Vladimir Putin | Arabic ب and ف for a foreign p and v",
            "Trần Đại Quang | Tran Dai Quang | Vietnamese đ is d",
            "Novak Đoković | Novak Djokovic | Serbian đ is dj",
    })
    void aSecondReadingJoinsTheConventions(String a, String b, String why) {
        assertThat(Names.key(a).full()).as(why).containsAnyElementsOf(Names.key(b).full());
    }

    @ParameterizedTest(name = "{0} is read as {1}")
    @CsvSource(delimiter = '|', value = {
            // Милош alone has no Serbian-only letter; Вучевић has ћ, so the whole name is Serbian
            "Милош Вучевић | Miloš Vučević",
            "Војислав Коштуница | Vojislav Koštunica",
    })
    void aCyrillicNameIsReadInTheAlphabetOfAnyOfItsWords(String cyrillic, String latin) {
        assertThat(Names.latin(cyrillic)).isEqualTo(latin);
    }

    @Test
    void aRowAddedToTheTable_addsAReading() throws IOException {
        Readings none = parse("kind,pattern,reading,why\n");
        Readings one = parse("kind,pattern,reading,why\nword,ph,f,Greek ph is f\n");
        assertThat(none.of("philip")).isEmpty();
        assertThat(one.of("philip")).containsExactly("filip");
    }

    @Test
    void anAlphabetRow_readsAllItsGroupsAtOnce_longestFirst() throws IOException {
        Readings polish = parse("kind,pattern,reading,why\nalphabet,pl,cz=ch sz=sh szcz=shch,Polish\n");
        assertThat(polish.of("chruszczow")).containsExactly("chrushchow");
        assertThat(polish.of("kaczmarek")).containsExactly("kachmarek");
        assertThat(polish.of("nowak")).isEmpty();
        // a single letter does not show the alphabet: Hungarian s is sh only in a word with sz, cs, gy or the like
        Readings hungarian = parse("kind,pattern,reading,why\nalphabet,hu,sz=s cs=ch s=sh,Hungarian\n");
        assertThat(hungarian.of("szergej")).containsExactly("sergej");
        assertThat(hungarian.of("hruscsov")).containsExactly("hrushchov");
        assertThat(hungarian.of("sergei")).isEmpty();
        assertThatThrownBy(() -> parse("kind,pattern,reading,why\nalphabet,pl,cz-ch,Polish\n"))
                .hasMessageContaining("readings.csv:2: an alphabet row's reading is letter groups 'from=to' separated by "
                        + "spaces, not 'cz-ch'");
    }

    @ParameterizedTest(name = "{0} stays apart from {1}")
    @CsvSource(delimiter = '|', value = {
            "Dragan Čović | Dragan Čavić", "Emomali Rahmon | Emomali Rahman", "Li Peng | Li Keqiang",
            "George W. Bush | George H. W. Bush", "Zhou Enlai | Zhou Yongkang",
            // e is i only before a last consonant, at the start of a word and in Greek endings: Lena is not Lina
            "Lena Ivanova | Lina Ivanova",
            // akanye is not read in -ić names, in Latin or Serbian Cyrillic: Čović and Čavić are two people
            "Dragan Čović | Драган Чавић"})
    void theNewReadingsKeepCloseNamesApart(String a, String b) {
        assertThat(Names.key(a).full()).doesNotContainAnyElementsOf(Names.key(b).full());
    }

    @Test
    void syllableRows_readAWordThatIsOneInitialAndOneFinal_andNoOther() throws IOException {
        Readings r = parse("""
                kind,pattern,reading,why
                syllable-initials,- m,,same
                syllable-finals,ao,,same
                syllable-initial,t,d,Wade-Giles t
                syllable-final,ung,ong,Wade-Giles -ung
                syllable,tzu,zi,Wade-Giles tzu
                """);
        assertThat(r.of("tung")).containsExactlyInAnyOrder("tong", "dung", "dong");
        assertThat(r.of("tzu")).containsExactly("zi");
        assertThat(r.of("mao")).isEmpty();
        assertThat(r.of("tungsten")).isEmpty();
        assertThat(parse("kind,pattern,reading,why\n").of("tung")).isEmpty();
    }

    @Test
    void aLettersRowMapsEachLetterAtOnce_andTwoRowsCombine() throws IOException {
        Readings r = parse("kind,pattern,reading,why\nletters,oe,ua,vowels\nword,d$,t,devoicing\n");
        // each row on the word as written, then each row on those readings: two conventions at once, never three
        assertThat(r.of("mohammed")).containsExactly("muhammad", "mohammet", "muhammat");
    }

    @Test
    void anArticleIsDroppedOnlyBeforeAHyphenatedName() throws IOException {
        Readings r = parse("kind,pattern,reading,why\narticle,al,,Arabic article\n");
        assertThat(r.withoutArticles("Bashar al-Assad")).isEqualTo("Bashar Assad");
        assertThat(r.withoutArticles("Al Gore")).isEqualTo("Al Gore");
        assertThat(r.withoutArticles("Kemal-Ali")).isEqualTo("Kemal-Ali");
    }

    /** A sound row is no reading of the word's own: it gives the sound readings only, each row alone and all at once. */
    @Test
    void soundRows_giveSoundReadings_notWordReadings() throws IOException {
        Readings r = parse("kind,pattern,reading,why\nsound,u(?=mp$),a,x\nsound,^tr,tch,x\n");
        assertThat(r.sounds("trump")).containsExactly("tramp", "tchump", "tchamp");
        assertThat(r.of("trump")).isEmpty();
    }

    @Test
    void aMalformedRow_namesItsLineAndWhatWasExpected() {
        assertThatThrownBy(() -> parse("kind,pattern,reading,why\nword,sch(,skh,x\n"))
                .hasMessageStartingWith("readings.csv:2: pattern 'sch(' is not a regular expression");
        assertThatThrownBy(() -> parse("kind,pattern,reading,why\n\nvoice,sch,skh,x\n"))
                .hasMessage("readings.csv:3: kind is 'word', 'sound', 'letters', 'alphabet', 'article', 'syllable', "
                        + "'syllable-initial(s)' or 'syllable-final(s)', not 'voice'");
        assertThatThrownBy(() -> parse("kind,pattern,reading,why\nsyllable-initial,Ch,zh,x\n"))
                .hasMessage("readings.csv:2: a syllable row maps lower-case letters ('-' for none) to lower-case "
                        + "letters, not 'Ch' to 'zh'");
        assertThatThrownBy(() -> parse("kind,pattern,reading,why\nletters,oe,u,x\n"))
                .hasMessage("readings.csv:2: a letters row maps lower-case letters to as many letters, not 'oe' to 'u'");
        assertThatThrownBy(() -> parse("kind,pattern,reading,why\narticle,Al-,,x\n"))
                .hasMessage("readings.csv:2: an article is lower-case letters, not 'Al-'");
        assertThatThrownBy(() -> parse("kind,pattern,reading,why\nword\n"))
                .hasMessage("readings.csv:2: expected 'kind,pattern,reading,why' but found: word");
    }

    private static Readings parse(String csv) throws IOException {
        return Readings.parse("readings.csv", new BufferedReader(new StringReader(csv)));
    }
}
