package org.factlint.text;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.factlint.model.Article;
import org.factlint.model.Attribution;
import org.factlint.model.Claim;
import org.factlint.model.Document;
import org.factlint.model.Entity;
import org.factlint.model.EventTime;
import org.factlint.model.Source;
import org.factlint.model.SourceKind;
import org.factlint.text.Extraction.SentenceInfo;
import org.factlint.text.Extraction.SourceSpan;
import org.factlint.text.Extraction.Mention;
import org.factlint.text.Extraction.MentionKind;
import org.factlint.text.Extraction.EntityRef;

/**
 * Turns one article's text into a claims document by running the stages of {@link Pipeline} in order over
 * OpenNLP's sentences, tokens and tags: cues, attribution, numbers, factuality ({@link CueFinder},
 * {@link Attributor}, {@link NumberStage}, {@link FactualityStage}), then names ({@link NameStage}), sources
 * ({@link SourceStage}), pronouns and quotation speakers (here), and claims ({@link ClaimStage}). Not thread-safe:
 * one per article.
 */
final class Extractor {
    private final Tables tables;
    private final String articleId;
    private final String body;
    private final String norm;
    private final LocalDate published;
    private final NameStage names;
    private final SourceStage sourceStage;
    private final ClaimStage claimStage;
    private final CorefStage coref;
    /** The headline and body sentences of the last {@link #extract}, for {@link #attributionTrace()}. */
    private List<SentenceInfo> analysed = List.of();

    Extractor(Tables tables, String articleId, String body, LocalDate published) {
        this.tables = tables;
        this.articleId = articleId;
        this.body = body;
        String normal = Nlp.normalize(body);
        int newline = normal.indexOf('\n');
        // a Title Case or ALL CAPS headline folded for tagging (same length: offsets hold)
        this.norm = new HeadlineStage(tables).fold(normal, 0, newline < 0 ? normal.length() : newline);
        this.published = published;
        this.names = new NameStage(tables, body, norm);
        this.sourceStage = new SourceStage(tables, body, norm, names);
        this.claimStage = new ClaimStage(tables, body, norm, published, names, sourceStage);
        this.coref = new CorefStage(names, norm);
    }

    /**
     * The document: {@code end} is where the article proper stops (a "Source:" trailer and site boilerplate are not
     * part of it).
     */
    Document extract(String outletName, String url, int end) {
        String outletId = slug(outletName);
        sourceStage.sources.put(outletId, new Source(outletId, outletName, SourceKind.OUTLET, null));
        int newline = body.indexOf('\n');
        int headlineEnd = newline < 0 || newline > end ? end : newline;
        String headline = body.substring(0, headlineEnd).strip();
        if (headline.isEmpty()) {
            throw new ArticleTextException(1, 1, "the first line must be the headline, but it is blank");
        }
        List<SentenceInfo> sentences = new ArrayList<>();
        List<Nlp.Sentence> headParts = analyseBlock(0, headlineEnd);
        List<Nlp.Token> headTokens = new ArrayList<>();
        headParts.forEach(x -> headTokens.addAll(x.tokens()));
        SentenceInfo head = new SentenceInfo(new Nlp.Sentence(headParts.get(0).start(), headlineEnd,
                List.copyOf(headTokens)), true);
        Matcher blocks = Pattern.compile("\\n\\s*\\n").matcher(body);
        int blockStart = headlineEnd;
        List<int[]> ranges = new ArrayList<>();
        while (blocks.find() && blocks.start() < end) {
            ranges.add(new int[] {blockStart, blocks.start()});
            blockStart = blocks.end();
        }
        ranges.add(new int[] {blockStart, end});
        for (int[] r : ranges) {
            if (r[0] < r[1] && !body.substring(r[0], r[1]).isBlank()) {
                for (Nlp.Sentence s : analyseBlock(r[0], r[1])) {
                    sentences.add(new SentenceInfo(s, false));
                }
            }
        }
        // Pass 1: cues, attribution phrases and name runs of every sentence.
        for (SentenceInfo s : sentences) {
            s.cues = tables.cues.find(norm, s.nlp.start(), s.nlp.end());
            findDates(s);
            s.cues = s.cues.stream().filter(c -> s.dateSpans.stream().noneMatch(d -> c.start() < d[1] && d[0] < c.end()))
                    .toList();
            sourceStage.findSourceSpans(s);
            names.findMentions(s);
        }
        // Pass 2: people are known by their full names before single surnames and roles are resolved.
        names.clusterNames(sentences);
        // Pass 3: claims, sentence by sentence, in reading order (pronouns and "it" look back).
        SentenceInfo previous = null;
        for (SentenceInfo s : sentences) {
            coref.resolve(s);
            sourceStage.resolveChain(s);
            if (s.anaphoric && previous != null) {
                // "This was reported on the website of the Tajik leader." names the source of what came before.
                for (Claim.Builder c : previous.claims) {
                    if (previous.chain.isEmpty()) {
                        c.saidBy(s.chain.get(0), s.chainVerbs.get(0));
                    }
                }
                if (previous.chain.isEmpty()) {
                    previous.chain.addAll(s.chain);
                }
                previous = s;
                continue;
            }
            claimStage.buildClaims(s);
            if (previous != null && s.quoteFirst && !s.chain.isEmpty() && previous.chain.isEmpty()
                    && !previous.claims.isEmpty() && claimStage.sharesActor(previous, s)) {
                // A quotation with its source right after an unsourced sentence about the same people: that is
                // where the sentence's news came from.
                for (Claim.Builder c : previous.claims) {
                    for (int i = 0; i < s.chain.size(); i++) {
                        c.saidBy(s.chain.get(i), null);
                    }
                }
                previous.chain.addAll(s.chain);
            }
            previous = s;
        }
        quotationSpeakers(sentences);
        coref.assignGroups();
        List<SentenceInfo> all = new ArrayList<>();
        all.add(head);
        all.addAll(sentences);
        analysed = all;
        List<Claim> claims = new ArrayList<>();
        Claim headlineClaim = claimStage.headlineClaim(head, sentences);
        if (headlineClaim != null) {
            claims.add(headlineClaim);
        }
        for (SentenceInfo s : sentences) {
            for (Claim.Builder b : s.claims) {
                claims.add(b.build());
            }
        }
        claims = claimStage.relate(claims);
        List<Entity> entities = new ArrayList<>();
        java.util.Set<String> used = new LinkedHashSet<>(claimStage.usedEntities);
        for (EntityRef e : names.entitiesByKey.values()) {
            if (used.contains(e.id)) {
                e.groups.forEach(g -> used.add(g.id));
            }
        }
        for (EntityRef e : new LinkedHashSet<>(names.entitiesByKey.values())) {
            if (used.contains(e.id)) {
                List<String> aliases = e.spellings.stream().filter(a -> !a.equals(e.name)).toList();
                entities.add(new Entity(e.id, e.name, aliases, e.party, e.groups.stream().map(g -> g.id).toList()));
            }
        }
        Article article = new Article(articleId, outletId, headline, published, url, body);
        return new Document(article, List.copyOf(sourceStage.sources.values()), entities, claims);
    }

