package org.factlint.text;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.factlint.internal.Names;
import org.factlint.model.Article;
import org.factlint.model.Attribution;
import org.factlint.model.Claim;
import org.factlint.model.Cue;
import org.factlint.model.CueCategory;
import org.factlint.model.Document;
import org.factlint.model.Entity;
import org.factlint.model.EventTime;
import org.factlint.model.Factuality;
import org.factlint.model.Polarity;
import org.factlint.model.Qualifier;
import org.factlint.model.Quantity;
import org.factlint.model.Relation;
import org.factlint.model.RelationType;
import org.factlint.model.Source;
import org.factlint.model.SourceKind;

/**
 * Turns one article's text into a claims document with plain heuristics over OpenNLP's sentences, tokens and tags:
 * one claim per sentence (one per figure when a sentence gives several), names from capitalised word runs, sources
 * from attribution patterns, cues from the lexicon. Not thread-safe: one per article.
 */
final class Extractor {
    private static final Set<String> MONTHS = Set.of("January", "February", "March", "April", "May", "June", "July",
            "August", "September", "October", "November", "December", "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.",
            "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec.", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
            "Saturday", "Sunday");
    private static final Set<String> NOT_NAME_TAGS = Set.of("DET", "PRON", "ADP", "CCONJ", "SCONJ", "AUX", "PART",
            "ADV", "NUM", "PUNCT", "INTJ", "SYM");
    private static final Set<String> PERSON_PRONOUNS = Set.of("he", "him", "his", "she", "her");
    /** Words that make a capitalised run an organisation or an event rather than a person. */
    private static final Set<String> ORG_WORDS = Set.of("day", "war", "square", "agency", "service", "services",
            "times", "union", "party", "council", "ministry", "office", "parliament", "assembly", "committee",
            "organization", "organisation", "nations", "news", "parade", "games", "cup", "bank", "university",
            "government", "army", "forces", "house", "court", "group", "company", "airlines", "airline", "state",
            "states", "republic", "federation", "kremlin", "nato", "un", "eu");
    private static final Set<String> LEADER_TITLES = Set.of("president", "leader", "head", "counterpart", "premier",
            "king", "chancellor", "prime");
    private static final Set<String> LIGHT_VERBS = Set.of("be", "have", "do", "continue", "make", "get", "go", "come",
            "take", "give", "receive", "begin", "start", "try", "want", "say");
    private static final Set<String> NEGATIONS = Set.of("not", "n't", "no", "never", "none", "nobody", "nothing");
    private static final Pattern LEADING_ADVERBIAL = Pattern.compile(
            "^\\s*\"?\\s*(?:(?:However|Later|Earlier|Meanwhile|Moreover|Yet|But|Still|Also|Then|Previously|Separately"
                    + "|Instead|In particular|In addition|On \\S+(?: \\d+)?|In \\d{4}|On Monday|On Tuesday|On Wednesday"
                    + "|On Thursday|On Friday|On Saturday|On Sunday),?\\s+)?");

    /** A name, role, place or pronoun found in a sentence. */
    private static final class Mention {
        final int start;
        final int end;
        final String surface;
        MentionKind kind;
        /** The name without titles or demonyms ("Vladimir Putin"), or the role ("President of Turkmenistan"). */
        String core;
        String party;
        String title;
        boolean inSource;
        EntityRef entity;

        Mention(int start, int end, String surface, MentionKind kind) {
            this.start = start;
            this.end = end;
            this.surface = surface;
            this.kind = kind;
        }
    }

    private enum MentionKind { NAME, ROLE, PLACE, DEMONYM, PRONOUN }

    /** An entity under construction. */
    private static final class EntityRef {
        /** Its key in {@code entitiesByKey} and its place in that map's order. */
        String key;
        int order;
        String id;
        String name;
        final Set<String> spellings = new LinkedHashSet<>();
        String party;
        boolean person;
        String title;
    }

    /** Where a sentence's source is named: the phrase, and the reporting verb. */
    private record SourceSpan(int start, int end, String verb, boolean anonymous) {
        SourceSpan(int start, int end, String verb) {
            this(start, end, verb, false);
        }
    }

    private static final class SentenceInfo {
        final Nlp.Sentence nlp;
        final boolean headline;
        List<CueFinder.Found> cues = List.of();
        final List<SourceSpan> sources = new ArrayList<>();
        boolean anaphoric;
        boolean quoteFirst;
        /** The main predicate's token, once {@code predicate} has run. */
        Nlp.Token main;
        final List<Mention> mentions = new ArrayList<>();
        final List<String> chain = new ArrayList<>();
        final List<String> chainVerbs = new ArrayList<>();
        final List<Claim.Builder> claims = new ArrayList<>();
        final List<String> claimIds = new ArrayList<>();
        final List<Integer[]> dateSpans = new ArrayList<>();

        SentenceInfo(Nlp.Sentence nlp, boolean headline) {
            this.nlp = nlp;
            this.headline = headline;
        }

        boolean inSource(int start, int end) {
            return sources.stream().anyMatch(s -> start >= s.start() && end <= s.end());
        }
    }

    private final Tables tables;
    private final String articleId;
    private final String body;
    private final String norm;
    private final LocalDate published;
    private final SourcePatterns patterns;
    private final Map<String, EntityRef> entitiesByKey = new LinkedHashMap<>();
    /** Indexes over {@code entitiesByKey}, so a long text costs time in proportion to its length. */
    private final Set<String> takenIds = new HashSet<>();
    /** The last folded word of every spelling of a person, to the earliest person with such a spelling. */
    private final Map<String, EntityRef> personByLastWord = new HashMap<>();
    /** Every folded word of every spelling of any entity. */
    private final Set<String> spellingWords = new HashSet<>();
    private final Map<String, String> folds = new HashMap<>();
    private final Map<String, Source> sources = new LinkedHashMap<>();
    private final Set<String> usedEntities = new LinkedHashSet<>();
    private String lastSourceId;
    private int claimCounter;
    /** The headline and body sentences of the last {@link #extract}, for {@link #attributionTrace()}. */
    private List<SentenceInfo> analysed = List.of();

