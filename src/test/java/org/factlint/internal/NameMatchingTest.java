package org.factlint.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.factlint.model.Article;
import org.factlint.model.Document;
import org.factlint.model.Entity;
import org.factlint.model.Source;
import org.factlint.model.SourceKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The name matching measured on a table of real spellings: one person's name as different presses, alphabets and
 * scripts write it ({@code names/same-person.csv}) must join; real distinct people with close names
 * ({@code names/different-people.csv}) must not. Each pair is checked the way a batch is: two documents, one
 * entity each, resolved together.
 */
class NameMatchingTest {
    private static final Path DIR = Path.of("src/test/resources/names");

    @Test
    void atLeast97PercentOfSamePersonPairsJoin() throws IOException {
        List<String[]> pairs = pairs("same-person.csv");
        List<String> missed = new ArrayList<>();
        for (String[] p : pairs) {
            if (!joined(p[0], p[1])) {
                missed.add(p[0] + " / " + p[1] + " (" + p[3] + ")");
            }
        }
        double rate = 1.0 - (double) missed.size() / pairs.size();
        assertThat(pairs).hasSizeGreaterThanOrEqualTo(300);
        assertThat(rate).as("same-person pairs joined: %s of %d; missed: %s",
                String.format(Locale.ROOT, "%.3f", rate), pairs.size(), missed).isGreaterThanOrEqualTo(0.97);
    }

    /**
     * The first held-out table: written after the key was first tuned; 97 of 106 joined when measured, and its nine
     * misses were then studied and mended with general rules ({@code names/readings.csv}), so it is tuning data now
     * and must stay at 97%.
     */
    @Test
    void firstHeldOutPairs_studiedSince_joinAtLeast97Percent() throws IOException {
        assertJoinRate("held-out-same-person.csv", 100, 0.97);
    }

    /**
     * The second held-out table: written before the first one's misses were studied; 115 of 137 joined before those
     * changes and 118 after. Its misses were then studied and mended with general rows of readings.csv, so it is
     * tuning data now and must stay at 97%.
     */
    @Test
    void secondHeldOutPairs_studiedSince_joinAtLeast97Percent() throws IOException {
        assertJoinRate("held-out-2-same-person.csv", 100, 0.97);
    }

    /**
     * The third held-out table: written before the second one's misses were studied. 103 of 117 joined before those
     * changes, 106 after; its misses were studied in session 5 (with the fourth table's), 111 joined then, 112 after
     * the session-6 conventions, 114 (97.4%) after session 7's (README). Tuning data now; the floor guards against
     * regressions.
     */
    @Test
    void thirdHeldOutPairs_studiedSince_joinAtLeast97Percent() throws IOException {
        assertJoinRate("held-out-3-same-person.csv", 100, 0.97);
    }

    /**
     * The fourth held-out table: written before the third one's misses were studied, away from the regions of the
     * earlier tables (Caucasus, Central Asia, Belarusian and Ukrainian against Russian forms, the Balkans, Greek,
     * Arabic, Persian, Korean, Chinese) and with many names in their own script. 243 of 360 (67.5%) joined when it
     * was first measured, before any change it prompted; its misses were then studied and mended with general
     * conventions (the news romanisation of Arabic script, consonant keys across scripts, Hangul surnames, readings
     * rows): 326 of 360 (90.6%); 333 (92.5%) after the session-6 conventions, 352 (97.8%) after session 7's (akanye
     * and Wade-Giles back, Arabic and Persian kasra as e or i, Greek e as i, Egyptian and Sudanese g, two conventions
     * in one word). Tuning data now; the floor guards against regressions.
     */
    @Test
    void fourthHeldOutPairs_studiedSince_joinAtLeast97Percent() throws IOException {
        assertJoinRate("held-out-4-same-person.csv", 300, 0.97);
    }

