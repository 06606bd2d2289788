package org.factlint.internal;

import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.Transliterator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Folds a name to matching keys that survive case, diacritics, scripts and the transliteration conventions news
 * uses. {@code Berdimuhamedov}, {@code Berdymukhammedov} and {@code Berdimuhamedow} share a key; so do
 * {@code Chruschtschow} (German), {@code Khrouchtchev} (French), {@code Jruschov} (Spanish), {@code Khrushchev}
 * (English) and {@code Хрущёв}.
 *
 * <p>The key of a word is a skeleton in which the letters that one Cyrillic (or Turkic) sound becomes in the
 * different conventions fall together:
 * <ul>
 * <li>the hushing and guttural sounds ж ш щ ч х and their spellings zh j dzh dj dsch, sh sch ch shch schtsch chtch,
 *     ch tsch tch, kh h ch j, and the national letters ş š ç č ž become {@code h};</li>
 * <li>s z ts tz (German {@code z} is ц, {@code s} is з) become {@code s}; {@code c} before e, i, y too;</li>
 * <li>y i ï and the glide j become {@code i}; a glide before e goes (ye/ie/je/e, -yev/-iev/-ev);</li>
 * <li>oe ue ae are ö ü ä written out (Schroeder/Schröder);</li>
 * <li>ou becomes u, w becomes v, -off -ow become -ov, ё after a hushing sound (e/o) becomes e, io/yo/jo between
 *     consonants becomes e, gu before e/i becomes g, x becomes ks, q becomes k, a final -er after a consonant
 *     becomes -r (Alexander/Aleksandr) and a final silent e goes (Poutine);</li>
 * <li>soft signs, apostrophes, hyphens and doubled letters go.</li>
 * </ul>
 * The letter {@code j} reads ж in English, й in German and х in Spanish: a word with a {@code j} has a key for
 * each reading ({@link #wordKeys}; ж and х share a class), and two names match when any of their keys do. Other scripts go to Latin with
 * ICU4J's BGN/PCGN and UNGEGN romanisations, after a table of news spellings ({@code names/romanisation.csv}:
 * Рахмон is Rahmon, not ICU's Rakhmon). The tables an editor adds rows to are the pack's ({@link NameTables}); the
 * one-argument methods use the bundled pack's.
 */
public final class Names {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_WORD = Pattern.compile("[^a-z0-9]+");
    private static final int MAX_KEYS = 16;
    private static final Pattern GREEK_FOREIGN = Pattern.compile("(?iu)μπ|ντ|γκ|τζ");
    private static final Pattern GREEK_GAMMA_Y = Pattern.compile("(?iu)(?<=[αεοάέόιί])γ(?=[ιίεέηή])");
    private static final Pattern GREEK_S = Pattern.compile("(?<![tT])[sS](?![hH])");
    /** Katakana's n before p or b, which writes an m of a foreign name (トランプ is toranpu, Trump). */
    private static final Pattern KATAKANA_NASAL = Pattern.compile("n(?=[pb])");
    /** The first consonant of a romanised Hangul syllable after the surname (after a space or a hyphen). */
    private static final Pattern MR_INITIAL = Pattern.compile("(?<=[ -])([bl])");
    private static final Pattern HEBREW_GERESH = Pattern.compile("[גזצ]['\u05F3]");
    private static final Map<String, Transliterator> TRANSLITERATORS = new ConcurrentHashMap<>();
    /** The id of the news romanisation of Arabic and Persian script ({@code names/arabic-latin.txt}). */
    private static final String ARABIC_NEWS = "Arabic-Latin/News";
    /** ICU's Pinyin for Chinese personal names (surname readings). */
    private static final String HAN_NAMES = "Han-Latin/Names";
    private static final String HANGUL = "Hangul-Latin";
    private static final String DEVANAGARI = "Devanagari-Latin";
    private static final String BENGALI = "Bengali-Latin";
    private static final String TAMIL = "Tamil-Latin";
    private static final String THAI = "Thai-Latin";
    private static final String ETHIOPIC = "Any-Latin/Ethiopic";
    /** Rule files for scripts ICU does not romanise as news does, by the id they are created under. */
    private static final Map<String, String> RULE_FILES = Map.of(ARABIC_NEWS, "arabic-latin.txt",
            "Sinhala-Latin/News", "sinhala-latin.txt", "Khmer-Latin/News", "khmer-latin.txt",
            "Myanmar-Latin/News", "myanmar-latin.txt");
    /** Thai ์ (thanthakhat) silences the letter it is on, and the one before when that follows a final consonant. */
    private static final Pattern THAI_SILENT = Pattern.compile(
            "(?<=[\u0E31\u0E34-\u0E3A\u0E47-\u0E4B][\u0E01-\u0E2E])[\u0E01-\u0E2E]{1,2}\u0E4C|[\u0E01-\u0E2E]\u0E4C");
    /** Tamil writes no voiced stop: k, t, ṭ and p are voiced after a nasal and between vowels. */
    private static final Pattern TAMIL_VOICED = Pattern.compile("(?<=[nṇṉmṅñ]|[aeiouāēīōū])([ktṭp])(?=[aeiouāēīōūr])");
    /** Tamil writes a Sanskrit consonant and r with a vowel between (நரேந்திர, Narendra): the vowel news drops. */
    private static final Pattern TAMIL_EPENTHETIC = Pattern.compile("(?<=[nṇ][dḍ])i(?=r)");
    /** The system of {@code names/syllables.csv} whose Latin syllables make a name Japanese (its order may turn). */
    private static final String JAPANESE = "ja";

    private Names() {
    }

    /**
     * The primary key of a name: each word's first key, separated by single spaces. Names whose words all share
     * their first reading share it; {@link #key} gives every reading.
     */
    public static String fold(String name) {
        return fold(name, NameTables.DEFAULT);
    }

    /** {@link #fold(String)} with a pack's name tables. */
    static String fold(String name, NameTables tables) {
        if (name == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (String w : latinWords(name, tables)) {
            String k = wordKeys(w, tables).get(0);
            if (!k.isEmpty()) {
                if (out.length() > 0) {
                    out.append(' ');
                }
                out.append(k);
            }
        }
        return out.isEmpty() ? String.join(" ", unromanised(name)) : out.toString();
    }

    /**
     * The words of a name in a script no romanisation here reads (Khmer, Sinhala), lower-cased as written, or none
     * for a name without letters: such a name is its own spelling, so two of them are never one empty key.
     */
    private static List<String> unromanised(String name) {
        List<String> out = new ArrayList<>();
        for (String w : Normalizer.normalize(name, Normalizer.Form.NFC).toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{M}]+")) {
            if (w.codePoints().anyMatch(Character::isLetter)) {
                out.add(w);
            }
        }
        return out;
    }

    /**
     * Every reading of a name, word by word. A word with national letters reads both as they sound (ş sh, ç ch, ž
     * zh) and as wire copy writes them without marks (Çavuşoğlu is Cavusoglu, Vučić is Vucic).
     */
    public static NameKey key(String name) {
        return key(name, NameTables.DEFAULT);
    }

    /** {@link #key(String)} with a pack's name tables ({@code names/*.csv}). */
    static NameKey key(String name, NameTables tables) {
        return tables.key(name, n -> computeKey(n, tables));
    }

    private static NameKey computeKey(String name, NameTables tables) {
        List<String> sounded = latinWords(name, tables);
        List<List<String>> readings = new ArrayList<>();
        if (!isAscii(name)) {
            String latin = latin(name, false, tables);
            readings.add(plainWords(latin));
            if (latin.indexOf('đ') >= 0 || latin.indexOf('Đ') >= 0) {
                // Serbian and Croatian đ is dj (Đoković is Djokovic), Vietnamese đ is d (Trần Đại Quang is Tran Dai Quang)
                readings.add(plainWords(latin.replace('đ', 'd').replace('Đ', 'D')));
            }
            if (has(name, UScript.GREEK)) {
                // English-language news writes Greek η as e where UNGEGN has i (Κληρίδης is Clerides, Kliridis)
                readings.add(latinWordsOf(latin(name.replace('η', 'ε').replace('ή', 'έ').replace('Η', 'Ε'), false, tables)));
                // Greek has no letter for b, d, g (β δ γ are v, dh, gh): it writes a foreign name's b, d and g as μπ,
                // ντ and γκ, and its j as τζ (Βλαντιμίρ Πούτιν is Vladimir Putin, Ομπάμα Obama, Άνγκελα Angela)
                // ... except μπ at the end of a word, which is mp there (Τραμπ is Trump)
                String foreign = GREEK_FOREIGN.matcher(name).replaceAll(m -> switch (m.group().toLowerCase(Locale.ROOT)) {
                    case "μπ" -> m.end() == name.length() || !Character.isLetter(name.charAt(m.end())) ? "mp"
                            : Character.isUpperCase(m.group().charAt(0)) ? "B" : "b";
                    case "ντ" -> Character.isUpperCase(m.group().charAt(0)) ? "D" : "d";
                    case "γκ" -> Character.isUpperCase(m.group().charAt(0)) ? "G" : "g";
                    default -> Character.isUpperCase(m.group().charAt(0)) ? "J" : "j";
                });
                if (!foreign.equals(name)) {
                    readings.add(latinWordsOf(latin(foreign, false, tables)));
                }
                // Greek γ before a front vowel is a y (Ταγίπ is Tayyip), and Greek, which has no sh, writes a foreign sh
                // as σ (Σολτς is Scholz): two more readings of the foreign spelling
                String y = GREEK_GAMMA_Y.matcher(foreign).replaceAll("");
                if (!y.equals(foreign)) {
                    readings.add(latinWordsOf(latin(y, false, tables)));
                }
                String sh = GREEK_S.matcher(latin(foreign, false, tables)).replaceAll("sh");
                readings.add(latinWordsOf(sh));
            } else if (has(name, UScript.ARABIC)) {
                // Egyptian, Sudanese and Gulf speech say ج and ق as g, and news from there writes g (جمال is Gamal,
                // دقلو Dagalo): the news romanisation writes them j and q, and nothing else that way
                String g = latin.replace('j', 'g').replace('q', 'g');
                if (!g.equals(latin)) {
                    readings.add(plainWords(g));
                }
                // Arabic has no p or v: it writes a foreign name's p as ب and v as ف (فلاديمير بوتين is Vladimir Putin)
                String pv = latin.replace('b', 'p').replace('f', 'v');
                if (!pv.equals(latin)) {
                    readings.add(plainWords(pv));
                }
            } else if (has(name, UScript.HEBREW)) {
                // Hebrew פ is p or f, by a dot the news spelling does not show (נפתלי is Naftali)
                String f = latin.replace('p', 'f');
                if (!f.equals(latin)) {
                    readings.add(plainWords(f));
                }
                // a geresh makes ג, ז and צ the j, zh and ch of foreign names (ג'ו ביידן is Joe Biden)
                String geresh = HEBREW_GERESH.matcher(name).replaceAll(m -> switch (m.group().charAt(0)) {
                    case 'ג' -> "j";
                    case 'ז' -> "zh";
                    default -> "ch";
                });
                if (!geresh.equals(name)) {
                    readings.add(plainWords(latin(geresh, false, tables)));
                }
            } else if (has(name, UScript.KATAKANA)) {
                // katakana writes a foreign name with one r for l and r and an n for any nasal before p and b
                // (ドナルド・トランプ is donarudo toranpu, Donald Trump): readings with l and with m, compared by the
                // consonants (the vowels it adds after every consonant are no part of the name: see abjad below)
                String l = latin.replace('r', 'l');
                String m = KATAKANA_NASAL.matcher(latin).replaceAll("m");
                readings.add(plainWords(l));
                readings.add(plainWords(m));
                readings.add(plainWords(KATAKANA_NASAL.matcher(l).replaceAll("m")));
            } else if (has(name, UScript.HANGUL)) {
                // North Korean names are written in the McCune-Reischauer romanisation, which writes a syllable's
                // first ㅂ and ㄹ as p and r where the Revised Romanization ICU applies has b and l (최룡해 is Choe
                // Ryong Hae, 박봉주 Pak Pong Ju): a second reading of the given name's syllables. Its k, t and ch for
                // ㄱ, ㄷ and ㅈ are left out: a k read so made 박근혜 (Park Geun-hye) one with Park Chung-hee
                String mr = MR_INITIAL.matcher(latin).replaceAll(m -> m.group(1).equals("b") ? "p" : "r");
                if (!mr.equals(latin)) {
                    readings.add(plainWords(mr));
                }
            } else if (latin.equals(name) || !has(name, UScript.CYRILLIC)) {
                // a Latin name, or another script: no second romanisation
            } else {
                // Ukrainian г is h and и is y (Шмигаль is Shmyhal): a Cyrillic name without the letters that tell
                // Ukrainian from Russian reads both ways
                String ukrainian = latin(name, true, tables);
                readings.add(latinWordsOf(ukrainian));
                // a Chinese, Japanese or Korean name in Russian-language Cyrillic, read back by its syllable chart
                // (names/syllables.csv: Си Цзиньпин is Xi Jinping, where ICU gives Si Czinpin)
                readings.addAll(tables.syllableReadings(name));
            }
        }
        if (sounded.size() > 1 && latinOnly(name)) {
            // a national alphabet one word shows is the whole name's (Szergej Sojgu: Hungarian, so Sojgu is Shoigu)
            Set<Integer> shown = new LinkedHashSet<>();
            sounded.forEach(w -> shown.addAll(tables.readings().alphabetsShown(w)));
            for (int a : shown) {
                List<String> inAlphabet = sounded.stream().map(w -> tables.readings().inAlphabet(a, w)).toList();
                if (!inAlphabet.equals(sounded)) {
                    readings.add(inAlphabet);
                }
            }
        }
        List<List<String>> words = new ArrayList<>();
        for (int i = 0; i < sounded.size(); i++) {
            List<String> keys = wordKeys(sounded.get(i), tables);
            for (List<String> other : readings) {
                if (other.size() == sounded.size() && !other.get(i).equals(sounded.get(i))) {
                    Set<String> both = new LinkedHashSet<>(keys);
                    both.addAll(wordKeys(other.get(i), tables));
                    keys = List.copyOf(both);
                }
            }
            if (!keys.get(0).isEmpty()) {
                words.add(keys);
            }
        }
        if (words.isEmpty()) {
            unromanised(name).forEach(w -> words.add(List.of(w)));
        }
        // Arabic, Persian and Hebrew script write no short vowels, and katakana a vowel after every consonant of a
        // foreign name: a name in them meets a Latin one by its consonants (NameKey#probes)
        boolean abjad = has(name, UScript.ARABIC) || has(name, UScript.HEBREW) || has(name, UScript.KATAKANA);
        boolean heard = has(name, UScript.CYRILLIC) || has(name, UScript.GREEK);
        boolean latin = !abjad && !heard && latinOnly(name);
        // Japanese names only: English-language news writes them in either order, Chinese and Korean ones family
        // name first, and two Western names in turned order are two people (Ali Hassan, Hassan Ali)
        boolean turned = latin && sounded.size() == 2 && sounded.stream().allMatch(w -> tables.inSyllables(JAPANESE, w));
        return new NameKey(words, abjad, latin ? sounded(sounded, words, tables) : List.of(), heard, turned);
    }

    /**
     * The keys of a Latin name's words as Russian and Greek write them by sound ({@code sound} rows of readings.csv:
     * Trump is Трамп, Biden Байден, Johnson Джонсон) and its own; empty when no word has such a reading.
     */
    private static List<List<String>> sounded(List<String> latinWords, List<List<String>> words, NameTables tables) {
        if (latinWords.size() != words.size()) {
            return List.of();
        }
        List<List<String>> out = new ArrayList<>(words.size());
        boolean any = false;
        for (int i = 0; i < words.size(); i++) {
            Set<String> keys = new LinkedHashSet<>();
            for (String reading : tables.readings().sounds(latinWords.get(i))) {
                keys.addAll(wordKeys(reading, tables));
            }
            keys.removeAll(words.get(i));
            any |= !keys.isEmpty();
            // the word's own keys too: the other word may be the one written by sound (Борис Джонсон: Boris as
            // spelled, Johnson as sounded)
            keys.addAll(words.get(i));
            out.add(List.copyOf(keys));
        }
        return any ? out : List.of();
    }

    /** Whether every letter of a name is a Latin one. */
    private static boolean latinOnly(String name) {
        return isAscii(name) || name.codePoints().filter(Character::isLetter).allMatch(c -> UScript.getScript(c) == UScript.LATIN);
    }

    /** Whether a name has a letter of that script ({@link UScript} code: {@code UScript.GREEK}). */
    static boolean has(String s, int script) {
        return s.codePoints().anyMatch(c -> UScript.getScript(c) == script);
    }

    private static List<String> latinWordsOf(String latin) {
        String s = fullWords(latin);
        return s.isEmpty() ? List.of() : List.of(s.split(" "));
    }

    /**
     * The words with every mark dropped (Çavuşoğlu is cavusoglu), đ written dj, ł written l, and ə written e as wire
     * copy often does (Hikmət is Hikmet; the sounded reading has a: Əliyev is Aliyev).
     */
    static List<String> plainWords(String name) {
        String s = Normalizer.normalize(articlesDropped(name), Normalizer.Form.NFC).toLowerCase(Locale.ROOT)
                .replace("đ", "dj").replace("ł", "l").replace("ı", "i").replace("ə", "e").replace("ß", "ss")
                .replace("þ", "th").replace("ð", "d").replace("ǝ", "");
        s = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
        s = NON_WORD.matcher(s.replace("’", "").replace("'", "")).replaceAll(" ").trim();
        return s.isEmpty() ? List.of() : List.of(s.split(" "));
    }

    /** The name's words in lower-case Latin letters: other scripts transliterated, marks and apostrophes dropped. */
    static List<String> latinWords(String name) {
        return latinWords(name, NameTables.DEFAULT);
    }

    private static List<String> latinWords(String name, NameTables tables) {
        String s = isAscii(name) ? words(name) : fullWords(latin(name, false, tables));
        if (s.isEmpty()) {
            return List.of();
        }
        return List.of(s.split(" "));
    }

    /** A name in Latin letters with its diacritics: other scripts romanised as news does (see the class comment). */
    public static String latin(String name) {
        return latin(name, false, NameTables.DEFAULT);
    }

    private static String latin(String name, boolean ukrainianCyrillic, NameTables tables) {
        if (isAscii(name)) {
            return name;
        }
        // the letters that tell Serbian, Ukrainian or Kazakh from Russian may be in one word only (Милош Вучевић):
        // the whole name is read in that language
        String nameId = transliteratorFor(Normalizer.normalize(name, Normalizer.Form.NFC));
        StringBuilder out = new StringBuilder(name.length());
        StringBuilder word = new StringBuilder();
        for (int i = 0; i <= name.length(); i++) {
            char c = i < name.length() ? name.charAt(i) : ' ';
            if (Character.isLetter(c) || c == '\'' || c == '’' || c == '\u200C' || c == '\u200D'
                    || Character.getType(c) == Character.NON_SPACING_MARK
                    || Character.getType(c) == Character.COMBINING_SPACING_MARK) {
                word.append(c);
            } else {
                out.append(latinWord(word.toString(), ukrainianCyrillic, nameId, tables));
                word.setLength(0);
                if (i < name.length()) {
                    out.append(c);
                }
            }
        }
        return out.toString();
    }

    private static String latinWord(String word, boolean ukrainianCyrillic, String nameId, NameTables tables) {
        if (word.isEmpty() || isAscii(word)) {
            return word;
        }
        String nfc = Normalizer.normalize(word, Normalizer.Form.NFC);
        String news = tables.newsSpelling(nfc.toLowerCase(Locale.ROOT));
        if (news != null) {
            return news;
        }
        String id = transliteratorFor(nfc);
        if (HANGUL.equals(id)) {
            // a Korean name: its first syllable the surname as news spells it, the given name after it in ICU's
            // romanisation (김대중 is Kim daejung)
            String surname = tables.newsSpelling(nfc.substring(0, 1));
            if (surname != null) {
                return nfc.length() == 1 ? surname : surname + " " + hangulSyllables(nfc.substring(1));
            }
            return hangulSyllables(nfc);
        }
        if ("Russian-Latin/BGN".equals(id) && nameId != null && nameId.endsWith("/BGN")) {
            id = nameId;
        }
        if (ukrainianCyrillic && "Russian-Latin/BGN".equals(id)) {
            id = "Ukrainian-Latin/BGN";
        }
        if (id == null) {
            return nfc;
        }
        if (THAI.equals(id)) {
            nfc = THAI_SILENT.matcher(nfc).replaceAll("");
        }
        String latin = Normalizer.normalize(
                TRANSLITERATORS.computeIfAbsent(id, Names::transliterator).transliterate(nfc), Normalizer.Form.NFC);
        if (HAN_NAMES.equals(id)) {
            // Pinyin writes a Chinese given name as one word: 李克强 is Li Keqiang, not Li Ke Qiang
            int space = latin.indexOf(' ');
            return space < 0 ? latin : latin.substring(0, space + 1) + latin.substring(space + 1).replace(" ", "");
        }
        if (THAI.equals(id)) {
            // ICU's ISO 11940 writes จ c and the vowel carrier อ x: the Royal Thai General System, as news, has ch and
            // nothing (จันทร์โอชา is Chan-o-cha, ICU's cạnthr̒ xochā)
            return latin.replaceAll("c(?!h)", "ch").replace("x", "");
        }
        if (TAMIL.equals(id)) {
            // Tamil script has no letters for g, d, ḍ and b: its k, t, ṭ and p are voiced after a nasal and between
            // vowels, as news writes them (மோடி is Modi, ICU's mōṭi)
            latin = TAMIL_VOICED.matcher(latin).replaceAll(m -> switch (m.group(1)) {
                case "k" -> "g";
                case "t" -> "d";
                case "ṭ" -> "ḍ";
                default -> "b";
            });
            return TAMIL_EPENTHETIC.matcher(latin).replaceAll("");
        }
        if (ETHIOPIC.equals(id)) {
            // ICU writes Ethiopic's first-order vowel a and its sixth ǝ; English-language news writes the first e, o
            // after w, and the sixth mostly not at all (ሳህለወርቅ ዘውዴ is Sahle-Work Zewde, ICU's sāhǝlawarǝq zawǝde)
            return latin.replace("wa", "wo").replace('a', 'e').replace("ǝ", "").replace('q', 'k');
        }
        if (DEVANAGARI.equals(id) || BENGALI.equals(id)) {
            // Hindi and Bengali drop the inherent vowel at the end of a word (राहुल is Rahul, not rāhula; মুহাম্মদ
            // Muhammad), and the nasal dot is n before a consonant as news writes it (गांधी is Gandhi)
            latin = latin.replace('ṁ', 'n').replace('ṃ', 'n');
            // after one consonant only (an aspirate, kh or th, is one: শেখ is Shekh): a cluster keeps it (नरेन्द्र
            // is Narendra); never after the sign of a long a (आ, া)
            int n = latin.length();
            int c = n >= 3 && latin.charAt(n - 2) == 'h' && !vowel(latin.charAt(n - 3)) ? n - 3 : n - 2;
            if (c >= 1 && latin.charAt(n - 1) == 'a' && !vowel(latin.charAt(c))
                    && vowel(Normalizer.normalize(latin.substring(c - 1, c), Normalizer.Form.NFD).charAt(0))
                    && "ाা".indexOf(nfc.charAt(nfc.length() - 1)) < 0) {
                latin = latin.substring(0, n - 1);
            }
            return latin;
        }
        if ("Armenian-Latin/BGN".equals(id)) {
            // ICU reads a ո after an aspirate's apostrophe as the start of a word (vo): Քոչարյան is K'och'aryan
            latin = latin.replace("’vo", "’o").replace("'vo", "'o");
        }
        // BGN/PCGN writes ё as ë, and yë after a vowel; news writes e (Khrushchev, Gorbachev) and yo (Mirziyoyev);
        // its middle dot marks letters not to be read as one (К·етсян for Кэцян): news writes none, and as a
        // non-letter it would cut the word in two (Ли Кэцян would be Li K. Etsyan, a short form of Li Qiang's name)
        return id.endsWith("/BGN") ? latin.replace("yë", "yo").replace("Yë", "Yo").replace('ë', 'e').replace('Ë', 'E')
                .replace("\u00B7", "") : latin;
    }

    /**
     * Hangul syllable by syllable, joined by hyphens as news writes a Korean given name (Myung-bak): each syllable
     * with its final consonant as it sounds at the end of a syllable, k, t, p and l, where ICU writes the letter's
     * initial value g, d, b and r (박 is bak, 석 seok: Lee Myung-bak, Yoon Suk-yeol).
     */
    private static String hangulSyllables(String hangul) {
        Transliterator t = TRANSLITERATORS.computeIfAbsent(HANGUL, Names::transliterator);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < hangul.length(); i++) {
            String syllable = t.transliterate(hangul.substring(i, i + 1)).replace("-", "");
            int n = syllable.length();
            if (n > 1 && !syllable.endsWith("ng")) {
                char last = syllable.charAt(n - 1);
                int at = "gdbr".indexOf(last);
                if (at >= 0) {
                    syllable = syllable.substring(0, n - 1) + "ktpl".charAt(at);
                }
            }
            if (out.length() > 0) {
                out.append('-');
            }
            out.append(syllable);
        }
        return out.toString();
    }

    /** ICU's transliterator of that id, or the news romanisation of Arabic script ({@code arabic-latin.txt}). */
    private static Transliterator transliterator(String id) {
        if (ETHIOPIC.equals(id)) {
            return Transliterator.getInstance("Any-Latin");
        }
        String file = RULE_FILES.get(id);
        if (file == null) {
            return Transliterator.getInstance(id);
        }
        try (InputStream in = Names.class.getResourceAsStream("/org/factlint/names/" + file)) {
            if (in == null) {
                throw new IllegalStateException("org/factlint/names/" + file + " is missing from the classpath");
            }
            return Transliterator.createFromRules(id, new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    Transliterator.FORWARD);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The romanisation for a word's script, or null for a Latin word. */
    private static String transliteratorFor(String word) {
        Character.UnicodeScript script = null;
        boolean ukrainian = false;
        boolean serbian = false;
        boolean macedonian = false;
        boolean belarusian = false;
        boolean kazakh = false;
        boolean kirghiz = false;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            Character.UnicodeScript s = Character.UnicodeScript.of(c);
            if (s != Character.UnicodeScript.COMMON && s != Character.UnicodeScript.INHERITED
                    && s != Character.UnicodeScript.LATIN) {
                script = s;
            }
            ukrainian |= "іїєґІЇЄҐ".indexOf(c) >= 0;
            serbian |= "ђјљњћџЂЈЉЊЋЏ".indexOf(c) >= 0;
            macedonian |= "ѓќѕЃЌЅ".indexOf(c) >= 0;
            belarusian |= "ўЎ".indexOf(c) >= 0;
            kazakh |= "әғқұһӘҒҚҰҺ".indexOf(c) >= 0;
            kirghiz |= "ңөүҢӨҮ".indexOf(c) >= 0;
        }
        if (script == null) {
            return null;
        }
        return switch (script) {
            case CYRILLIC -> macedonian ? "Macedonian-Latin/BGN" : serbian ? "Serbian-Latin/BGN"
                    : belarusian ? "Belarusian-Latin/BGN" : kazakh ? "Kazakh-Latin/BGN" : kirghiz ? "Kirghiz-Latin/BGN"
                    : ukrainian ? "Ukrainian-Latin/BGN" : "Russian-Latin/BGN";
            case GREEK -> "Greek-Latin/UNGEGN";
            case GEORGIAN -> "Georgian-Latin/BGN";
            case ARMENIAN -> "Armenian-Latin/BGN";
            case ARABIC -> ARABIC_NEWS;
            case HAN -> HAN_NAMES;
            case HANGUL -> HANGUL;
            case DEVANAGARI -> DEVANAGARI;
            case BENGALI -> BENGALI;
            case TAMIL -> TAMIL;
            case THAI -> THAI;
            case ETHIOPIC -> ETHIOPIC;
            case SINHALA -> "Sinhala-Latin/News";
            case KHMER -> "Khmer-Latin/News";
            case MYANMAR -> "Myanmar-Latin/News";
            default -> "Any-Latin";
        };
    }

    /**
     * The keys of one lower-case Latin word (no marks), first the reading of {@code j} as ж or х, then as й.
     * Never empty; the first key is empty for a word with no letters or digits.
     */
    static List<String> wordKeys(String word) {
        return wordKeys(word, NameTables.DEFAULT);
    }

    private static List<String> wordKeys(String word, NameTables tables) {
        Map<String, List<String>> cache = tables.wordKeys;
        List<String> cached = cache.get(word);
        if (cached != null) {
            return cached;
        }
        Set<String> keys = new LinkedHashSet<>();
        expand(word, 0, new StringBuilder(), keys);
        // German umlauts written out (Schroeder/Schröder, Mueller/Müller): a second reading, since Russian names
        // have the same letters as sounds of their own (Dostoevsky, Tokaev)
        String umlauts = word.replace("oe", "o").replace("ue", "u").replace("ae", "a");
        if (!umlauts.equals(word)) {
            expand(umlauts, 0, new StringBuilder(), keys);
        }
        // the second readings of readings.csv, after the word's own
        for (String reading : tables.readings().of(word)) {
            if (tables.distinct(word, reading)) {
                continue; // a reading that is another name (Samer is not Samir: names/distinct-names.csv)
            }
            expand(reading, 0, new StringBuilder(), keys);
        }
        // a final e is silent in French forms (Poutine) but sounded in pinyin and Turkish (Qingde, Dede): the key
        // that drops it comes first, the one that keeps it after
        if (word.length() > 3 && word.endsWith("e") && !vowel(word.charAt(word.length() - 2))) {
            for (String k : List.copyOf(keys)) {
                if (!k.isEmpty() && !k.endsWith("e") && keys.size() < MAX_KEYS) {
                    keys.add(k + "e");
                }
            }
        }
        List<String> out = List.copyOf(keys);
        if (cache.size() < 100_000) {
            cache.put(word, out);
        }
        return out;
    }

    /** Every reading of the j's from {@code at} on (at most {@value #MAX_KEYS}). */
    private static void expand(String word, int at, StringBuilder prefix, Set<String> keys) {
        int j = word.indexOf('j', at);
        if (j < 0) {
            keys.add(skeleton(prefix + word.substring(at)));
            return;
        }
        if (keys.size() >= MAX_KEYS) {
            // no more readings: the j's left are read as й, never kept as a j no other key has (Dutch Sjojgoe is Shoigu)
            keys.add(skeleton(prefix + word.substring(at).replace('j', 'I')));
            return;
        }
        String before = word.substring(at, j);
        // "dj" is ж; any other j is ж (English, Turkic) or х (Spanish), which share a class, or й (German)
        for (char reading : new char[] {'H', 'I'}) {
            int len = prefix.length();
            prefix.append(before).append(reading);
            expand(word, j + 1, prefix, keys);
            prefix.setLength(len);
            if (j > 0 && word.charAt(j - 1) == 'd') {
                break;
            }
        }
    }

    /** The skeleton of one reading; {@code H} and {@code I} stand for a j read as ж (or х) and as й. */
    static String skeleton(String w) {
        StringBuilder s = new StringBuilder(w.length());
        int n = w.length();
        for (int i = 0; i < n; ) {
            if (w.startsWith("schtsch", i)) { s.append('h'); i += 7; continue; }
            if (w.startsWith("chtch", i)) { s.append('h'); i += 5; continue; }
            if (w.startsWith("shch", i) || w.startsWith("tsch", i) || w.startsWith("dsch", i)) { s.append('h'); i += 4; continue; }
            if (w.startsWith("dzh", i) || w.startsWith("tch", i) || w.startsWith("sch", i)) { s.append('h'); i += 3; continue; }
            char c = w.charAt(i);
            char next = i + 1 < n ? w.charAt(i + 1) : 0;
            if ((c == 's' || c == 'c' || c == 'z' || c == 'k') && next == 'h') { s.append('h'); i += 2; continue; }
            if (c == 'd' && next == 'H') { s.append('h'); i += 2; continue; }
            if ((c == 't' || c == 'd') && (next == 's' || next == 'z')) { s.append('s'); i += 2; continue; }
            if (c == 'c' && next == 'k') { s.append('k'); i += 2; continue; }
            if (c == 'p' && next == 'h') { s.append('f'); i += 2; continue; }
            if ((c == 't' || c == 'g') && next == 'h') { s.append(c); i += 2; continue; }
            if (c == 'o' && next == 'u') { s.append('u'); i += 2; continue; }
            if (c == 'g' && next == 'u' && i + 2 < n && "eiy".indexOf(w.charAt(i + 2)) >= 0) { s.append('g'); i += 2; continue; }
            switch (c) {
                case 'H', 'h' -> s.append('h');
                case 'I', 'y' -> s.append('i');
                case 's', 'z' -> s.append('s');
                case 'c' -> s.append("eiy".indexOf(next) >= 0 && next != 0 ? 's' : 'k');
                case 'w', 'v' -> s.append('v');
                case 'q' -> s.append('k');
                case 'x' -> s.append("ks");
                default -> {
                    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                        s.append(c);
                    }
                }
            }
            i++;
        }
        return tidy(s);
    }

    private static boolean vowel(char c) {
        return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
    }

    /** Doubled letters collapse, then the vowel rules apply to the mapped letters, then doubles collapse again. */
    private static String tidy(StringBuilder mapped) {
        // -off / -ov at the end (Smirnoff, Rachmaninoff): ff is v there
        int e = mapped.length();
        if (e > 3 && mapped.charAt(e - 1) == 'f' && mapped.charAt(e - 2) == 'f' && vowel(mapped.charAt(e - 3))) {
            mapped.setLength(e - 2);
            mapped.append('v');
        }
        StringBuilder s = new StringBuilder(mapped.length());
        for (int i = 0; i < mapped.length(); i++) {
            if (i == 0 || mapped.charAt(i) != mapped.charAt(i - 1)) {
                s.append(mapped.charAt(i));
            }
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            char prev = out.length() == 0 ? 0 : out.charAt(out.length() - 1);
            char next = i + 1 < s.length() ? s.charAt(i + 1) : 0;
            if (c == prev) {
                continue; // doubled letters (mm/m, ii/i)
            }
            // the glide before e: Yeltsin/Eltsine, Tokayev/Tokaev, Sergeyev/Sergeev, Tourgueniev/Turgenev
            if (c == 'i' && next == 'e') {
                continue;
            }
            // io/yo/jo between consonants is ё: Semyonov/Semenov, Pyotr/Petr, Fyodor/Fedor
            if (c == 'i' && next == 'o' && prev != 0 && !vowel(prev) && i + 2 < s.length() && !vowel(s.charAt(i + 2))) {
                out.append('e');
                i++;
                continue;
            }
            // ё after a hushing sound: Gorbachev/Gorbatschow/Gorbachov
            if (c == 'o' && prev == 'h') {
                c = 'e';
            }
            if (c == prev) {
                continue;
            }
            out.append(c);
        }
        int m = out.length();
        // Alexander/Aleksandr, Peter/Petr: a final -er after a consonant
        if (m > 3 && out.charAt(m - 1) == 'r' && out.charAt(m - 2) == 'e' && !vowel(out.charAt(m - 3))) {
            out.deleteCharAt(m - 2);
            m--;
        }
        // a silent final e after a consonant (Poutine, Eltsine, Alexandre)
        if (m > 3 && out.charAt(m - 1) == 'e' && !vowel(out.charAt(m - 2))) {
            out.setLength(m - 1);
        }
        return out.toString();
    }

    /**
     * Lower-case words of the name separated by single spaces, with marks and apostrophes dropped. National Latin
     * letters keep their sound: ş and š are sh, ç and č are ch, ž is zh, ğ is g, ı is i, ə is a (Əliyev is Aliyev).
     */
    static String fullWords(String name) {
        String s = Normalizer.normalize(articlesDropped(name), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        // the Azerbaijani alphabet, told by its ə: c is j, x is kh, q is g (Xədicə is Khadija, Qafarova Gafarova)
        boolean azerbaijani = s.indexOf('ə') >= 0;
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (azerbaijani && (c == 'c' || c == 'x' || c == 'q')) {
                b.append(c == 'c' ? "j" : c == 'x' ? "kh" : "g");
                continue;
            }
            switch (c) {
                case 'ş', 'ș', 'š', 'ś' -> b.append("sh");
                case 'ț', 'ţ' -> b.append("ts"); // Romanian ț is ц (Elțîn is Yeltsin)
                case 'õ' -> b.append('y'); // Estonian õ is ы (Navalnõi is Navalny); the plain reading keeps o
                case 'ç', 'č', 'ć' -> b.append("ch");
                case 'ž', 'ź', 'ż' -> b.append("zh");
                case 'đ' -> b.append("dj");
                case 'ı' -> b.append('i');
                case 'ə' -> b.append('a');
                case 'ł' -> b.append('l');
                case 'ß' -> b.append("ss");
                case 'ø' -> b.append('o');
                case 'þ' -> b.append("th"); // Icelandic thorn and eth: Þórdís is Thordis, Guðni Gudni
                case 'ð' -> b.append('d');
                case 'ǝ' -> { } // ICU's Ethiopic sixth-order vowel, which news writes as nothing (or e)
                case 'æ' -> b.append("ae");
                case 'ʼ', 'ʻ', 'ʹ', 'ʺ', '`', '´' -> { }
                default -> b.append(c);
            }
        }
        s = Normalizer.normalize(b, Normalizer.Form.NFD);
        s = MARKS.matcher(s).replaceAll("");
        s = s.replace("’", "").replace("'", "");
        return NON_WORD.matcher(s).replaceAll(" ").trim();
    }

    /**
     * {@link #fullWords} for ASCII names, which most are: no Unicode normalisation, no regex. Folding runs for every
     * name and mention of every document, and the full path was a tenth of what a check allocated.
     */
    static String words(String name) {
        name = articlesDropped(name);
        StringBuilder out = new StringBuilder(name.length());
        boolean gap = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            }
            if (c == '\'' || c == '`') {
                continue;
            }
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                if (gap && out.length() > 0) {
                    out.append(' ');
                }
                gap = false;
                out.append(c);
            } else {
                gap = true;
            }
        }
        return out.toString();
    }

    static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** The name without its particles (al-, el-): the jar's conventions, the same for every pack. */
    private static String articlesDropped(String name) {
        return NameTables.CONVENTIONS.withoutArticles(name);
    }
}
