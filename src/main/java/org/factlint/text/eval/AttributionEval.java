package org.factlint.text.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import org.factlint.text.Analysis;
import org.factlint.text.eval.BratAttributions.Article;
import org.factlint.text.eval.BratAttributions.Relation;
import org.factlint.text.eval.BratAttributions.Span;

/**
 * Scores the front end's attributions against brat gold (PolNeAR). The matching criteria:
 * <ul>
 *   <li><b>sentence</b>: the front end's own sentences (the headline is one). A sentence has a gold attribution when
 *   the first piece of some gold cue starts inside it; it has a predicted one when the front end gives it at least
 *   one attribution.</li>
 *   <li><b>source</b> and <b>cue</b> spans: a predicted span matches when it shares at least one character with a
 *   gold span of the same role (any piece of a broken span). Precision: predicted spans matching some gold span;
 *   recall: gold spans matched by some predicted span.</li>
 *   <li><b>anonymous</b>: a gold source is anonymous when it names no one: its head is a lower-case common noun
 *   for people ("officials", "a source close to Trump", "a White House official"), not a pronoun, number, document
 *   or figure, and it is not a definite singular ("the senator"); see {@link #anonymousGold(String, boolean)}. A
 *   predicted source marked anonymous matches a gold anonymous source it overlaps.</li>
 * </ul>
 */
public final class AttributionEval {
    private static final Set<String> PRONOUNS = Set.of("i", "we", "you", "he", "she", "they", "it", "who", "which",
            "that", "this", "these", "those", "me", "us", "him", "her", "them", "one", "whom", "his", "its", "their",
            "our", "my", "your", "himself", "herself", "themselves", "itself", "someone", "somebody", "anyone",
            "everyone", "nobody", "some", "many", "others", "both", "all", "most");
    private static final Set<String> DEFINITE = Set.of("the", "his", "her", "its", "their", "this", "that", "our");
    private static final Set<String> DETERMINERS = Set.of("the", "a", "an", "some", "several", "two", "three",
            "other", "another", "many", "one", "most", "few", "no", "his", "her", "their", "its", "this", "our");

    /** A gold attribution nobody found, or a found one no gold attribution matches. */
    public record Miss(String article, String sentence, String cue, String source, boolean spurious) {
    }

    /** The scores, a breakdown by gold cue word and by kind of source, and the misses. */
    public record Result(int articles, int sentences, int relations, Score sentence, Score source, Score cue,
                         Score anonymous, Map<String, Score> byCue, Map<String, Score> bySource, List<Miss> misses) {
    }

    private AttributionEval() {
    }

    /**
     * Heads that are no person or group of people: documents, media, data and figures ("records show", "a poll
     * found", "56 percent said"). A source so headed is not an anonymous source: it is a document or a statistic.
     */
    static final Set<String> NOT_PEOPLE = Set.of("poll", "polls", "polling", "survey", "surveys", "record", "records",
            "report", "reports", "study", "studies", "data", "figures", "numbers", "statistics", "result", "results",
            "returns", "estimate", "estimates", "count", "tally", "analysis", "analyses", "research", "findings",
            "evidence", "document", "documents", "papers", "filing", "filings", "email", "emails", "e-mail", "e-mails",
            "letter", "letters", "memo", "memos", "statement", "statements", "tweet", "tweets", "post", "posts",
            "message", "messages", "video", "videos", "footage", "photo", "photos", "photograph", "ad", "ads",
            "advertisement", "website", "site", "article", "articles", "story", "stories", "book", "books",
            "transcript", "transcripts", "excerpts", "minutes", "notes", "projections", "forecast", "forecasts",
            "model", "models", "average", "averages", "percent", "%", "share", "majority", "minority", "half", "third",
            "quarter", "rest", "headline", "headlines", "map", "chart", "graphic", "law", "bill", "ruling", "opinion",
            "lawsuit", "complaint", "indictment", "page", "pages", "list", "speech", "remarks", "comments", "words");

