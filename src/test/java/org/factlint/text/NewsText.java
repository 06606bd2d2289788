package org.factlint.text;

import java.util.List;

/**
 * Generated news text for growth tests: paragraphs written for these tests from templates, each with people and
 * places of its own (pseudo-names made from the paragraph's number), so a longer text has more names, more sources
 * and more claims, not the same few repeated.
 */
final class NewsText {
    private static final List<String> SYLLABLES = List.of("ka", "lo", "mir", "ta", "ves", "ko", "ra", "din", "su",
            "bel", "na", "tor", "vi", "zan", "pe", "rus");
    private static final List<String> PARAGRAPHS = List.of(
            "President {A} of {P} invited Prime Minister {B} to the summit in {C} on May {D}. \"We expect more than"
                    + " {N} delegates,\" {A} said at a press conference.",
            "{B} did not confirm the invitation, the press service of {B} said on Tuesday. Officials familiar with"
                    + " the talks said {B} may travel to {C} next week.",
            "According to the ministry, {N} troops took part in the exercise near {C}. The ministry denied that any"
                    + " soldiers were hurt, but {A} told reporters that the figure could not be checked.",
            "\"No such conversation took place,\" {B}'s spokesman {E} said. He added that the president would decide"
                    + " whether to attend after the election in {P}.",
            "In {Y}, {A} hosted the leaders of {P} and {C}. The only foreign leader at the parade this year is {E},"
                    + " who arrived in {C} at 10:00 on Sunday.");

    private NewsText() {
    }

    /** A pseudo-name for a number: "Kalomir", "Tavesko". */
    static String name(int n) {
        StringBuilder b = new StringBuilder();
        int x = n + SYLLABLES.size();
        do {
            b.append(SYLLABLES.get(x % SYLLABLES.size()));
            x /= SYLLABLES.size();
        } while (x > 0);
        b.append(SYLLABLES.get(n % 7));
        return Character.toUpperCase(b.charAt(0)) + b.substring(1);
    }

    /** Paragraph {@code i} of the generated text. */
    static String paragraph(int i) {
        return PARAGRAPHS.get(i % PARAGRAPHS.size())
                .replace("{A}", name(5 * i) + " " + name(5 * i + 1))
                .replace("{B}", name(5 * i + 2))
                .replace("{E}", name(5 * i + 3) + " " + name(5 * i + 4))
                .replace("{P}", name(7 * i) + "ia")
                .replace("{C}", name(7 * i + 1) + "grad")
                .replace("{D}", Integer.toString(1 + i % 28))
                .replace("{Y}", Integer.toString(1990 + i % 30))
                .replace("{N}", Integer.toString(100 + i % 900));
    }

    /** An article of at least {@code chars} characters: a headline, then paragraphs separated by blank lines. */
    static String article(int chars) {
        StringBuilder b = new StringBuilder("Leaders Meet in " + name(1) + "grad as Talks Go On\n");
        for (int i = 0; b.length() < chars; i++) {
            b.append('\n').append(paragraph(i)).append('\n');
        }
        return b.toString();
    }

    /**
     * A short article: a headline and one paragraph, its people and places drawn from a pool of a thousand
     * paragraphs' worth (word-level caches are bounded and full after the first thousand; what is measured after
     * that is what each article leaves behind).
     */
    static String shortArticle(int i) {
        int p = i % 1_000;
        return name(5 * p) + " Says Talks Will Go On in Round " + (i / 1_000 + 1) + "\n\n" + paragraph(p) + "\n";
    }
}
