package org.factlint.text;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.factlint.model.EventTime;
import org.factlint.model.Qualifier;
import org.factlint.model.Quantity;

/**
 * The numbers stage. Needs: sentences with tokens and tags, and the spans of their source phrases (figures inside a
 * source are not the claim's). Adds: dates and the claim's time, and quantities typed: only counts of something
 * ("10 thousand people", "125 pieces") become quantities; years, dates, clock times, percentages, money, ages,
 * durations and ordinals do not (the non-count units are the table {@code units.csv}). Thread-safe.
 */
final class NumberStage {
    private static final Pattern QUANTITY = Pattern.compile(
            "(?<![\\w.,:$\u00a3\u20ac/-])(?:(?<q>more than|over|at least|no fewer than|about|around|approximately|roughly|some|nearly"
                    + "|almost|up to|fewer than|less than|under)\\s+)?(?<n>\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?"
                    + "|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty"
                    + "|a hundred|hundreds|a dozen|dozens)(?:\\s+(?<m>thousand|million|billion))?(?:\\s+(?<u>[a-z]+))?",
            Pattern.CASE_INSENSITIVE);
    private static final Map<String, Integer> NUMBER_WORDS = Map.ofEntries(Map.entry("one", 1), Map.entry("two", 2),
            Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6),
            Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10),
            Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("twenty", 20), Map.entry("thirty", 30),
            Map.entry("forty", 40), Map.entry("fifty", 50), Map.entry("a hundred", 100), Map.entry("hundreds", 100),
            Map.entry("a dozen", 12), Map.entry("dozens", 24));
    private static final String MONTH_RE = "(?<month>January|February|March|April|May|June|July|August|September"
            + "|October|November|December|Jan\\.|Feb\\.|Mar\\.|Apr\\.|Jun\\.|Jul\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.)";
    private static final Pattern DATE_MD = Pattern.compile(MONTH_RE
            + "\\s+(?<day>\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(?<year>(?:19|20)\\d{2})\\b)?");
    private static final Pattern DATE_DM = Pattern.compile("\\b(?<day>\\d{1,2})\\s+" + MONTH_RE
            + "(?:\\s+(?<year>(?:19|20)\\d{2}))?\\b");
    private static final Pattern YEAR = Pattern.compile("\\b(?:in|since|during|by|of)\\s+(?<year>(?:19|20)\\d{2})\\b",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern RELATIVE_YEAR = Pattern.compile("\\b(?<which>this|last|next)\\s+year\\b",
            Pattern.CASE_INSENSITIVE);

    private final Set<String> nonCounts;

    NumberStage(Set<String> nonCounts) {
        this.nonCounts = Set.copyOf(nonCounts);
    }

    /** The spans of dates ("May 9", "9 May 2023") in a sentence, as {start, end} offsets into the text. */
    List<Integer[]> dateSpans(String norm, Nlp.Sentence s) {
        List<Integer[]> out = new ArrayList<>();
        String text = norm.substring(s.start(), s.end());
        for (Pattern p : List.of(DATE_MD, DATE_DM)) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                out.add(new Integer[] {s.start() + m.start(), s.start() + m.end()});
            }
        }
        return out;
    }

    /**
     * The sentence's time: its first full date outside the source phrase (the article's year when none is given),
     * else a year ("in 2021"), else a year relative to the article's ("this year", "last year").
     */
    EventTime when(String norm, Nlp.Sentence s, LocalDate published, BiPredicate<Integer, Integer> inSource) {
        String text = norm.substring(s.start(), s.end());
        int best = Integer.MAX_VALUE;
        EventTime out = null;
        for (Pattern p : List.of(DATE_MD, DATE_DM)) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                if (m.start() >= best || inSource.test(s.start() + m.start(), s.start() + m.end())) {
                    continue;
                }
                Integer year = m.group("year") != null ? Integer.valueOf(m.group("year"))
                        : published == null ? null : published.getYear();
                if (year == null) {
                    continue;
                }
                int month = month(m.group("month"));
                int day = Integer.parseInt(m.group("day"));
                try {
                    out = EventTime.on(LocalDate.of(year, month, day));
                    best = m.start();
                } catch (java.time.DateTimeException e) {
                    // "February 30": not a date, not a claim's time
                }
            }
        }
        if (out == null) {
            Matcher y = YEAR.matcher(text);
            if (y.find()) {
                int year = Integer.parseInt(y.group("year"));
                out = new EventTime(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
            }
        }
        if (out == null && published != null) {
            // "this year", "last year": the article's year, or the one before or after it
            Matcher r = RELATIVE_YEAR.matcher(text);
            if (r.find() && !inSource.test(s.start() + r.start(), s.start() + r.end())) {
                int year = published.getYear() + switch (r.group("which").toLowerCase(Locale.ROOT)) {
                    case "last" -> -1;
                    case "next" -> 1;
                    default -> 0;
                };
                out = new EventTime(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
            }
        }
        return out;
    }

    private static int month(String name) {
        String m = name.substring(0, 3).toLowerCase(Locale.ROOT);
        return List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec").indexOf(m) + 1;
    }

    /** Figures with their qualifiers: "more than 10 thousand people", "about 8,000", "125 pieces". */
    List<Quantity> quantities(String norm, Nlp.Sentence s, List<Integer[]> dateSpans,
                              BiPredicate<Integer, Integer> inSource) {
        List<Quantity> out = new ArrayList<>();
        String text = norm.substring(s.start(), s.end());
        Matcher m = QUANTITY.matcher(text);
        while (m.find()) {
            int start = s.start() + m.start("n");
            int end = s.start() + m.end();
            if (dateSpans.stream().anyMatch(d -> d[0] <= start && start < d[1]) || inSource.test(start, end)) {
                continue;
            }
            String unit = m.group("u");
            String n = m.group("n").toLowerCase(Locale.ROOT);
            boolean digits = Character.isDigit(n.charAt(0));
            // only counts of something: not years, clock times, ordinals, percentages, money, ages or durations
            int after = s.start() + m.end("n");
            if (unit == null || !countNounAt(s, s.start() + m.start("u"))
                    || nonCounts.contains(unit.toLowerCase(Locale.ROOT))
                    || after < norm.length() && (norm.charAt(after) == ':' || norm.charAt(after) == '%'
                    || norm.charAt(after) == '-')) {
                continue;
            }
            double value;
            if (digits) {
                value = Double.parseDouble(n.replace(",", ""));
                if (m.group("m") == null && n.length() == 4 && value >= 1900 && value <= 2100) {
                    continue; // a year, even before a name ("In 2021 Emomali Rahmon")
                }
            } else {
                value = NUMBER_WORDS.get(n);
            }
            if (m.group("m") != null) {
                value *= switch (m.group("m").toLowerCase(Locale.ROOT)) {
                    case "thousand" -> 1_000;
                    case "million" -> 1_000_000;
                    default -> 1_000_000_000;
                };
            }
            Qualifier q = Qualifier.EXACT;
            if (m.group("q") != null) {
                q = switch (m.group("q").toLowerCase(Locale.ROOT)) {
                    case "more than", "over" -> Qualifier.MORE_THAN;
                    case "at least", "no fewer than" -> Qualifier.AT_LEAST;
                    case "up to" -> Qualifier.UP_TO;
                    case "fewer than", "less than", "under" -> Qualifier.FEWER_THAN;
                    default -> Qualifier.ABOUT;
                };
            } else if (n.equals("hundreds") || n.equals("dozens")) {
                q = Qualifier.MORE_THAN;
            }
            out.add(new Quantity(value, unit == null ? null : unit.toLowerCase(Locale.ROOT), q));
        }
        return out;
    }

    /** A common noun in lower case: "people", "troops"; not a name ("Moscow") after a clock time. */
    private static boolean countNounAt(Nlp.Sentence s, int offset) {
        return s.tokens().stream().anyMatch(t -> t.start() == offset && t.tag().equals("NOUN")
                && Character.isLowerCase(t.text().charAt(0)));
    }
}