    /**
     * The fifth held-out table, written in session 6 for the classes the fourth one missed (Belarusian and Uzbek vowel
     * forms, Ukrainian given names, Georgian names in Russian, Wade-Giles and Taiwanese romanisations, Korean final
     * consonants, Armenian script, lone Arabic words, Turkish, Azerbaijani, the Kazakh and Uzbek Latin alphabets):
     * 92 of 168 (54.8%) joined when it was first measured, before any change it prompted; its misses were then mended
     * with general conventions: 128 of 168 (76.2%) in session 6, 164 (97.6%) in session 7 with the akanye and
     * Wade-Giles rows back (the generated archive no longer uses letters they fold), Belarusian я and ц, Ukrainian
     * -иця and two conventions in one word. Tuning data now; the floor guards against regressions.
     */
    @Test
    void fifthHeldOutPairs_studiedSince_joinAtLeast97Percent() throws IOException {
        assertJoinRate("held-out-5-same-person.csv", 150, 0.97);
    }

    /**
     * The sixth held-out table, written in session 7 after the conventions that brought the third to fifth tables to
     * 97%, for press languages and scripts no earlier table had (Polish, Czech, Dutch, Italian, Hungarian, Swedish and
     * Portuguese press forms; Hebrew, Devanagari, Urdu and Japanese script): 55 of 102 (53.9%) joined when it was
     * first measured, before any change it prompted. Its misses were then mended with general conventions (the
     * national spellings as alphabet rows of readings.csv, Czech -ová, Hebrew as an abjad with פ as p or f, Hindi's
     * final inherent vowel and nasal dot, Urdu letters): 90 of 102 (88.2%); 93 (91.2%) in session 8 (an initial kh
     * written k, Hebrew Binyamin as a given-name row); 97 (95.1%) in session 9 (Polish -ska for -ская, ž written
     * z, Polish dż written dz, a Dutch j read as й past the key's limit), 98 (96.1%) with an alphabet one word shows
     * read into every word (Szergej Sojgu), 99 (97.1%) with a Japanese name in either order (Kishida Fumio). What is
     * left needs a reading dictionary (Japanese kanji) or Hebrew צח read as ts + kh (README).
     */
    @Test
    void sixthHeldOutPairs_studiedSince_joinAtLeast97Percent() throws IOException {
        assertJoinRate("held-out-6-same-person.csv", 100, 0.97);
    }

    /**
     * The seventh held-out table, written in session 8 before any change it could prompt, for classes no earlier
     * table had (Romanian, Latvian, Lithuanian, Finnish, Estonian, Croatian, Slovak, Slovene and Turkish press forms
     * of Russian names; Western, Chinese, Japanese and Korean names in Russian-language Cyrillic; Western names in
     * Greek, Arabic, Persian and Hebrew script; Vietnamese; Katakana and Thai): 73 of 133 (54.9%) joined when first
     * measured. Its misses were then mended with general conventions (Latvian and Lithuanian case endings, Finnish,
     * Estonian, Romanian and Croatian letters, Greek μπ ντ γκ τζ and Arabic ب ف for foreign b d g j p v, the Hebrew
     * geresh, Vietnamese đ): 112 (84.2%); 118 (88.7%) in session 9 with the Cyrillic syllable charts of Chinese,
     * Japanese and Korean names (names/syllables.csv), 120 (90.2%) with Greek γ before a front vowel as y and σ as a
     * foreign sh, 127 (95.5%) with English names read as Russian and Greek write them by sound (Трамп, Байден,
     * Джонсон, Кир) and Greek final μπ as mp, 128 (96.2%) with Portuguese final -o and -es as Russian writes them
     * (Антониу Гутерриш); 130 (97.7%) in session 12 with Thai script's silent letters (thanthakhat) and katakana
     * names compared by their consonants (ドナルド・トランプ). What is left needs more than spelling (README).
     */
    @Test
    void seventhHeldOutPairs_studiedSince_joinAtLeast97Percent() throws IOException {
        assertJoinRate("held-out-7-same-person.csv", 100, 0.97);
    }

