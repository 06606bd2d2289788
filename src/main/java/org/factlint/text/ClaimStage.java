package org.factlint.text;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.factlint.model.Claim;
import org.factlint.model.Cue;
import org.factlint.model.CueCategory;
import org.factlint.model.EventTime;
import org.factlint.model.Factuality;
import org.factlint.model.Quantity;
import org.factlint.model.Relation;
import org.factlint.model.RelationType;
import org.factlint.text.Extraction.EntityRef;
import org.factlint.text.Extraction.Mention;
import org.factlint.text.Extraction.MentionKind;
import org.factlint.text.Extraction.SentenceInfo;

/**
 * The claims stage. Needs: everything before it: tokens, tags and lemmas, cues, sources, dates and quantities,
 * factuality per predicate, mentions and entities. Adds: one claim per clause of a sentence ({@link Clauses}; one
 * per figure when a clause gives several) with subject, object, place (a landmark's city), predicate (through the
 * pack's verb forms, {@link PredicateForms}; what a figure counts, {@code figures.csv}), time, figure, factuality and
 * polarity of the main predicate, attribution chain and the cues that scope over the clause; the headline's claim; and the
 * relations of denials and non-confirmations to the claims they answer. One per article.
 */
final class ClaimStage {
    private final Tables tables;
    private final String body;
    private final String norm;
    private final LocalDate published;
    private final NameStage names;
    private final SourceStage sources;
    private final Set<String> lightVerbs;
    private final Set<String> negations;
    private final Set<String> months;
    private final String existentialPredicate;
    private final Set<String> eventPlacePrepositions;
    /** Ids of the entities some claim names. */
    final Set<String> usedEntities = new LinkedHashSet<>();
    private int claimCounter;

    ClaimStage(Tables tables, String body, String norm, LocalDate published, NameStage names, SourceStage sources) {
        this.tables = tables;
        this.body = body;
        this.norm = norm;
        this.published = published;
        this.names = names;
        this.sources = sources;
        this.lightVerbs = tables.words("light-verb");
        this.negations = tables.words("negation");
        this.months = tables.words("month");
        this.existentialPredicate = tables.words("existential-predicate").iterator().next();
        this.eventPlacePrepositions = tables.words("event-place-preposition");
    }

    /**
     * The copula of "The only/first/last N to V (O) is X" (the sentence opens with "the", an infinitive comes before
     * the copula and a name after it), or -1.
     */
    static int copularInversion(SentenceInfo s, List<Mention> actors) {
        List<Nlp.Token> t = s.nlp.tokens();
        int first = NameStage.firstWord(t);
        if (!t.get(first).text().equalsIgnoreCase("the")) {
            return -1;
        }
        boolean infinitive = false;
        for (int i = first + 1; i < t.size(); i++) {
            Nlp.Token x = t.get(i);
            if (x.text().equalsIgnoreCase("to") && i + 1 < t.size() && t.get(i + 1).tag().equals("VERB")) {
                infinitive = true;
            } else if (x.tag().equals("VERB") && !infinitive) {
                return -1;
            } else if (infinitive && x.lemma().equals("be") && (x.tag().equals("AUX") || x.tag().equals("VERB"))) {
                int at = i;
                return actors.stream().anyMatch(m -> m.start >= t.get(at).end()) ? i : -1;
            }
        }
        return -1;
    }