    /**
     * True when a gold source phrase names no one (the "officials said", "a source close to", "people
     * familiar with"): the phrase's head (its last word before "of", "for", "close", "familiar", "at", "with",
     * "who", "that") is a common noun for a person or group of people, written in lower case (or opening the
     * sentence as a common word), not a pronoun, quantifier, number or letter, not a document, medium or figure
     * ({@link #NOT_PEOPLE}); and the phrase is not a definite singular ("the senator", "his campaign", "Clinton's
     * campaign manager": someone the reader can identify). Capitalised words before the head only say whose
     * people they are: "a White House official", "Trump aides" and "a source close to Trump" name no one; a comma
     * before the head (an apposition) does name someone.
     */
    public static boolean anonymousGold(String phrase, boolean sentenceInitial) {
        String[] words = phrase.strip().split("\\s+");
        if (words.length == 0 || words[0].isEmpty()) {
            return false;
        }
        int head = words.length - 1;
        for (int i = 1; i < words.length; i++) {
            // "Sen. Bernie Sanders (I-Vt.)": the label after the name in parentheses is not the head
            if (words[i].startsWith("(") || Set.of("of", "for", "close", "familiar", "at", "with", "who", "that",
                    "in", "on", "from", "inside", "within", "briefed", "involved", "speaking")
                    .contains(words[i].toLowerCase(Locale.ROOT))) {
                head = i - 1;
                break;
            }
        }
        String h = words[head].replaceAll("[\\p{Punct}\u2018\u2019\u201c\u201d]+$", "");
        String lh = h.toLowerCase(Locale.ROOT);
        if (h.length() < 2 || PRONOUNS.contains(lh) || DETERMINERS.contains(lh) || NOT_PEOPLE.contains(lh)
                || lh.chars().anyMatch(Character::isDigit) || NUMBERS.contains(lh)) {
            return false;
        }
        if (Character.isUpperCase(h.codePointAt(0)) && !(head == 0 && sentenceInitial)) {
            return false; // "Sen. Ted Cruz", "Republicans", "TRUMP": a name
        }
        boolean plural = lh.endsWith("s") || Set.of("people", "police", "staff", "personnel", "crowd", "public",
                "management", "leadership").contains(lh);
        for (int i = 0; i < head; i++) {
            String w = words[i];
            if (w.endsWith(",") || w.startsWith("(")) {
                return false; // "Jane Doe, a spokeswoman": an apposition names her
            }
            boolean determiner = i == 0 && DEFINITE.contains(w.toLowerCase(Locale.ROOT));
            boolean possessive = w.matches(".*['\u2019]s?$");
            if ((determiner || possessive) && !plural) {
                return false; // "the senator", "his campaign", "Clinton's campaign manager": one the reader can identify
            }
        }
        return true;
    }

    private static final Set<String> NUMBERS = Set.of("one", "two", "three", "four", "five", "six", "seven", "eight",
            "nine", "ten", "dozen", "dozens", "hundreds", "thousands", "millions", "none", "each", "every", "either",
            "neither", "several", "few", "any", "half");

    static boolean anonymousGold(Article a, Relation r) {
        if (r.source().isEmpty()) {
            return false;
        }
        int i = r.source().get(0).start() - 1;
        while (i >= 0 && (a.text().charAt(i) == ' ' || "\"'\u201c\u2018(".indexOf(a.text().charAt(i)) >= 0)) {
            i--;
        }
        boolean initial = i < 0 || ".!?\n:\u2014\u2013-".indexOf(a.text().charAt(i)) >= 0;
        String phrase = text(a, r.source());
        String first = phrase.strip().split("\\s+")[0];
        // a sentence-initial word is a common word unless the article also capitalises it inside a sentence of its
        // body, after a word, a number or a comma ("Sen. Ted Cruz", "… with Cruz"); the Title Case headline does not
        // count; a possessive opening a sentence ("O'Malley's campaign says") is a name
        String bare = first.replaceAll("[\\p{Punct}\u2018\u2019\u201c\u201d]+$", "");
        boolean possessive = first.matches(".*['\u2019]s?$");
        int nl = a.text().indexOf('\n');
        String body = nl < 0 ? a.text() : a.text().substring(nl);
        boolean common = initial && !possessive && !bare.isEmpty()
                && !java.util.regex.Pattern.compile("[\\p{L}\\d,;] +" + java.util.regex.Pattern.quote(bare) + "\\b")
                .matcher(body).find();
        return anonymousGold(phrase, common);
    }