    /**
     * The eighth held-out table, written in session 9 before any change of that session to the key, for classes no
     * earlier table had (the old Indonesian spelling, Thai names in the Royal Thai General System, Mongolian, Albanian
     * names in Serbian, Macedonian and Russian press, Japanese long vowels written oh, North Korean names in Hangul,
     * Persian and Arabic names in Turkish, Spanish and Russian press, German, Romance and Polish names in Russian
     * Cyrillic, Afghan, Icelandic, Kurdish and Uyghur forms, Ethiopic, Bengali, Khmer, Burmese, Tamil and Sinhala
     * script): 84 of 124 (67.7%) joined when first measured, and 1 of its 103 different-people pairs (two Khmer names,
     * both with an empty key; names in a script not romanised now keep their letters, so 0). Studied in session 12
     * and mended with general conventions (Thai holders' spellings against the RTGS, Japanese oh, North Korean
     * Hangul in McCune-Reischauer, Spanish and Turkish forms of Arabic names, Dari kasra, German and Slavic letters
     * as Russian writes them, Icelandic þ and ð; Bengali, Tamil and Ethiopic readings; rule files for Sinhala, Khmer
     * and Burmese script): 121 (97.6%), 0 different-people pairs joined. Tuning data now, like the sets before it.
     */
    @Test
    void eighthHeldOutPairs_studiedSince_joinAtLeast97Percent() throws IOException {
        assertJoinRate("held-out-8-same-person.csv", 100, 0.97);
    }

    /**
     * The ninth held-out table, written in session 11 before any change of that session to the key, for classes no
     * earlier table had (Catalan, Danish and Norwegian press forms of Russian and Ukrainian names; Western, Russian and
     * Japanese names in Hangul and in Georgian script; Western names in Ukrainian, Bulgarian and Serbian Cyrillic and
     * in Serbian phonetic Latin; Indian names in Gujarati, Gurmukhi, Telugu, Kannada, Malayalam, Odia and Marathi or
     * Nepali Devanagari; Hungarian names in Hungarian order; Maghrebi romanisations; Kyrgyz, Kazakh and Tatar
     * alphabets): 68 of 126 (54.0%) joined when first measured, and 0 of its 55 different-people pairs. Left
     * untuned on purpose, the next session's check; the floor only guards against regressions.
     */
    @Test
    void ninthHeldOutPairs_untuned_joinAtLeast53Percent() throws IOException {
        assertJoinRate("held-out-9-same-person.csv", 100, 0.53);
    }

    /**
     * Arabic-script names meet the spellings news gives them by their consonants: محمد as Mohamed, Mohammed,
     * Muhammad; عبد الله as Abdullah and Abdallah; the article ال dropped.
     */
    @ParameterizedTest(name = "{0} / {1}")
    @org.junit.jupiter.params.provider.CsvSource({
            "محمد مرسي, Mohamed Morsi", "محمد مرسي, Mohammed Mursi", "محمد مرسي, Muhammad Morsi",
            "علي عبد الله صالح, Ali Abdullah Saleh", "علي عبد الله صالح, Ali Abdallah Saleh",
            "عمر البشير, Omar al-Bashir", "سعد الحريري, Saad Hariri", "محمد خاتمی, Mohammad Khatami"})
    void arabicScriptNames_joinTheirNewsSpellings(String arabic, String latin) {
        assertThat(joined(arabic, latin)).isTrue();
    }

    /**
     * Other scripts without short vowels, and other readings of their letters: Egyptian and Sudanese g for ج and ق,
     * Hebrew script by its consonants (פ as p or f, ג' as j), Urdu letters, Arabic ب and ف for a foreign p and v.
     */
    @ParameterizedTest(name = "{0} / {1}")
    @org.junit.jupiter.params.provider.CsvSource({
            "جمال عبد الناصر, Gamal Abdel Nasser", "محمد حمدان دقلو, Mohamed Hamdan Dagalo", "יאיר לפיד, Yair Lapid",
            "נפתלי בנט, Naftali Bennett", "نواز شریف, Nawaz Sharif", "شہباز شریف, Shehbaz Sharif",
            "ג'ו ביידן, Joe Biden", "فلاديمير بوتين, Vladimir Putin"})
    void abjadNames_joinTheirNewsSpellings(String script, String latin) {
        assertThat(joined(script, latin)).isTrue();
    }

