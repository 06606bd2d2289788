package org.factlint.text;

import java.util.ArrayList;
import java.util.List;


/**
 * What the text front end finds below the level of claims, for measuring it on annotated corpora
 * ({@code factlint eval}) and for tools that want spans rather than claims: the attributions of each sentence, with
 * the character spans of their sources and cues, and a factuality value for each predicate. Thread-safe.
 */
public final class Analysis {
    /** A range of the text in {@code char} offsets, end exclusive. */
    public record Span(int start, int end) {
        public Span {
            if (start < 0 || end < start) {
                throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
            }
        }
    }

    /**
     * One attribution found in a sentence.
     *
     * @param source    the source phrase, or {@code null} when the sentence names none ("it was reported")
     * @param cue       the reporting words ("said", "according to"), or {@code null} when unknown
     * @param anonymous true when the source is unnamed ("officials said", "a source close to")
     * @param type      {@code neutral}, {@code factive} or {@code denying}: what the cue says about the content
     */
    public record Attribution(Span source, Span cue, boolean anonymous, String type) {
    }

    /** One sentence (the headline first) and its attributions. */
    public record Sentence(Span span, boolean headline, List<Attribution> attributions) {
        public Sentence {
            attributions = List.copyOf(attributions);
        }
    }

    private Analysis() {
    }

    /**
     * The sentences of an article (first line the headline, paragraphs separated by blank lines, as
     * {@link ArticleText} reads it) with their attributions. Offsets are into {@code text}.
     */
    public static List<Sentence> attributions(String text) {
        String norm = Nlp.normalize(text.replace('\r', ' '));
        List<Sentence> out = new ArrayList<>();
        for (Nlp.Sentence s : sentences(norm)) {
            boolean headline = s.start() == 0 && (norm.indexOf('\n') < 0 || s.end() <= norm.indexOf('\n'));
            List<Attribution> found = new ArrayList<>();
            for (Attributor.Found f : Tables.DEFAULT.attributor.find(norm, s, headline)) {
                List<Nlp.Token> t = s.tokens();
                Span source = f.named() ? new Span(t.get(f.sourceFrom()).start(), t.get(f.sourceTo() - 1).end()) : null;
                Span cue = new Span(t.get(f.cueFrom()).start(), t.get(f.cueTo() - 1).end());
                found.add(new Attribution(source, cue, f.anonymous(), f.entry().type()));
            }
            out.add(new Sentence(new Span(s.start(), s.end()), headline, found));
        }
        return out;
    }

    /**
     * The sentences of normalised article text: the first line (the headline) is one sentence, then the sentences
     * of each paragraph (paragraphs are separated by blank lines; single line breaks are spaces).
     */
    static List<Nlp.Sentence> sentences(String norm) {
        List<Nlp.Sentence> out = new ArrayList<>();
        int nl = norm.indexOf('\n');
        int headEnd = nl < 0 ? norm.length() : nl;
        if (!norm.substring(0, headEnd).isBlank()) {
            List<Nlp.Token> tokens = new ArrayList<>();
            Nlp.analyse(norm.substring(0, headEnd), 0).forEach(x -> tokens.addAll(x.tokens()));
            if (!tokens.isEmpty()) {
                out.add(new Nlp.Sentence(tokens.get(0).start(), headEnd, List.copyOf(tokens)));
            }
        }
        java.util.regex.Matcher blocks = java.util.regex.Pattern.compile("\\n\\s*\\n").matcher(norm);
        int from = headEnd;
        while (from < norm.length()) {
            int to = blocks.find(from) ? blocks.start() : norm.length();
            if (!norm.substring(from, to).isBlank()) {
                out.addAll(Nlp.analyse(norm.substring(from, to).replace('\n', ' '), from));
            }
            from = to == norm.length() ? to : blocks.end();
        }
        return out;
    }

    /**
     * A factuality value in [−3, 3] for each of the given tokens (one sentence, already tokenized): +3 certainly
     * happened, 0 unknown, −3 certainly did not happen. Values of tokens that are not predicates mean nothing.
     */
    public static double[] factuality(List<String> tokens) {
        if (tokens.isEmpty()) {
            return new double[0];
        }
        return Tables.DEFAULT.factuality.values(Nlp.tag(tokens));
    }
}