    static String sourceKind(Article a, Relation r) {
        if (r.source().isEmpty()) {
            return "no source";
        }
        String phrase = text(a, r.source());
        if (anonymousGold(a, r)) {
            return "anonymous";
        }
        String[] w = phrase.strip().split("\\s+");
        if (w.length == 1 && PRONOUNS.contains(w[0].toLowerCase(Locale.ROOT))) {
            return "pronoun";
        }
        return "named";
    }

    static String cueWord(Article a, Relation r) {
        return r.cue().isEmpty() ? "(none)" : text(a, r.cue()).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    private static String text(Article a, List<Span> pieces) {
        StringBuilder b = new StringBuilder();
        for (Span s : pieces) {
            b.append(b.length() == 0 ? "" : " … ").append(s.of(a.text()));
        }
        return b.toString();
    }

    private static boolean overlapsAny(List<Span> pieces, Analysis.Span s) {
        if (s == null) {
            return false;
        }
        Span x = new Span(s.start(), s.end());
        return pieces.stream().anyMatch(x::overlaps);
    }

    /** Runs the front end over every article and scores it; keeps at most {@code maxMisses} misses. */
    public static Result run(List<Article> articles, Function<String, List<Analysis.Sentence>> frontEnd,
                             int maxMisses) {
        Score sentence = Score.ZERO;
        Score source = Score.ZERO;
        Score cue = Score.ZERO;
        Score anonymous = Score.ZERO;
        Map<String, int[]> byCue = new TreeMap<>();
        Map<String, int[]> bySource = new TreeMap<>();
        List<Miss> misses = new ArrayList<>();
        List<Miss> spurious = new ArrayList<>();
        int sentences = 0;
        int relations = 0;
        for (Article a : articles) {
            List<Analysis.Sentence> found = frontEnd.apply(a.text());
            List<Analysis.Attribution> predicted = new ArrayList<>();
            found.forEach(s -> predicted.addAll(s.attributions()));
            relations += a.relations().size();
            sentences += found.size();
            // sentences
            int tp = 0;
            int pred = 0;
            int gold = 0;
            for (Analysis.Sentence s : found) {
                boolean g = a.relations().stream().anyMatch(r -> !r.cue().isEmpty()
                        && r.cue().get(0).start() >= s.span().start() && r.cue().get(0).start() < s.span().end());
                boolean p = !s.attributions().isEmpty();
                gold += g ? 1 : 0;
                pred += p ? 1 : 0;
                tp += g && p ? 1 : 0;
            }
            sentence = sentence.plus(new Score(tp, pred, tp, gold));
            // spans
            List<Relation> withSource = a.relations().stream().filter(r -> !r.source().isEmpty()).toList();
            List<Relation> anonymousGold = withSource.stream()
                    .filter(r -> anonymousGold(a, r)).toList();
            source = source.plus(spanScore(withSource, predicted, Relation::source, Analysis.Attribution::source));
            cue = cue.plus(spanScore(a.relations(), predicted, Relation::cue, Analysis.Attribution::cue));
            anonymous = anonymous.plus(spanScore(anonymousGold,
                    predicted.stream().filter(Analysis.Attribution::anonymous).toList(), Relation::source,
                    Analysis.Attribution::source));
            // breakdown and misses
            for (Relation r : a.relations()) {
                boolean cueFound = predicted.stream().anyMatch(p -> overlapsAny(r.cue(), p.cue()));
                int[] c = byCue.computeIfAbsent(cueWord(a, r), k -> new int[2]);
                c[0]++;
                c[1] += cueFound ? 1 : 0;
                boolean sourceFound = r.source().isEmpty() ? cueFound
                        : predicted.stream().anyMatch(p -> overlapsAny(r.source(), p.source()));
                int[] k = bySource.computeIfAbsent(sourceKind(a, r), x -> new int[2]);
                k[0]++;
                k[1] += sourceFound ? 1 : 0;
                if (!cueFound && misses.size() < maxMisses) {
                    misses.add(new Miss(a.name(), sentenceOf(a.text(), found, r.cue().isEmpty() ? 0
                            : r.cue().get(0).start()), cueWord(a, r),
                            r.source().isEmpty() ? "" : text(a, r.source()), false));
                }
            }
            for (Analysis.Attribution p : predicted) {
                if (p.cue() != null && a.relations().stream().noneMatch(r -> overlapsAny(r.cue(), p.cue()))
                        && spurious.size() < maxMisses) {
                    spurious.add(new Miss(a.name(), sentenceOf(a.text(), found, p.cue().start()),
                            a.text().substring(p.cue().start(), p.cue().end()),
                            p.source() == null ? "" : a.text().substring(p.source().start(), p.source().end()), true));
                }
            }
        }
        misses.addAll(spurious);
        return new Result(articles.size(), sentences, relations, sentence, source, cue, anonymous,
                breakdown(byCue, 15), breakdown(bySource, 10), misses);
    }

    private static Map<String, Score> breakdown(Map<String, int[]> counts, int top) {
        List<Map.Entry<String, int[]>> sorted = new ArrayList<>(counts.entrySet());
        sorted.sort(Comparator.comparing((Map.Entry<String, int[]> e) -> -e.getValue()[0])
                .thenComparing(Map.Entry::getKey));
        Map<String, Score> out = new LinkedHashMap<>();
        int[] rest = new int[2];
        for (int i = 0; i < sorted.size(); i++) {
            int[] c = sorted.get(i).getValue();
            if (i < top) {
                out.put(sorted.get(i).getKey(), new Score(0, 0, c[1], c[0]));
            } else {
                rest[0] += c[0];
                rest[1] += c[1];
            }
        }
        if (rest[0] > 0) {
            out.put("(other)", new Score(0, 0, rest[1], rest[0]));
        }
        return out;
    }

    private static Score spanScore(List<Relation> gold, List<Analysis.Attribution> predicted,
                                   Function<Relation, List<Span>> goldSpan,
                                   Function<Analysis.Attribution, Analysis.Span> predictedSpan) {
        List<Analysis.Span> pred = predicted.stream().map(predictedSpan).filter(java.util.Objects::nonNull).toList();
        List<List<Span>> g = gold.stream().map(goldSpan).filter(l -> !l.isEmpty()).toList();
        int pm = (int) pred.stream().filter(p -> g.stream().anyMatch(x -> overlapsAny(x, p))).count();
        int gm = (int) g.stream().filter(x -> pred.stream().anyMatch(p -> overlapsAny(x, p))).count();
        return new Score(pm, pred.size(), gm, g.size());
    }

    private static String sentenceOf(String text, List<Analysis.Sentence> sentences, int offset) {
        for (Analysis.Sentence s : sentences) {
            if (offset >= s.span().start() && offset < s.span().end()) {
                return text.substring(s.span().start(), s.span().end()).replaceAll("\\s+", " ").strip();
            }
        }
        int from = Math.max(0, offset - 60);
        return text.substring(from, Math.min(text.length(), offset + 60)).replaceAll("\\s+", " ").strip();
    }
}