    /**
     * Chinese, Japanese and Korean names in Russian-language Cyrillic are read back by the syllable charts of
     * {@code names/syllables.csv} (Palladius, Polivanov, Kontsevich), where ICU's Cyrillic romanisation gives Si
     * Czinpin; names not from the tables of this class.
     */
    @ParameterizedTest(name = "{0} / {1}")
    @org.junit.jupiter.params.provider.CsvSource({"Ху Цзиньтао, Hu Jintao", "Мао Цзэдун, Mao Zedong",
            "Дэн Сяопин, Deng Xiaoping", "Чжоу Эньлай, Zhou Enlai", "Вэнь Цзябао, Wen Jiabao", "Цзян Цзэминь, Jiang Zemin",
            "Ёсихидэ Суга, Yoshihide Suga", "Сигэру Исиба, Shigeru Ishiba", "Дзюнъитиро Коидзуми, Junichiro Koizumi",
            "Мун Чжэ Ин, Moon Jae-in", "Ким Ир Сен, Kim Il Sung", "Юн Сок Ёль, Yoon Suk-yeol",
            "Ли Чжэ Мён, Lee Jae-myung"})
    void chineseJapaneseAndKoreanNamesInCyrillic_joinTheirNewsSpellings(String cyrillic, String latin) {
        assertThat(joined(cyrillic, latin)).isTrue();
    }

    /**
     * English names as Russian and Greek write them by sound (readings.csv 'sound' rows: u as а, i as ай, a silent h,
     * ei as и; Portuguese final o as у) join their Latin spelling; two Latin names never meet by those readings (the keys are only exposed
     * to Cyrillic and Greek names), so Hunter Biden and a Latin Hanter Baiden stay apart.
     */
    @ParameterizedTest(name = "{0} / {1}: {2}")
    @org.junit.jupiter.params.provider.CsvSource({"Хантер Байден, Hunter Biden, true", "Лиз Трасс, Liz Truss, true",
            "Майк Джонсон, Mike Johnson, true", "Кит Стармер, Keith Starmer, true", "Μάικ Τζόνσον, Mike Johnson, true",
            "Жозе Мануэл Баррозу, José Manuel Barroso, true", "Hanter Baiden, Hunter Biden, false",
            "Maik Jonson, Mike Johnson, false"})
    void englishNamesWrittenBySound_joinAcrossScripts_neverBetweenTwoLatinNames(String a, String b, boolean one) {
        assertThat(joined(a, b)).isEqualTo(one);
    }

    /**
     * A name in a script no romanisation here reads (Sinhala, Khmer) keeps its own letters as its key: two such names
     * of two people are never one empty key, and one spelling still joins itself.
     */
    @ParameterizedTest(name = "{0} / {1}: {2}")
    @org.junit.jupiter.params.provider.CsvSource({"මහින්ද රාජපක්ෂ, ගෝඨාභය රාජපක්ෂ, false",
            "මහින්ද රාජපක්ෂ, මහින්ද රාජපක්ෂ, true", "សម រង្ស៊ី, កឹម សុខា, false"})
    void namesInAScriptNotRomanised_areTheirOwnSpelling(String a, String b, boolean one) {
        assertThat(joined(a, b)).isEqualTo(one);
    }

    /** A Russian name splits into no chart's syllables, so it gets no such reading (Владимир has вл). */
    @Test
    void aRussianName_isReadByNoSyllableChart() {
        assertThat(NameTables.DEFAULT.syllableReadings("Владимир Путин")).isEmpty();
        assertThat(NameTables.DEFAULT.syllableReadings("Си Цзиньпин")).contains(List.of("xi", "jinping"));
    }

    /**
     * Session 9's conventions, on names not from the tables: the Polish and Czech -ska for Russian -ская, ž and ż
     * written without their marks (after a vowel), Greek σ for a foreign sh, a Dutch j read as й when a word has
     * more readings than the key keeps, an alphabet one word shows read into every word (Hungarian ny in Nyikolaj
     * makes Patrusev Patrushev), a name of two words in Japanese syllables (Hepburn, names/syllables.csv) in either
     * order; and where they stop: pinyin zh and z at the start of a word are two initials, and a name not in Japanese
     * syllables never turns (Ali Hassan and Hassan Ali are two people).
     */
    @ParameterizedTest(name = "{0} / {1}: {2}")
    @org.junit.jupiter.params.provider.CsvSource({"Anna Politkovskaya, Anna Politkowska, true",
            "Dzhokhar Dudayev, Dzochar Dudajew, true", "Ariel Sharon, Άριελ Σαρόν, true", "Shimon Peres, Σιμόν Πέρες, true",
            "Vyacheslav Volodin, Vjatsjeslav Volodin, true", "Nyikolaj Patrusev, Nikolai Patrushev, true",
            "Zhou Jiahua, Zou Jiahua, false", "Abe Shinzo, Shinzo Abe, true", "Ishiba Shigeru, Shigeru Ishiba, true",
            "Ali Hassan, Hassan Ali, false", "Kim Jong, Jong Kim, false"})
    void sessionNineConventions_joinOneNamesForms_andStopWhereTheyShould(String a, String b, boolean one) {
        assertThat(joined(a, b)).isEqualTo(one);
    }