    /**
     * The sentences of the last {@link #extract} and the source phrases found in them, with the reporting word
     * nearest each (for {@code factlint eval}).
     */
    List<Analysis.Sentence> attributionTrace() {
        List<Analysis.Sentence> out = new ArrayList<>();
        for (SentenceInfo s : analysed) {
            List<Analysis.Attribution> found = new ArrayList<>();
            for (SourceSpan src : s.sources) {
                Analysis.Span cue = null;
                if (src.verb() != null) {
                    Matcher m = Pattern.compile("(?i)\\b" + Pattern.quote(src.verb()) + "\\b")
                            .matcher(norm).region(s.nlp.start(), s.nlp.end());
                    int best = Integer.MAX_VALUE;
                    while (m.find()) {
                        int d = Math.min(Math.abs(m.start() - src.end()), Math.abs(src.start() - m.end()));
                        if (d < best) {
                            best = d;
                            cue = new Analysis.Span(m.start(), m.end());
                        }
                    }
                }
                Analysis.Span source = new Analysis.Span(src.start(), src.end());
                found.add(new Analysis.Attribution(source, cue, false, "neutral"));
            }
            out.add(new Analysis.Sentence(new Analysis.Span(s.nlp.start(), s.nlp.end()), s.headline, found));
        }
        return out;
    }

    /**
     * A quotation that runs over several sentences has one speaker, named where it opens or closes
     * ('"… They will come. … We are ready," the minister said.'): its unsourced sentences get that speaker's chain.
     * A quotation never runs over a paragraph break.
     */
    private void quotationSpeakers(List<SentenceInfo> sentences) {
        List<SentenceInfo> group = new ArrayList<>();
        boolean open = false;
        SentenceInfo prev = null;
        for (SentenceInfo s : sentences) {
            if (prev != null && norm.substring(prev.nlp.end(), s.nlp.start()).contains("\n")) {
                if (open) {
                    shareSpeaker(group);
                }
                open = false;
                group.clear();
            }
            long marks = s.nlp.tokens().stream().filter(t -> t.text().equals("\"")).count();
            if (open || marks % 2 == 1) {
                group.add(s);
            }
            if (marks % 2 == 1) {
                if (open) {
                    shareSpeaker(group);
                    group.clear();
                }
                open = !open;
            }
            prev = s;
        }
        if (open) {
            shareSpeaker(group);
        }
    }

    private static void shareSpeaker(List<SentenceInfo> group) {
        if (group.size() < 2) {
            return;
        }
        SentenceInfo named = group.stream().filter(x -> !x.chain.isEmpty()).findFirst().orElse(null);
        if (named == null) {
            return;
        }
        for (SentenceInfo x : group) {
            if (x.chain.isEmpty()) {
                for (Claim.Builder c : x.claims) {
                    for (int i = 0; i < named.chain.size(); i++) {
                        c.saidBy(named.chain.get(i), named.chainVerbs.get(i));
                    }
                }
                x.chain.addAll(named.chain);
                x.chainVerbs.addAll(named.chainVerbs);
            }
        }
    }

    private List<Nlp.Sentence> analyseBlock(int start, int end) {
        String block = norm.substring(start, end).replace('\n', ' ').replace('\r', ' ');
        return Nlp.analyse(block, start);
    }

    // ---------------------------------------------------------------- dates

    private void findDates(SentenceInfo s) {
        s.dateSpans.addAll(tables.numbers.dateSpans(norm, s.nlp));
    }

    private EventTime when(SentenceInfo s) {
        return tables.numbers.when(norm, s.nlp, published, s::inSource);
    }

    // ---------------------------------------------------------------- attribution


    /** An id from a name: "State News Agency of Turkmenistan" gives {@code state-news-agency-of-turkmenistan}. */
    static String slug(String name) {
        String s = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT).replace("'", "").replace("\u2019", "")
                .replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (s.isEmpty()) {
            s = "x";
        }
        return s.length() > 60 ? s.substring(0, 60).replaceAll("-+$", "") : s;
    }
}
