package org.factlint.text;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.factlint.model.CueCategory;
import org.factlint.model.Source;
import org.factlint.model.SourceKind;
import org.factlint.text.Extraction.Mention;
import org.factlint.text.Extraction.MentionKind;
import org.factlint.text.Extraction.SentenceInfo;
import org.factlint.text.Extraction.SourceSpan;

/**
 * The sources stage. Needs: sentences with tokens and tags, cues, the attribution stage's finds, and the names
 * ({@link NameStage}) for pronouns and people in a source phrase. Adds: each sentence's source phrases (after a
 * quotation or at the end, at the start, "according to X", passives, "citing X", the subject of a
 * non-confirmation), and, per sentence, the chain of declared sources (outermost first) with their kind and party
 * from {@code sources.csv}, {@code titles.csv} and {@code places.csv}. One per article.
 */
final class SourceStage {
    private final Tables tables;
    private final String body;
    private final String norm;
    private final SourcePatterns patterns;
    private final NameStage names;
    /** The declared sources, the outlet first. */
    final Map<String, Source> sources = new LinkedHashMap<>();
    private String lastSourceId;

    SourceStage(Tables tables, String body, String norm, NameStage names) {
        this.tables = tables;
        this.body = body;
        this.norm = norm;
        this.patterns = tables.sourcePatterns;
        this.names = names;
    }

    private static final Pattern LEADING_ADVERBIAL = Pattern.compile(
            "^\\s*\"?\\s*(?:(?:However|Later|Earlier|Meanwhile|Moreover|Yet|But|Still|Also|Then|Previously|Separately"
                    + "|Instead|In particular|In addition|On \\S+(?: \\d+)?|In \\d{4}|On Monday|On Tuesday|On Wednesday"
                    + "|On Thursday|On Friday|On Saturday|On Sunday),?\\s+)?");

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

    /**
     * Finds where the sentence names its source: after a quotation or at the end (", Shoigu announced earlier."),
     * at the start ("Rahmon's press service clarified that"), "according to X", a passive ("was reported on X"),
     * "citing X" for a nested source, or the subject of a non-confirmation ("The Kremlin press service has not
     * confirmed").
     */
    void findSourceSpans(SentenceInfo s) {
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
    void addFound(SentenceInfo s) {
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

    void add(SentenceInfo s, int base, Matcher m, String group, String verb) {
        int start = base + m.start(group);
        int end = base + m.end(group);
        String src = norm.substring(start, end);
        int trimmed = src.length() - src.stripTrailing().length();
        s.sources.add(new SourceSpan(start, end - trimmed, verb));
    }

    boolean insideOtherCue(SentenceInfo s, int start, int end) {
        return s.cues.stream().anyMatch(c -> c.category() != CueCategory.ATTRIBUTION && c.start() <= start
                && end <= c.end());
    }

    /** True when the words are a noun phrase: no verbs or auxiliaries, at most ten words. */
    boolean nominal(SentenceInfo s, int start, int end) {
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

    static boolean isSourcePronoun(String phrase) {
        return Set.of("it", "they", "he", "she").contains(phrase.toLowerCase(Locale.ROOT));
    }

    boolean knownSource(String phrase) {
        String p = " " + names.fold(phrase) + " ";
        return tables.sourceFolds.stream().anyMatch(p::contains);
    }

    /** Turns the sentence's source phrases into declared sources, outermost first. */
    void resolveChain(SentenceInfo s) {
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

    String source(SentenceInfo s, SourceSpan span, String phrase) {
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
        // "his press service", "her office": the possessor's organisation, the possessor resolved by coreference
        // (which never takes a pronoun inside a quotation for its speaker)
        Mention owner = null;
        if (lower.startsWith("his ") || lower.startsWith("her ")) {
            owner = s.mentions.stream().filter(m -> m.kind == MentionKind.PRONOUN && m.start == span.start()
                    && m.entity != null && m.entity.person).findFirst().orElse(null);
            if (owner != null) {
                person = owner;
                name = owner.entity.name + "'s " + phrase.substring(4).strip();
            }
        }
        String fold = " " + names.fold(phrase) + " ";
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
        boolean possessivePerson = person != null && (owner != null || norm.startsWith("'s", person.end));
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
        String id;
        if (possessivePerson) {
            // "Rahmon's press service" and, after him, "his press service": one source, keyed by the possessor
            int restFrom = Math.min(span.end(), owner != null ? span.start() + 4 : person.end + 2);
            id = Extractor.slug(person.entity.name + " " + body.substring(restFrom, span.end()).strip());
        } else {
            id = person != null ? person.entity.id : Extractor.slug(name);
        }
        Source existing = sources.get(id);
        if (existing == null) {
            sources.put(id, new Source(id, name, kind, party));
        }
        return id;
    }

    /** The country a phrase names or implies by a demonym ("the Tajik leader"), the longest name winning. */
    String countryIn(String phrase) {
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
}