    /** Consonants alone never join two Latin names, nor two people across scripts whose consonants differ. */
    @ParameterizedTest(name = "{0} / {1}")
    @org.junit.jupiter.params.provider.CsvSource({"Dragan Covic, Dragan Cavic", "Vladimir Putin, Vladimir Potanin",
            "رفيق الحريري, Saad Hariri", "محمد بن راشد, Mohammed bin Zayed", "حافظ الأسد, Bashar al-Assad"})
    void consonantsAlone_neverJoinTwoLatinNames_norOtherPeople(String a, String b) {
        assertThat(joined(a, b)).isFalse();
    }

    /**
     * Names a convention would fold but news uses as two names, each with its own bearers (names/distinct-names.csv):
     * Arabic سامر Samer and سمير Samir, عامر Amer and أمير Amir, Russian Эльдар Eldar and Ильдар Ildar stay apart even
     * with one surname, while the convention still joins the forms of one name (Hafez and Hafiz are حافظ, Esmail and
     * Ismail اسماعیل, Elham and Ilham إلهام).
     */
    @ParameterizedTest(name = "{0} / {1}: {2}")
    @org.junit.jupiter.params.provider.CsvSource({"Samer Hassan, Samir Hassan, false", "Amer Khalil, Amir Khalil, false",
            "Eldar Mamedov, Ildar Mamedov, false", "Hafez Hassan, Hafiz Hassan, true",
            "Esmail Qaani, Ismail Qaani, true", "Elham Aliyeva, Ilham Aliyeva, true"})
    void twoNamesAConventionWouldFold_stayApart_whileOneNamesFormsJoin(String a, String b, boolean one) {
        assertThat(joined(a, b)).isEqualTo(one);
    }

    /** The bridge holds across scopes: a Latin name of an earlier batch is found by an Arabic-script one, and back. */
    @Test
    void anArabicScriptName_joinsALatinNameOfAnEarlierBatch_butTwoLatinNamesDoNot() {
        assertThat(joinedAcrossBatches("Mohamed Morsi", "محمد مرسي")).isTrue();
        assertThat(joinedAcrossBatches("محمد مرسي", "Mohammed Mursi")).isTrue();
        assertThat(joinedAcrossBatches("Dragan Covic", "Dragan Cavic")).isFalse();
    }

    private static boolean joinedAcrossBatches(String a, String b) {
        Document da = doc("a", a);
        Document db = doc("b", b);
        NameResolver r = new NameResolver();
        r.preResolve(List.of(da));
        String ka = r.resolve(da.entities().get(0));
        r.preResolve(List.of(db));
        return r.resolve(db.entities().get(0)).equals(ka);
    }