    Extractor(Tables tables, String articleId, String body, LocalDate published) {
        this.tables = tables;
        this.articleId = articleId;
        this.body = body;
        this.norm = Nlp.normalize(body);
        this.published = published;
        this.patterns = tables.sourcePatterns;
    }

    /** The patterns of the source phrases, compiled once per set of tables from its reporting verbs. */
    static final class SourcePatterns {
        final Pattern trailing;
        final Pattern inverted;
        final Pattern leading;
        final Pattern according;
        final Pattern passive;
        final Pattern citing;

        SourcePatterns(CueFinder cues) {
            String v = cues.entries().stream()
                    .filter(e -> e.category() == CueCategory.ATTRIBUTION && e.phrase().matches("[a-z]+"))
                    .map(CueFinder.Entry::phrase).collect(Collectors.joining("|"));
            trailing = Pattern.compile("(?:,|\")\\s*\"?\\s*(?<src>[^,\";]{2,100}?)\\s+(?<verb>" + v
                    + ")(?:\\s+[\\p{L}\\d-]+){0,3}\\s*[.!?]?\\s*\"?\\s*$");
            inverted = Pattern.compile(",\\s*\"?\\s*(?<verb>said|says|told|added|wrote)\\s+(?<src>[^,\";]{2,80}?)"
                    + "\\s*[.!?]?\\s*$");
            leading = Pattern.compile(LEADING_ADVERBIAL.pattern() + "(?<src>[^,\";]{2,80}?)\\s+"
                    + "(?:has\\s+|have\\s+|had\\s+)?(?<verb>" + v + ")\\b(?<rest>.*)$");
            according = Pattern.compile("(?i)according to\\s+(?<src>[^,.;\"]+)");
            passive = Pattern.compile("(?<anaph>^\\s*(?:This|That|It)\\s+)?(?:was|were|has been|had been|have been)"
                    + "\\s+(?<verb>reported|announced|stated|said|confirmed)\\s+(?:by|on|in)\\s+(?<src>[^,.;\"]+)");
            citing = Pattern.compile("(?i)\\b(?:citing|quoting)\\s+(?<src>[^,.;\"]+)");
        }
    }

    private String fold(String name) {
        return folds.computeIfAbsent(name, Names::fold);
    }