    /** "there is/was/were …": an existential sentence. */
    static boolean existential(List<Nlp.Token> tokens) {
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (tokens.get(i).text().equalsIgnoreCase("there") && tokens.get(i + 1).lemma().equals("be")) {
                return true;
            }
        }
        return false;
    }

    /** The claims of a sentence: one per clause ({@link Clauses}), and one per figure of a clause. */
    void buildClaims(SentenceInfo s) {
        List<Nlp.Token> tokens = s.nlp.tokens();
        if (tokens.stream().noneMatch(t -> t.tag().equals("VERB") || t.tag().equals("AUX"))) {
            return;
        }
        List<Clauses.Clause> clauses = tables.clauses.split(tokens);
        for (Clauses.Clause c : clauses) {
            buildClaims(s, c, clauses.size() == 1);
        }
    }

    private void buildClaims(SentenceInfo s, Clauses.Clause clause, boolean whole) {
        List<Nlp.Token> all = s.nlp.tokens();
        List<Nlp.Token> tokens = all.subList(clause.from(), clause.to());
        int from = tokens.get(0).start();
        int to = tokens.get(tokens.size() - 1).end();
        int scope = all.get(clause.scopeFrom()).start();
        // what is not in this clause is left out: its mentions, figures, dates and cues that do not scope over it
        java.util.function.BiPredicate<Integer, Integer> outside = (a, b) -> s.inSource(a, b) || a < from || b > to;
        // a reporting cue goes with the sentence's attribution chain, which every clause shares
        List<CueFinder.Found> clauseCues = s.cues.stream().filter(c -> c.category() == CueCategory.ATTRIBUTION
                || c.start() >= scope && c.end() <= to).toList();
        List<EntityRef> actors = new ArrayList<>();
        List<Mention> actorMentions = new ArrayList<>();
        EntityRef place = null;
        Mention placeMention = null;
        for (Mention m : s.mentions) {
            if (m.inSource || m.entity == null || m.host || m.start < from || m.end > to) {
                continue;
            }
            if (m.kind == MentionKind.PLACE) {
                if (place == null) {
                    place = m.entity;
                    placeMention = m;
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
            subject = nounSubject(s, clause.from(), clause.to());
            if (subject == null) {
                if (place == null) {
                    return;
                }
                subject = place;
                place = null;
            }
        }
        EntityRef object = actors.size() > 1 ? actors.get(1) : null;
        int copula = clause.from() == 0 ? copularInversion(s, actorMentions) : -1;
        if (copula >= 0) {
            // "The only foreign leader to join Putin's celebrations is Sadyr Japarov": Japarov joined them
            int at = copula;
            Mention after = actorMentions.stream().filter(m -> m.start >= all.get(at).end()).findFirst().orElse(null);
            Mention between = actorMentions.stream().filter(m -> m.end <= all.get(at).start()
                    && m.kind != MentionKind.GROUP).findFirst().orElse(null);
            if (after != null) {
                subject = after.entity;
                subjectMention = after;
                object = between == null ? null : between.entity;
            }
        }
        String predicate = predicate(s, clause.from(), clause.to());
        if (s.main == null && subjectMention != null && subjectMention.kind == MentionKind.GROUP && object != null
                && object.event && existential(tokens)) {
            // "there were no guests at the event": whether the group attended it
            predicate = tables.verbs.canonical(existentialPredicate);
        }
        List<Cue> cues = new ArrayList<>();
        for (CueFinder.Found c : clauseCues) {
            cues.add(new Cue(body.substring(c.start(), c.end()), c.category()));
        }
        Factuality factuality = factuality(s, clauseCues);
        boolean negated = negatedMain(s, clause.from(), clause.to());
        EventTime when = whole ? tables.numbers.when(norm, s.nlp, published, s::inSource)
                : tables.numbers.when(norm, s.nlp, published, outside);
        if (when == null && !whole) {
            when = tables.numbers.when(norm, s.nlp, published, s::inSource); // the sentence's, when the clause has none
        }
        List<Quantity> quantities = tables.numbers.quantities(norm, s.nlp, s.dateSpans, whole ? s::inSource : outside);
        if (quantities.isEmpty()) {
            quantities = new ArrayList<>();
            quantities.add(null);
        }
        if (place != null && placeMention != null) {
            // a landmark puts a claim in its city: "on Red Square" is in Moscow, not a place apart from it
            Tables.Place p = tables.places.get(placeMention.core);
            if (p != null && p.city() != null) {
                place = names.other(p.city(), p.country());
            }
        }
        for (Quantity q : quantities) {
            String id = "c" + (++claimCounter);
            EntityRef claimSubject = subject;
            EntityRef claimObject = object;
            String claimPredicate = predicate;
            String figure = q == null ? null : tables.figures.get(predicate + "," + q.unit());
            if (figure != null) {
                // "10 thousand people will take part in the parade on Red Square": the parade's participants
                EntityRef event = object != null && object.event ? object : subject.event ? subject : null;
                if (event != null) {
                    claimSubject = eventAt(s, event, from, to);
                    claimObject = null;
                    claimPredicate = figure;
                }
            }
            Claim.Builder b = Claim.builder(id, claimSubject.id, claimPredicate)
                    .text(body.substring(s.nlp.start(), s.nlp.end()))
                    .span(s.nlp.start(), s.nlp.end())
                    .factuality(factuality)
                    .when(when);
            if (claimObject != null) {
                b.object(claimObject.id);
                usedEntities.add(claimObject.id);
            }
            if (place != null) {
                b.place(place.id);
                usedEntities.add(place.id);
            }
            usedEntities.add(claimSubject.id);
            if (claimSubject == subject && subjectMention != null && subjectMention.core != null
                    && subjectMention.kind == MentionKind.NAME
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

    /**
     * The event as it happens at one place, when the clause names it with its place ("the parade on Red Square":
     * "Victory Day parade on Red Square"); else the event itself.
     */
    private EntityRef eventAt(SentenceInfo s, EntityRef event, int from, int to) {
        List<Mention> ms = s.mentions;
        for (int i = 0; i + 1 < ms.size(); i++) {
            Mention m = ms.get(i);
            Mention next = ms.get(i + 1);
            boolean ofEvent = m.kind == MentionKind.EVENT && (m.entity == event
                    || m.attachedTo != null && m.attachedTo.entity == event);
            if (!ofEvent || m.start < from || next.end > to || next.kind != MentionKind.PLACE || next.core == null) {
                continue;
            }
            String between = norm.substring(m.end, next.start).strip();
            if (eventPlacePrepositions.contains(between.toLowerCase(Locale.ROOT))) {
                return names.other(event.name + " " + m.surface + " " + between + " " + next.core, event.party);
            }
        }
        return event;
    }

    /**
     * The sentence's factuality: the least certain of its cues' and its main predicate's (from the factuality
     * stage); needs {@link #predicate} to have found the main predicate.
     */
    Factuality factuality(SentenceInfo s, List<CueFinder.Found> cues) {
        Factuality factuality = Factuality.CERTAIN;
        for (CueFinder.Found c : cues) {
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
        int main = s.main == null ? -1 : s.nlp.tokens().indexOf(s.main);
        if (main >= 0) {
            double a = Math.abs(tables.factuality.values(s.nlp.tokens())[main]);
            Factuality f = a >= 2.5 ? Factuality.CERTAIN : a >= 1.5 ? Factuality.PROBABLE
                    : a >= 0.5 ? Factuality.POSSIBLE : Factuality.UNKNOWN;
            if (f.compareTo(factuality) > 0) {
                factuality = f;
            }
        }
        return factuality;
    }

    /** Whether the main predicate is negated (the clause's negation words when it has none). */
    boolean negatedMain(SentenceInfo s, int from, int to) {
        int main = s.main == null ? -1 : s.nlp.tokens().indexOf(s.main);
        return main >= 0 ? tables.factuality.values(s.nlp.tokens())[main] <= -0.5 : negated(s, from, to);
    }

    /** With no name in the sentence, the first noun (with its adjectives) outside cues and sources: "military parades". */
    EntityRef nounSubject(SentenceInfo s, int from, int to) {
        List<Nlp.Token> tokens = s.nlp.tokens();
        for (int i = from; i < to; i++) {
            Nlp.Token t = tokens.get(i);
            if (!t.tag().equals("NOUN") || s.inSource(t.start(), t.end()) || inCue(s, t) || inDate(s, t)) {
                continue;
            }
            int j = i;
            while (j > from && tokens.get(j - 1).tag().equals("ADJ") && !inCue(s, tokens.get(j - 1))) {
                j--;
            }
            int k = i;
            while (k + 1 < to && tokens.get(k + 1).tag().equals("NOUN")) {
                k++;
            }
            String name = body.substring(tokens.get(j).start(), tokens.get(k).end());
            return names.other(name, null);
        }
        return null;
    }

    static boolean inCue(SentenceInfo s, Nlp.Token t) {
        return s.cues.stream().anyMatch(c -> c.start() <= t.start() && t.end() <= c.end());
    }

    static boolean inDate(SentenceInfo s, Nlp.Token t) {
        return s.dateSpans.stream().anyMatch(d -> d[0] <= t.start() && t.end() <= d[1]);
    }

    /**
     * The canonical predicate ({@link PredicateForms}) of: the pack's verb form at the main verb, else the main verb's
     * event word, else the first verb form of the pack's table found in the sentence, else its first event word,
     * else the main verb's lemma. Verbs inside cues and attributions do not count.
     */
    String predicate(SentenceInfo s, int from, int to) {
        Nlp.Token main = null;
        int mainAt = -1;
        Set<String> lemmas = new LinkedHashSet<>();
        List<Nlp.Token> tokens = s.nlp.tokens();
        boolean[] skip = new boolean[tokens.size()];
        for (int i = 0; i < tokens.size(); i++) {
            Nlp.Token t = tokens.get(i);
            if (i < from || i >= to || s.inSource(t.start(), t.end()) || inCue(s, t) || reportingVerbAt(s, t)) {
                skip[i] = true;
                continue;
            }
            lemmas.add(t.lemma());
            if (i + 1 < to) {
                lemmas.add(t.lemma() + " " + tokens.get(i + 1).lemma());
            }
            if (main == null && t.tag().equals("VERB") && !lightVerbs.contains(t.lemma())) {
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

    boolean reportingVerbAt(SentenceInfo s, Nlp.Token t) {
        return s.sources.stream().anyMatch(src -> src.verb() != null && t.text().equalsIgnoreCase(src.verb())
                && Math.abs(t.start() - src.end()) < 40);
    }

    boolean negated(SentenceInfo s, int from, int to) {
        List<Nlp.Token> tokens = s.nlp.tokens();
        for (int i = from; i < to; i++) {
            Nlp.Token t = tokens.get(i);
            String w = t.text().toLowerCase(Locale.ROOT);
            if (!negations.contains(w) || inCue(s, t) || s.inSource(t.start(), t.end())) {
                continue;
            }
            if (w.equals("not") && i + 1 < to && tokens.get(i + 1).text().equalsIgnoreCase("only")) {
                continue; // "not only ... but also"
            }
            return true;
        }
        return false;
    }

    boolean sharesActor(SentenceInfo a, SentenceInfo b) {
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
    Claim headlineClaim(SentenceInfo head, List<SentenceInfo> sentences) {
        sources.addFound(head); // "Kremlin: …", "Mayor Says …", "… - report"
        names.findMentions(head);
        List<EntityRef> actors = new ArrayList<>();
        EntityRef place = null;
        for (Mention m : head.mentions) {
            if (m.kind == MentionKind.PRONOUN) {
                continue;
            }
            names.analyseName(m);
            EntityRef e = switch (m.kind) {
                case ROLE -> names.roleHolder(m);
                case PLACE -> names.entitiesByKey.get("other:" + names.fold(m.core));
                case NAME -> {
                    EntityRef p = names.findPerson(m.core);
                    yield p != null ? p : names.entitiesByKey.get("other:" + names.fold(m.core));
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
        String predicate = predicate(head, 0, head.nlp.tokens().size());
        Claim.Builder b = Claim.builder("h1", actors.get(0).id, predicate)
                .text(body.substring(head.nlp.start(), head.nlp.end()).strip())
                .span(head.nlp.start(), head.nlp.start() + body.substring(head.nlp.start(), head.nlp.end()).strip().length())
                .factuality(factuality(head, head.cues))
                .headline();
        if (negatedMain(head, 0, head.nlp.tokens().size())) {
            b.negated();
        }
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
        sources.resolveChain(head);
        for (int i = 0; i < head.chain.size(); i++) {
            b.saidBy(head.chain.get(i), head.chainVerbs.get(i));
        }
        return b.build();
    }

    /** The first run of proper nouns in a headline outside its source phrase ("Kremlin: Putin Will …" gives Putin). */
    EntityRef headlineName(SentenceInfo head) {
        List<Nlp.Token> t = head.nlp.tokens();
        for (int i = 0; i < t.size(); i++) {
            Nlp.Token x = t.get(i);
            if (!x.tag().equals("PROPN") || head.inSource(x.start(), x.end()) || months.contains(x.text())) {
                continue;
            }
            int j = i;
            while (j + 1 < t.size() && j - i < 2 && t.get(j + 1).tag().equals("PROPN")
                    && !head.inSource(t.get(j + 1).start(), t.get(j + 1).end())) {
                j++;
            }
            return names.other(body.substring(x.start(), t.get(j).end()), null);
        }
        return null;
    }

    /**
     * A non-confirmation questions, and a denial denies, the nearest earlier claim about the same event (the same
     * people, subject and object in either order, and the same predicate or a sentence naming the event by one of
     * its words in {@code predicates.csv}), else the nearest earlier claim about the same people.
     */
    List<Claim> relate(List<Claim> claims) {
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
            // the nearest earlier claim about the same event (same predicate, or its sentence names the event:
            // "the telephone conversation"), else the nearest about the same people
            int nearest = -1;
            int sameEvent = -1;
            int below = java.util.Collections.binarySearch(same, i);
            below = below >= 0 ? below : -below - 1;
            for (int x = below - 1, seen = 0; x >= 0 && seen < 64 && sameEvent < 0; x--, seen++) {
                Claim t = out.get(same.get(x));
                if (t.span() != null && t.span().equals(c.span())) {
                    continue;
                }
                if (nearest < 0) {
                    nearest = same.get(x);
                }
                if (t.predicate().equals(c.predicate()) || namesEvent(t.text(), c.predicate())) {
                    sameEvent = same.get(x);
                }
            }
            int chosen = sameEvent >= 0 ? sameEvent : nearest;
            if (chosen >= 0) {
                List<Relation> relations = new ArrayList<>(c.relations());
                relations.add(new Relation(type, out.get(chosen).id()));
                out.set(i, new Claim(c.id(), c.text(), c.span(), c.subject(), c.subjectMention(), c.predicate(),
                        c.object(), c.value(), c.place(), c.when(), c.quantity(), c.polarity(), c.factuality(),
                        c.attribution(), c.cues(), c.headline(), relations));
            }
        }
        return out;
    }

    /** True when a sentence has a word that names the predicate's event ("conversation" for phone-call). */
    boolean namesEvent(String text, String predicate) {
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
            String p = tables.predicates.get(w);
            if (p != null && tables.verbs.canonical(p).equals(predicate)) {
                return true;
            }
        }
        return false;
    }

    static String pair(String a, String b) {
        return a.compareTo(b) <= 0 ? a + '\u0000' + b : b + '\u0000' + a;
    }
}