    /** Distinct people of the held-out tables: no more than 1% of their close names may join. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"held-out-2-different-people.csv", "held-out-3-different-people.csv",
            "held-out-4-different-people.csv", "held-out-5-different-people.csv", "held-out-6-different-people.csv",
            "held-out-7-different-people.csv", "held-out-8-different-people.csv",
            "held-out-9-different-people.csv"})
    void heldOutDifferentPeople_joinAtMost1Percent(String file) throws IOException {
        List<String[]> pairs = pairs(file);
        List<String> joined = pairs.stream().filter(p -> joined(p[0], p[1])).map(p -> p[0] + " / " + p[1]).toList();
        assertThat(pairs).hasSizeGreaterThanOrEqualTo(45);
        assertThat((double) joined.size() / pairs.size()).as("%s: joined %s", file, joined).isLessThanOrEqualTo(0.01);
    }

    private static void assertJoinRate(String file, int atLeastPairs, double floor) throws IOException {
        List<String[]> pairs = pairs(file);
        List<String> missed = pairs.stream().filter(p -> !joined(p[0], p[1])).map(p -> p[0] + " / " + p[1]).toList();
        double rate = 1.0 - (double) missed.size() / pairs.size();
        assertThat(pairs).hasSizeGreaterThanOrEqualTo(atLeastPairs);
        assertThat(rate).as("%s: joined %d of %d; missed: %s", file, pairs.size() - missed.size(), pairs.size(), missed)
                .isGreaterThanOrEqualTo(floor);
    }

    @Test
    void atMost1PercentOfDifferentPeoplePairsJoin() throws IOException {
        List<String[]> pairs = pairs("different-people.csv");
        List<String> joined = new ArrayList<>();
        for (String[] p : pairs) {
            if (joined(p[0], p[1])) {
                joined.add(p[0] + " / " + p[1]);
            }
        }
        double rate = (double) joined.size() / pairs.size();
        assertThat(pairs).hasSizeGreaterThanOrEqualTo(300);
        assertThat(rate).as("different-people pairs joined: %s of %d: %s",
                String.format(Locale.ROOT, "%.3f", rate), pairs.size(), joined).isLessThanOrEqualTo(0.01);
    }

    /**
     * Both compared columns of every table hold names, not descriptions: a row with its columns out of order compares
     * a name with "Azerbaijani president" and can never join, so it would count as a pass it did not earn.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"same-person.csv", "held-out-same-person.csv", "held-out-2-same-person.csv",
            "held-out-3-same-person.csv", "held-out-4-same-person.csv", "different-people.csv",
            "held-out-2-different-people.csv", "held-out-3-different-people.csv", "held-out-4-different-people.csv",
            "held-out-5-same-person.csv", "held-out-5-different-people.csv", "held-out-6-same-person.csv",
            "held-out-6-different-people.csv", "held-out-7-same-person.csv", "held-out-7-different-people.csv",
            "held-out-8-same-person.csv",
            "held-out-8-different-people.csv", "held-out-9-same-person.csv", "held-out-9-different-people.csv"})
    void everyComparedColumnHoldsAName(String file) throws IOException {
        List<String> notNames = new ArrayList<>();
        for (String[] p : pairs(file)) {
            for (String name : List.of(p[0], p[1])) {
                for (String word : name.split("[\\s]+")) {
                    int first = word.isEmpty() ? 'A' : word.codePointAt(0);
                    if (Character.UnicodeScript.of(first) == Character.UnicodeScript.LATIN
                            && Character.isLowerCase(first) && !PARTICLE.matcher(word).matches()) {
                        notNames.add(name);
                        break;
                    }
                }
            }
        }
        assertThat(notNames).as("%s: compared columns that are not names", file).isEmpty();
    }

    /** Lower-case particles that are part of real names (al-Assad, bin Salman, el-Sisi, de, van). */
    private static final java.util.regex.Pattern PARTICLE =
            java.util.regex.Pattern.compile("(al|el|es|ad|as|ash|an|ar|at|az|ud|bin|ibn|bint|ben|de|da|di|van|von|der|le|la|du)(-.*)?");

    private static boolean joined(String a, String b) {
        Document da = doc("a", a);
        Document db = doc("b", b);
        NameResolver r = new NameResolver();
        r.preResolve(List.of(da, db));
        return r.resolve(da.entities().get(0)).equals(r.resolve(db.entities().get(0)));
    }

    private static Document doc(String id, String name) {
        return new Document(new Article(id, "o", "h", null, null, null),
                List.of(new Source("o", "Outlet", SourceKind.OUTLET, null)), List.of(new Entity("p", name)), List.of());
    }

    /** The rows of a table with a header and '#' comments; fields are plain or double-quoted. */
    static List<String[]> pairs(String file) throws IOException {
        List<String[]> out = new ArrayList<>();
        boolean header = true;
        for (String line : Files.readAllLines(DIR.resolve(file), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (header) {
                header = false;
                continue;
            }
            List<String> fields = new ArrayList<>();
            StringBuilder f = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == '"') {
                    quoted = !quoted;
                } else if (c == ',' && !quoted) {
                    fields.add(f.toString());
                    f.setLength(0);
                } else {
                    f.append(c);
                }
            }
            fields.add(f.toString());
            if (fields.size() != 4) {
                throw new IllegalStateException(file + ": expected 4 fields in: " + line);
            }
            out.add(fields.toArray(String[]::new));
        }
        return out;
    }
}