    /**
     * The document: {@code end} is where the article proper stops (a "Source:" trailer and site boilerplate are not
     * part of it).
     */
    Document extract(String outletName, String url, int end) {
        String outletId = slug(outletName);
        sources.put(outletId, new Source(outletId, outletName, SourceKind.OUTLET, null));
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
            findSourceSpans(s);
            findMentions(s);
        }
        // Pass 2: people are known by their full names before single surnames and roles are resolved.
        clusterNames(sentences);
        // Pass 3: claims, sentence by sentence, in reading order (pronouns and "it" look back).
        String lastPerson = null;
        SentenceInfo previous = null;
        for (SentenceInfo s : sentences) {
            boolean[] quoted = Attributor.quoted(norm, s.nlp.tokens());
            String beforeQuotes = lastPerson;
            for (Mention m : s.mentions) {
                boolean inQuote = quotedAt(s, quoted, m.start);
                if (m.kind == MentionKind.PRONOUN) {
                    // the speaker of a quotation is never someone named inside it
                    String who = inQuote ? lastPerson : beforeQuotes;
                    m.entity = who == null ? null : entitiesByKey.get(who);
                } else if (m.entity != null && m.entity.person) {
                    lastPerson = key(m.entity);
                    if (!inQuote) {
                        beforeQuotes = lastPerson;
                    }
                }
            }
            resolveChain(s);
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
            buildClaims(s);
            if (previous != null && s.quoteFirst && !s.chain.isEmpty() && previous.chain.isEmpty()
                    && !previous.claims.isEmpty() && sharesActor(previous, s)) {
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
        List<SentenceInfo> all = new ArrayList<>();
        all.add(head);
        all.addAll(sentences);
        analysed = all;
        List<Claim> claims = new ArrayList<>();
        Claim headlineClaim = headlineClaim(head, sentences);
        if (headlineClaim != null) {
            claims.add(headlineClaim);
        }
        for (SentenceInfo s : sentences) {
            for (Claim.Builder b : s.claims) {
                claims.add(b.build());
            }
        }
        claims = relate(claims);
        List<Entity> entities = new ArrayList<>();
        for (EntityRef e : new LinkedHashSet<>(entitiesByKey.values())) {
            if (usedEntities.contains(e.id)) {
                List<String> aliases = e.spellings.stream().filter(a -> !a.equals(e.name)).toList();
                entities.add(new Entity(e.id, e.name, aliases, e.party, List.of()));
            }
        }
        Article article = new Article(articleId, outletId, headline, published, url, body);
        return new Document(article, List.copyOf(sources.values()), entities, claims);
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

    private static boolean quotedAt(SentenceInfo s, boolean[] quoted, int offset) {
        List<Nlp.Token> t = s.nlp.tokens();
        for (int i = 0; i < t.size(); i++) {
            if (t.get(i).start() <= offset && offset < t.get(i).end()) {
                return quoted[i];
            }
        }
        return false;
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

    /**
     * Finds where the sentence names its source: after a quotation or at the end (", Shoigu announced earlier."),
     * at the start ("Rahmon's press service clarified that"), "according to X", a passive ("was reported on X"),
     * "citing X" for a nested source, or the subject of a non-confirmation ("The Kremlin press service has not
     * confirmed").
     */
    private void findSourceSpans(SentenceInfo s) {
        int base = s.nlp.start();
        String text = norm.substring(base, s.nlp.end());
        s.quoteFirst = text.stripLeading().startsWith("\"");
        Matcher trailing = patterns.trailing.matcher(text);
        Matcher inverted = patterns.inverted.matcher(text);
        Matcher leading = patterns.leading.matcher(text);
        Matcher according = patterns.according.matcher(text);
        Matcher passive = patterns.passive.matcher(text);
        Matcher citing = patterns.citing.matcher(text);

        if (trailing.find() && nominal(s, base + trailing.start("src"), base + trailing.end("src"))) {
            add(s, base, trailing, "src", trailing.group("verb"));
        } else if (inverted.find() && nominal(s, base + inverted.start("src"), base + inverted.end("src"))) {
            add(s, base, inverted, "src", inverted.group("verb"));
        } else if (leading.find() && nominal(s, base + leading.start("src"), base + leading.end("src"))
                && !insideOtherCue(s, base + leading.start("verb"), base + leading.end("verb"))
                && leading.group("rest").strip().length() > 3) {
            add(s, base, leading, "src", leading.group("verb"));
        } else if (passive.find()) {
            add(s, base, passive, "src", passive.group("verb"));
            s.anaphoric = passive.group("anaph") != null;
        }
        if (according.find()) {
            add(s, base, according, "src", "according to");
        }
        if (citing.find()) {
            add(s, base, citing, "src", "citing");
        }
        if (s.sources.isEmpty()) {
            // The subject of "has not confirmed", "did not specify whether", "denied": the one who (did not) speak.
            for (CueFinder.Found c : s.cues) {
                if (c.category() == CueCategory.NON_CONFIRMATION || c.category() == CueCategory.UNSPECIFIED
                        || c.category() == CueCategory.UNDECIDED || c.category() == CueCategory.DENIAL) {
                    String before = norm.substring(base, c.start());
                    Matcher adv = LEADING_ADVERBIAL.matcher(before);
                    int from = adv.lookingAt() ? adv.end() : 0;
                    String subject = before.substring(from).strip();
                    int start = base + from + (before.substring(from).length() - before.substring(from).stripLeading().length());
                    if (!subject.isEmpty() && nominal(s, start, start + subject.length())
                            && (isSourcePronoun(subject) || knownSource(subject))) {
                        s.sources.add(new SourceSpan(start, start + subject.length(), null));
                    }
                    break;
                }
            }
        }
        if (s.sources.isEmpty()) {
            // The attribution stage: the source in any position, appositions, inversions, anonymous sources.
            addFound(s);
        }
    }

    /** The named sources the attribution stage finds in a sentence, in reading order. */
    private void addFound(SentenceInfo s) {
        List<Nlp.Token> t = s.nlp.tokens();
        for (Attributor.Found f : tables.attributor.find(norm, s.nlp, s.headline)) {
            if (f.named() && f.entry().speech()) {
                int start = t.get(f.sourceFrom()).start();
                int end = t.get(f.sourceTo() - 1).end();
                if (s.sources.stream().noneMatch(x -> x.start() == start)) {
                    s.sources.add(new SourceSpan(start, end,
                            body.substring(t.get(f.cueFrom()).start(), t.get(f.cueTo() - 1).end()), f.anonymous()));
                }
            }
        }
    }

    private void add(SentenceInfo s, int base, Matcher m, String group, String verb) {
        int start = base + m.start(group);
        int end = base + m.end(group);
        String src = norm.substring(start, end);
        int trimmed = src.length() - src.stripTrailing().length();
        s.sources.add(new SourceSpan(start, end - trimmed, verb));
    }

    private boolean insideOtherCue(SentenceInfo s, int start, int end) {
        return s.cues.stream().anyMatch(c -> c.category() != CueCategory.ATTRIBUTION && c.start() <= start
                && end <= c.end());
    }

    /** True when the words are a noun phrase: no verbs or auxiliaries, at most ten words. */
    private boolean nominal(SentenceInfo s, int start, int end) {
        int words = 0;
        for (Nlp.Token t : s.nlp.tokens()) {
            if (t.start() >= start && t.end() <= end) {
                words++;
                if (t.tag().equals("VERB") || t.tag().equals("AUX") || t.tag().equals("SCONJ")
                        || (t.tag().equals("PART") && !t.text().equals("'s"))) {
                    return false;
                }
            }
        }
        return words > 0 && words <= 10;
    }

    private static boolean isSourcePronoun(String phrase) {
        return Set.of("it", "they", "he", "she").contains(phrase.toLowerCase(Locale.ROOT));
    }

    private boolean knownSource(String phrase) {
        String p = " " + fold(phrase) + " ";
        return tables.sourceFolds.stream().anyMatch(p::contains);
    }

    /** Turns the sentence's source phrases into declared sources, outermost first. */
    private void resolveChain(SentenceInfo s) {
        for (SourceSpan span : s.sources) {
            String phrase = body.substring(span.start(), span.end()).strip();
            String id = source(s, span, phrase);
            if (id != null && !s.chain.contains(id)) {
                s.chain.add(id);
                s.chainVerbs.add(span.verb());
            }
        }
        if (!s.chain.isEmpty()) {
            lastSourceId = s.chain.get(s.chain.size() - 1);
        }
    }

    private String source(SentenceInfo s, SourceSpan span, String phrase) {
        String lower = phrase.toLowerCase(Locale.ROOT);
        if (lower.equals("it") || lower.equals("they")) {
            return lastSourceId;
        }
        Mention person = null;
        for (Mention m : s.mentions) {
            if (m.start >= span.start() && m.end <= span.end() && m.entity != null && m.entity.person) {
                person = m;
                break;
            }
        }
        String name = phrase.replaceFirst("^(?i)the\\s+", "");
        if (lower.equals("he") || lower.equals("she")) {
            Mention pronoun = s.mentions.stream().filter(m -> m.kind == MentionKind.PRONOUN && m.start == span.start())
                    .findFirst().orElse(null);
            if (pronoun == null || pronoun.entity == null) {
                return null;
            }
            person = pronoun;
            name = pronoun.entity.name;
        }
        String fold = " " + fold(phrase) + " ";
        Tables.SourceRow kindRow = null;
        String party = null;
        for (int k = 0; k < tables.sources.size(); k++) {
            Tables.SourceRow r = tables.sources.get(k);
            if (fold.contains(tables.sourceFolds.get(k))) {
                if (kindRow == null) {
                    kindRow = r;
                }
                if (party == null && r.party() != null) {
                    party = r.party();
                }
            }
        }
        if (party == null) {
            party = countryIn(phrase);
        }
        // "Rahmon's press service" is the press service, not Rahmon
        boolean possessivePerson = person != null && norm.startsWith("'s", person.end);
        if (party == null && person != null) {
            party = person.entity.party;
        }
        if (party == null) {
            for (Mention m : s.mentions) {
                if (m.start >= span.start() && m.end <= span.end() && m.party != null) {
                    party = m.party;
                    break;
                }
            }
        }
        SourceKind kind;
        if (kindRow != null) {
            kind = kindRow.kind();
        } else if (span.anonymous()) {
            kind = SourceKind.ANONYMOUS;
        } else if (person != null && person.entity.title != null) {
            kind = tables.titles.getOrDefault(person.entity.title, SourceKind.OFFICIAL);
        } else if (person != null) {
            kind = SourceKind.OFFICIAL;
        } else {
            kind = SourceKind.INDEPENDENT_MEDIA;
        }
        String id = person != null && !possessivePerson ? person.entity.id : slug(name);
        Source existing = sources.get(id);
        if (existing == null) {
            sources.put(id, new Source(id, name, kind, party));
        }
        return id;
    }

    /** The country a phrase names or implies by a demonym ("the Tajik leader"), the longest name winning. */
    private String countryIn(String phrase) {
        String best = null;
        String bestName = "";
        for (Tables.Place p : tables.places.values()) {
            if (p.type().equals("city") || p.type().equals("landmark")) {
                continue;
            }
            if (p.name().length() > bestName.length() && phrase.contains(p.name())
                    && tables.placePatterns.get(p.name()).matcher(phrase).find()) {
                best = p.country();
                bestName = p.name();
            }
        }
        return best;
    }

    // ---------------------------------------------------------------- names

    /** Capitalised runs ("Russian President Vladimir Putin", "head of Turkmenistan"), pronouns and roles. */
    private void findMentions(SentenceInfo s) {
        List<Nlp.Token> tokens = s.nlp.tokens();
        int i = 0;
        int first = firstWord(tokens);
        while (i < tokens.size()) {
            Nlp.Token t = tokens.get(i);
            String lower = t.text().toLowerCase(Locale.ROOT);
            if (t.tag().equals("PRON") && PERSON_PRONOUNS.contains(lower)) {
                s.mentions.add(mention(s, t.start(), t.end(), MentionKind.PRONOUN));
                i++;
                continue;
            }
            if (lower.equals("the") && i + 1 < tokens.size() && isTitleWord(tokens.get(i + 1))
                    && Character.isLowerCase(tokens.get(i + 1).text().charAt(0))
                    && (i + 2 >= tokens.size() || !(tokens.get(i + 2).text().equals("of")
                    || isNameToken(tokens.get(i + 2), false, s.headline)))
                    && (i == 0 || !tokens.get(i - 1).text().equalsIgnoreCase("of"))) {
                // "the president" with nobody named: the last person mentioned
                Mention m = mention(s, tokens.get(i + 1).start(), tokens.get(i + 1).end(), MentionKind.PRONOUN);
                s.mentions.add(m);
                i += 2;
                continue;
            }
            if (!isNameToken(t, i == first, s.headline) && !(isTitleWord(t) && runAhead(tokens, i, s.headline))) {
                i++;
                continue;
            }
            int j = i;
            int lastName = -1;
            while (j < tokens.size()) {
                Nlp.Token u = tokens.get(j);
                if (isNameToken(u, j == first, s.headline)) {
                    lastName = j;
                    j++;
                } else if (isTitleWord(u)) {
                    j++;
                } else if (u.text().equals("of") && lastName >= 0 || u.text().equals("of") && isTitleWord(tokens.get(j - 1))) {
                    int k = j + 1;
                    if (k < tokens.size() && tokens.get(k).text().equalsIgnoreCase("the")) {
                        k++;
                    }
                    if (k < tokens.size() && isNameToken(tokens.get(k), false, s.headline)) {
                        j = k;
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            if (lastName < 0) {
                i = Math.max(j, i + 1);
                continue;
            }
            int end = tokens.get(lastName).end();
            int start = tokens.get(i).start();
            s.mentions.add(mention(s, start, end, MentionKind.NAME));
            i = lastName + 1;
        }
    }

    private static int firstWord(List<Nlp.Token> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            if (Character.isLetterOrDigit(tokens.get(i).text().charAt(0))) {
                return i;
            }
        }
        return 0;
    }

    private boolean runAhead(List<Nlp.Token> tokens, int i, boolean headline) {
        for (int j = i + 1; j < tokens.size() && j <= i + 4; j++) {
            Nlp.Token u = tokens.get(j);
            if (isNameToken(u, false, headline)) {
                return true;
            }
            if (!(isTitleWord(u) || u.text().equals("of") || u.text().equalsIgnoreCase("the"))) {
                return false;
            }
        }
        return false;
    }

    private boolean isTitleWord(Nlp.Token t) {
        return tables.titleWords.contains(t.text().toLowerCase(Locale.ROOT)) && !t.tag().equals("PUNCT");
    }

    /** A capitalised word that is not a month, a function word, or (first in the sentence) an ordinary word. */
    private boolean isNameToken(Nlp.Token t, boolean sentenceStart, boolean headline) {
        String w = t.text();
        if (w.isEmpty() || !Character.isUpperCase(w.charAt(0)) || MONTHS.contains(w) || !Character.isLetter(w.charAt(0))) {
            return false;
        }
        boolean known = tables.places.containsKey(w) || tables.titleWords.contains(w.toLowerCase(Locale.ROOT));
        if (headline) {
            return known || knownNameWord(w);
        }
        if (known) {
            return true;
        }
        if (NOT_NAME_TAGS.contains(t.tag())) {
            return false;
        }
        return !sentenceStart || t.tag().equals("PROPN");
    }

    private boolean knownNameWord(String w) {
        return spellingWords.contains(fold(w));
    }

    private Mention mention(SentenceInfo s, int start, int end, MentionKind kind) {
        Mention m = new Mention(start, end, body.substring(start, end), kind);
        m.inSource = s.inSource(start, end);
        return m;
    }

    /**
     * Splits each run into titles, demonyms and the name; groups names of one person ("Vladimir Putin", "Putin")
     * and spellings that fold alike ("Berdimuhamedov", "Berdymukhammedov"); resolves roles ("President of
     * Turkmenistan", "the Tajik leader") to the person of that country who holds such a title.
     */
    private void clusterNames(List<SentenceInfo> sentences) {
        List<Mention> pending = new ArrayList<>();
        for (SentenceInfo s : sentences) {
            for (Mention m : s.mentions) {
                if (m.kind == MentionKind.NAME) {
                    analyseName(m);
                    if (m.kind == MentionKind.NAME && (m.title != null || m.core.split(" ").length >= 2)
                            && !orgLike(m.core)) {
                        person(m);
                    } else if (m.kind == MentionKind.NAME) {
                        pending.add(m);
                    }
                }
            }
        }
        for (Mention m : pending) {
            EntityRef p = findPerson(m.core);
            if (p != null) {
                m.entity = p;
                addSpelling(p, m.core);
                if (m.party != null && p.party == null) {
                    p.party = m.party;
                }
            } else {
                m.entity = other(m.core, m.party);
            }
        }
        for (SentenceInfo s : sentences) {
            for (Mention m : s.mentions) {
                if (m.kind == MentionKind.ROLE) {
                    m.entity = roleHolder(m);
                } else if (m.kind == MentionKind.PLACE) {
                    m.entity = other(m.core, m.party);
                }
            }
        }
    }

    private void analyseName(Mention m) {
        String[] words = m.surface.split("\\s+");
        int i = 0;
        String party = null;
        StringBuilder title = new StringBuilder();
        while (i < words.length) {
            String w = words[i];
            Tables.Place p = tables.places.get(w);
            if (p != null && p.demonym()) {
                party = p.country();
            } else if (tables.titleWords.contains(w.toLowerCase(Locale.ROOT))) {
                title.append(title.length() == 0 ? "" : " ").append(w.toLowerCase(Locale.ROOT));
            } else {
                break;
            }
            i++;
        }
        String rest = String.join(" ", java.util.Arrays.copyOfRange(words, i, words.length));
        m.title = title.length() == 0 ? null : bestTitle(title.toString());
        m.party = party;
        if (rest.isEmpty()) {
            m.kind = party != null && m.title == null ? MentionKind.DEMONYM : MentionKind.ROLE;
            m.core = m.surface;
            return;
        }
        Matcher of = Pattern.compile("^of\\s+(?:the\\s+)?(.+)$").matcher(rest);
        if (of.matches() && m.title != null) {
            Tables.Place p = tables.places.get(of.group(1));
            if (p != null) {
                m.kind = MentionKind.ROLE;
                m.party = p.country();
                m.core = m.surface;
                return;
            }
        }
        Tables.Place p = tables.places.get(rest);
        if (p != null && m.title == null && !p.demonym()) {
            m.kind = MentionKind.PLACE;
            m.core = p.name();
            m.party = p.country();
            return;
        }
        if (m.title != null && rest.startsWith("of ")) {
            // "Secretary General of the UN": a named office
            m.core = m.surface.replaceFirst("^(?i)the\\s+", "");
            m.title = null;
            return;
        }
        m.core = rest;
    }

    private String bestTitle(String words) {
        String best = null;
        for (String t : tables.titles.keySet()) {
            if ((" " + words + " ").contains(" " + t + " ") && (best == null || t.length() > best.length())) {
                best = t;
            }
        }
        return best == null ? words : best;
    }

    private static boolean orgLike(String core) {
        for (String w : core.toLowerCase(Locale.ROOT).split("[\\s-]+")) {
            if (ORG_WORDS.contains(w)) {
                return true;
            }
        }
        return false;
    }

    private void person(Mention m) {
        EntityRef p = findPerson(m.core);
        if (p == null) {
            p = new EntityRef();
            p.person = true;
            p.name = m.core;
            p.id = uniqueId(slug(m.core));
            put("person:" + fold(m.core), p);
        } else if (m.core.split(" ").length > p.name.split(" ").length) {
            p.name = m.core;
        }
        addSpelling(p, m.core);
        if (p.party == null) {
            p.party = m.party;
        }
        if (p.title == null) {
            p.title = m.title;
        }
        m.entity = p;
    }

    /** A person whose full name or surname folds like the last word of {@code name}. */
    private EntityRef findPerson(String name) {
        return personByLastWord.get(lastWord(fold(name)));
    }

    private static String lastWord(String folded) {
        return folded.substring(folded.lastIndexOf(' ') + 1);
    }

    private void put(String key, EntityRef e) {
        e.key = key;
        e.order = entitiesByKey.size();
        entitiesByKey.put(key, e);
        takenIds.add(e.id);
    }

    /** Adds a spelling to an entity and to the indexes ({@link #findPerson}, {@link #knownNameWord}). */
    private void addSpelling(EntityRef e, String spelling) {
        if (!e.spellings.add(spelling)) {
            return;
        }
        String f = fold(spelling);
        spellingWords.addAll(List.of(f.split(" ")));
        if (e.person) {
            // the earliest person with a matching spelling wins, as a scan in the map's order would find
            personByLastWord.merge(lastWord(f), e, (old, neu) -> old.order <= neu.order ? old : neu);
        }
    }

    private EntityRef roleHolder(Mention m) {
        if (m.party != null) {
            for (EntityRef e : entitiesByKey.values()) {
                if (e.person && m.party.equals(e.party) && e.title != null && leaderTitle(e.title) == leaderTitle(m.title)) {
                    return e;
                }
            }
        }
        String name = m.surface.replaceFirst("^(?i)the\\s+", "");
        return other(name, m.party);
    }

    private static boolean leaderTitle(String title) {
        if (title == null) {
            return true;
        }
        for (String w : title.split(" ")) {
            if (LEADER_TITLES.contains(w)) {
                return !title.contains("minister") || title.startsWith("prime");
            }
        }
        return false;
    }

    private EntityRef other(String name, String party) {
        String key = "other:" + fold(name);
        EntityRef e = entitiesByKey.get(key);
        if (e == null) {
            e = new EntityRef();
            e.name = name;
            e.id = uniqueId(slug(name));
            e.party = party;
            put(key, e);
        }
        addSpelling(e, name);
        return e;
    }

    private String uniqueId(String base) {
        String id = base;
        int n = 2;
        while (takenIds.contains(id)) {
            id = base + "-" + n++;
        }
        return id;
    }

    private static String key(EntityRef e) {
        return e.key;
    }

    // ---------------------------------------------------------------- claims

    private void buildClaims(SentenceInfo s) {
        List<Nlp.Token> tokens = s.nlp.tokens();
        if (tokens.stream().noneMatch(t -> t.tag().equals("VERB") || t.tag().equals("AUX"))) {
            return;
        }
        List<EntityRef> actors = new ArrayList<>();
        List<Mention> actorMentions = new ArrayList<>();
        EntityRef place = null;
        for (Mention m : s.mentions) {
            if (m.inSource || m.entity == null) {
                continue;
            }
            if (m.kind == MentionKind.PLACE) {
                if (place == null) {
                    place = m.entity;
                }
            } else if (m.kind != MentionKind.DEMONYM && !actors.contains(m.entity)) {
                actors.add(m.entity);
                actorMentions.add(m);
            }
        }
        EntityRef subject;
        Mention subjectMention = null;
        if (!actors.isEmpty()) {
            subject = actors.get(0);
            subjectMention = actorMentions.get(0);
        } else {
            subject = nounSubject(s);
            if (subject == null) {
                if (place == null) {
                    return;
                }
                subject = place;
                place = null;
            }
        }
        EntityRef object = actors.size() > 1 ? actors.get(1) : null;
        String predicate = predicate(s);
        List<Cue> cues = new ArrayList<>();
        for (CueFinder.Found c : s.cues) {
            cues.add(new Cue(body.substring(c.start(), c.end()), c.category()));
        }
        Factuality factuality = Factuality.CERTAIN;
        for (CueFinder.Found c : s.cues) {
            Factuality f = switch (c.category()) {
                case NON_CONFIRMATION, UNSPECIFIED, UNDECIDED -> Factuality.UNKNOWN;
                case HEDGE, WEASEL -> Factuality.POSSIBLE;
                case EXPECTATION -> Factuality.PROBABLE;
                default -> Factuality.CERTAIN;
            };
            if (f.compareTo(factuality) > 0) {
                factuality = f;
            }
        }
        // factuality and polarity of the sentence's main predicate, from the factuality stage
        boolean negated;
        int main = s.main == null ? -1 : s.nlp.tokens().indexOf(s.main);
        if (main >= 0) {
            double v = tables.factuality.values(s.nlp.tokens())[main];
            negated = v <= -0.5;
            double a = Math.abs(v);
            Factuality f = a >= 2.5 ? Factuality.CERTAIN : a >= 1.5 ? Factuality.PROBABLE
                    : a >= 0.5 ? Factuality.POSSIBLE : Factuality.UNKNOWN;
            if (f.compareTo(factuality) > 0) {
                factuality = f;
            }
        } else {
            negated = negated(s);
        }
        EventTime when = when(s);
        List<Quantity> quantities = quantities(s);
        if (quantities.isEmpty()) {
            quantities = new ArrayList<>();
            quantities.add(null);
        }
        for (Quantity q : quantities) {
            String id = "c" + (++claimCounter);
            Claim.Builder b = Claim.builder(id, subject.id, predicate)
                    .text(body.substring(s.nlp.start(), s.nlp.end()))
                    .span(s.nlp.start(), s.nlp.end())
                    .factuality(factuality)
                    .when(when);
            if (object != null) {
                b.object(object.id);
                usedEntities.add(object.id);
            }
            if (place != null) {
                b.place(place.id);
                usedEntities.add(place.id);
            }
            usedEntities.add(subject.id);
            if (subjectMention != null && subjectMention.core != null && subjectMention.kind == MentionKind.NAME
                    && !List.of(subject.name.split(" ")).containsAll(List.of(subjectMention.core.split(" ")))) {
                b.mention(subjectMention.core);
            }
            if (q != null) {
                b.quantity(q.value(), q.unit(), q.qualifier());
            }
            if (negated) {
                b.negated();
            }
            for (int i = 0; i < s.chain.size(); i++) {
                b.saidBy(s.chain.get(i), s.chainVerbs.get(i));
            }
            cues.forEach(c -> b.cue(c.category(), c.text()));
            s.claims.add(b);
            s.claimIds.add(id);
        }
    }

    /** With no name in the sentence, the first noun (with its adjectives) outside cues and sources: "military parades". */
    private EntityRef nounSubject(SentenceInfo s) {
        List<Nlp.Token> tokens = s.nlp.tokens();
        for (int i = 0; i < tokens.size(); i++) {
            Nlp.Token t = tokens.get(i);
            if (!t.tag().equals("NOUN") || s.inSource(t.start(), t.end()) || inCue(s, t) || inDate(s, t)) {
                continue;
            }
            int j = i;
            while (j > 0 && tokens.get(j - 1).tag().equals("ADJ") && !inCue(s, tokens.get(j - 1))) {
                j--;
            }
            int k = i;
            while (k + 1 < tokens.size() && tokens.get(k + 1).tag().equals("NOUN")) {
                k++;
            }
            String name = body.substring(tokens.get(j).start(), tokens.get(k).end());
            return other(name, null);
        }
        return null;
    }

    private static boolean inCue(SentenceInfo s, Nlp.Token t) {
        return s.cues.stream().anyMatch(c -> c.start() <= t.start() && t.end() <= c.end());
    }

    private static boolean inDate(SentenceInfo s, Nlp.Token t) {
        return s.dateSpans.stream().anyMatch(d -> d[0] <= t.start() && t.end() <= d[1]);
    }

    /**
     * The canonical predicate ({@link PredicateForms}) of: the pack's verb form at the main verb, else the main verb's
     * event word, else the first verb form of the pack's table found in the sentence, else its first event word,
     * else the main verb's lemma. Verbs inside cues and attributions do not count.
     */
    private String predicate(SentenceInfo s) {
        Nlp.Token main = null;
        int mainAt = -1;
        Set<String> lemmas = new LinkedHashSet<>();
        List<Nlp.Token> tokens = s.nlp.tokens();
        boolean[] skip = new boolean[tokens.size()];
        for (int i = 0; i < tokens.size(); i++) {
            Nlp.Token t = tokens.get(i);
            if (s.inSource(t.start(), t.end()) || inCue(s, t) || reportingVerbAt(s, t)) {
                skip[i] = true;
                continue;
            }
            lemmas.add(t.lemma());
            if (i + 1 < tokens.size()) {
                lemmas.add(t.lemma() + " " + tokens.get(i + 1).lemma());
            }
            if (main == null && t.tag().equals("VERB") && !LIGHT_VERBS.contains(t.lemma())) {
                main = t;
                mainAt = i;
            }
        }
        s.main = main;
        String p = main == null ? null : tables.verbs.at(tokens, mainAt);
        if (p == null && main != null) {
            p = tables.predicates.get(main.lemma());
        }
        if (p == null) {
            p = tables.verbs.first(tokens, i -> skip[i]);
        }
        if (p == null) {
            p = tables.predicates.entrySet().stream().filter(e -> lemmas.contains(e.getKey())).map(Map.Entry::getValue)
                    .findFirst().orElse(null);
        }
        if (p == null && main != null) {
            String lemma = main.lemma().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "");
            if (!lemma.isEmpty() && Character.isLetter(lemma.charAt(0))) {
                p = lemma;
            }
        }
        return p == null ? "state" : tables.verbs.canonical(p);
    }

    private boolean reportingVerbAt(SentenceInfo s, Nlp.Token t) {
        return s.sources.stream().anyMatch(src -> src.verb() != null && t.text().equalsIgnoreCase(src.verb())
                && Math.abs(t.start() - src.end()) < 40);
    }

    private boolean negated(SentenceInfo s) {
        List<Nlp.Token> tokens = s.nlp.tokens();
        for (int i = 0; i < tokens.size(); i++) {
            Nlp.Token t = tokens.get(i);
            String w = t.text().toLowerCase(Locale.ROOT);
            if (!NEGATIONS.contains(w) || inCue(s, t) || s.inSource(t.start(), t.end())) {
                continue;
            }
            if (w.equals("not") && i + 1 < tokens.size() && tokens.get(i + 1).text().equalsIgnoreCase("only")) {
                continue; // "not only ... but also"
            }
            return true;
        }
        return false;
    }

    private List<Quantity> quantities(SentenceInfo s) {
        return tables.numbers.quantities(norm, s.nlp, s.dateSpans, s::inSource);
    }

    private boolean sharesActor(SentenceInfo a, SentenceInfo b) {
        Set<String> ids = new HashSet<>();
        for (Mention m : a.mentions) {
            if (m.entity != null && !m.inSource && m.kind != MentionKind.PLACE) {
                ids.add(m.entity.id);
            }
        }
        for (Mention m : b.mentions) {
            if (m.entity != null && !m.inSource && m.kind != MentionKind.PLACE && ids.contains(m.entity.id)) {
                return true;
            }
        }
        return false;
    }

    /** The headline: title case defeats the tagger, so its names are those the body has already introduced. */
    private Claim headlineClaim(SentenceInfo head, List<SentenceInfo> sentences) {
        addFound(head); // "Kremlin: …", "Mayor Says …", "… - report"
        findMentions(head);
        List<EntityRef> actors = new ArrayList<>();
        EntityRef place = null;
        for (Mention m : head.mentions) {
            if (m.kind == MentionKind.PRONOUN) {
                continue;
            }
            analyseName(m);
            EntityRef e = switch (m.kind) {
                case ROLE -> roleHolder(m);
                case PLACE -> entitiesByKey.get("other:" + fold(m.core));
                case NAME -> {
                    EntityRef p = findPerson(m.core);
                    yield p != null ? p : entitiesByKey.get("other:" + fold(m.core));
                }
                default -> null;
            };
            if (e == null) {
                continue;
            }
            if (m.kind == MentionKind.PLACE) {
                place = place == null ? e : place;
            } else if (!actors.contains(e)) {
                actors.add(e);
            }
        }
        if (actors.isEmpty()) {
            // a headline with no body to learn names from: its first proper noun outside the source
            EntityRef e = headlineName(head);
            if (e == null) {
                return null;
            }
            actors.add(e);
        }
        head.cues = tables.cues.find(norm, head.nlp.start(), head.nlp.end());
        Claim.Builder b = Claim.builder("h1", actors.get(0).id, predicate(head))
                .text(body.substring(head.nlp.start(), head.nlp.end()).strip())
                .span(head.nlp.start(), head.nlp.start() + body.substring(head.nlp.start(), head.nlp.end()).strip().length())
                .headline();
        usedEntities.add(actors.get(0).id);
        if (actors.size() > 1) {
            b.object(actors.get(1).id);
            usedEntities.add(actors.get(1).id);
        }
        if (place != null) {
            b.place(place.id);
            usedEntities.add(place.id);
        }
        for (CueFinder.Found c : head.cues) {
            b.cue(c.category(), body.substring(c.start(), c.end()));
        }
        resolveChain(head);
        for (int i = 0; i < head.chain.size(); i++) {
            b.saidBy(head.chain.get(i), head.chainVerbs.get(i));
        }
        return b.build();
    }

    /** The first run of proper nouns in a headline outside its source phrase ("Kremlin: Putin Will …" gives Putin). */
    private EntityRef headlineName(SentenceInfo head) {
        List<Nlp.Token> t = head.nlp.tokens();
        for (int i = 0; i < t.size(); i++) {
            Nlp.Token x = t.get(i);
            if (!x.tag().equals("PROPN") || head.inSource(x.start(), x.end()) || MONTHS.contains(x.text())) {
                continue;
            }
            int j = i;
            while (j + 1 < t.size() && j - i < 2 && t.get(j + 1).tag().equals("PROPN")
                    && !head.inSource(t.get(j + 1).start(), t.get(j + 1).end())) {
                j++;
            }
            return other(body.substring(x.start(), t.get(j).end()), null);
        }
        return null;
    }

    /**
     * A non-confirmation questions, and a denial denies, the nearest earlier claim about the same people
     * (subject and object in either order).
     */
    private static List<Claim> relate(List<Claim> claims) {
        List<Claim> out = new ArrayList<>(claims);
        // earlier claims by the pair of people they are about, so each lookup walks only that pair's claims
        Map<String, List<Integer>> byPair = new HashMap<>();
        for (int j = 0; j < out.size(); j++) {
            Claim t = out.get(j);
            if (!t.headline() && t.object() != null) {
                byPair.computeIfAbsent(pair(t.subject(), t.object()), k -> new ArrayList<>()).add(j);
            }
        }
        for (int i = 0; i < out.size(); i++) {
            Claim c = out.get(i);
            RelationType type = null;
            for (Cue cue : c.cues()) {
                if (cue.category() == CueCategory.NON_CONFIRMATION) {
                    type = RelationType.QUESTIONS;
                } else if (cue.category() == CueCategory.DENIAL && type == null) {
                    type = RelationType.DENIES;
                }
            }
            if (type == null || c.object() == null) {
                continue;
            }
            List<Integer> same = byPair.getOrDefault(pair(c.subject(), c.object()), List.of());
            for (int x = same.size() - 1; x >= 0; x--) {
                int j = same.get(x);
                Claim t = out.get(j);
                if (j >= i || t.span() != null && t.span().equals(c.span())) {
                    continue;
                }
                {
                    List<Relation> relations = new ArrayList<>(c.relations());
                    relations.add(new Relation(type, t.id()));
                    out.set(i, new Claim(c.id(), c.text(), c.span(), c.subject(), c.subjectMention(), c.predicate(),
                            c.object(), c.value(), c.place(), c.when(), c.quantity(), c.polarity(), c.factuality(),
                            c.attribution(), c.cues(), c.headline(), relations));
                    break;
                }
            }
        }
        return out;
    }

    private static String pair(String a, String b) {
        return a.compareTo(b) <= 0 ? a + '\u0000' + b : b + '\u0000' + a;
    }

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
