package org.factlint.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.factlint.BenchAccess;
import org.factlint.Category;
import org.factlint.Flag;
import org.factlint.RuleInfo;
import org.factlint.RulePack;
import org.factlint.facts.ClaimFact;
import org.factlint.facts.CueFact;
import org.factlint.facts.CueTerm;
import org.factlint.facts.EntityFact;
import org.factlint.facts.MentionFact;
import org.factlint.facts.RelationFact;
import org.factlint.facts.SourceTerm;
import org.factlint.model.CueCategory;
import org.factlint.model.Factuality;
import org.factlint.model.Polarity;
import org.factlint.model.RelationType;
import org.factlint.model.SourceKind;

/**
 * The default pack's checks written by hand in plain Java, for benchmarks only: the limit an engine can approach.
 * HashMap grouping instead of a rete network, one pass per rule family, no truth maintenance. It must raise exactly
 * the flags the rules raise (the benchmarks assert so before timing); messages come from the same templates.
 * Lives in this package to reuse {@link Flags#render}; never shipped.
 */
public final class HandWritten {
    private final Map<String, RuleInfo> byName = new HashMap<>();
    private final List<CueTerm> lexicon = new ArrayList<>();
    private final List<SourceTerm> sourceTable = new ArrayList<>();
    /** Predicates the predicate table calls single-valued, and those that imply being somewhere (be-in). */
    private final Set<String> singleValued = new HashSet<>();
    private final Set<String> whereabouts = new HashSet<>(Set.of("be-in"));

    /**
     * Takes message templates, codes and severities from the pack's metadata (rule names as in the DRL), and the
     * pack's tables (cue lexicon, source table).
     */
    public HandWritten(RulePack pack) {
        for (RuleInfo r : pack.rules()) {
            byName.put(r.name(), r);
        }
        for (Object o : BenchAccess.packFacts(pack)) {
            if (o instanceof CueTerm t) {
                lexicon.add(t);
            } else if (o instanceof SourceTerm t) {
                sourceTable.add(t);
            } else if (o instanceof org.factlint.facts.PredicateTerm t) {
                if (t.relation() == org.factlint.facts.PredicateRelation.SINGLE_VALUED) {
                    singleValued.add(t.predicate());
                } else if (t.relation() == org.factlint.facts.PredicateRelation.IMPLIES && t.other().equals("be-in")) {
                    whereabouts.add(t.predicate());
                }
            }
        }
    }

    /** The flags of one working memory's worth of facts (as {@code FactLoader} gives them). */
    public Set<Flag> check(Collection<?> facts) {
        return checkKeeping(facts).flags();
    }

    /** What a check holds at its end (indexes, derived sets, flags), for memory probes. */
    public record Kept(Set<Flag> flags, List<Object> state) {
    }

    /** A check that returns its working state along with the flags. */
    public Kept checkKeeping(Collection<?> facts) {
        Map<String, ClaimFact> claims = new HashMap<>();
        Map<String, List<ClaimFact>> byEvent = new HashMap<>();
        Map<String, List<ClaimFact>> byPredicateObject = new HashMap<>();
        // where each claim puts its subject on one day: its place, and the object of a predicate implying be-in
        Map<String, List<Object[]>> bySubjectDay = new HashMap<>();
        Map<String, List<CueFact>> cues = new HashMap<>();
        Map<String, EntityFact> entities = new HashMap<>();
        List<RelationFact> relations = new ArrayList<>();
        List<MentionFact> mentions = new ArrayList<>();
        Map<String, String> declaredParty = new HashMap<>();
        for (Object o : facts) {
            if (o instanceof ClaimFact c) {
                claims.put(c.id(), c);
                byEvent.computeIfAbsent(c.eventKey(), k -> new ArrayList<>(4)).add(c);
                byPredicateObject.computeIfAbsent(c.predicate() + "|" + c.objectKey(), k -> new ArrayList<>(4)).add(c);
                boolean oneDay = c.from() != null && c.from().equals(c.to()) && c.polarity() == Polarity.AFFIRMED
                        && c.factuality().asserted();
                if (oneDay && c.placeKey() != null) {
                    bySubjectDay.computeIfAbsent(c.subjectKey() + "|" + c.from(), k -> new ArrayList<>(2))
                            .add(new Object[] {c, c.placeKey(), c.placeName()});
                }
                if (oneDay && c.objectKey() != null && whereabouts.contains(c.predicate())) {
                    bySubjectDay.computeIfAbsent(c.subjectKey() + "|" + c.from(), k -> new ArrayList<>(2))
                            .add(new Object[] {c, c.objectKey(), c.objectName()});
                }
            } else if (o instanceof CueFact w) {
                cues.computeIfAbsent(w.claim(), k -> new ArrayList<>(2)).add(w);
            } else if (o instanceof EntityFact e) {
                entities.putIfAbsent(e.key(), e);
            } else if (o instanceof RelationFact r) {
                relations.add(r);
            } else if (o instanceof MentionFact m) {
                mentions.add(m);
            } else if (o instanceof org.factlint.facts.ArticleSource a && a.party() != null) {
                declaredParty.put(a.article() + "|" + a.source(), a.party());
            }
        }

        // Lexicon: a claim with no cue of its own gets one for each lexicon phrase standing in its sentence.
        if (!lexicon.isEmpty()) {
            for (ClaimFact c : claims.values()) {
                if (!cues.containsKey(c.id())) {
                    String match = Lexicon.normalize(c.text());
                    List<CueFact> found = new ArrayList<>(0);
                    for (CueTerm t : lexicon) {
                        CueFact w = new CueFact(c.id(), t.category(), t.phrase());
                        if (match.contains(t.match()) && !found.contains(w)) {
                            found.add(w);
                        }
                    }
                    if (!found.isEmpty()) {
                        cues.put(c.id(), found);
                    }
                }
            }
        }

        // Independence: which claims are corroborated, which questions answered.
        Set<String> corroborated = new HashSet<>();
        Set<String> answered = new HashSet<>();
        for (List<ClaimFact> group : byEvent.values()) {
            for (ClaimFact c : group) {
                if (c.polarity() == Polarity.AFFIRMED) {
                    for (ClaimFact d : group) {
                        if (!d.article().equals(c.article()) && d.polarity() == Polarity.AFFIRMED
                                && d.factuality() == Factuality.CERTAIN && d.independentOf(c) && d.compatibleTime(c)
                                && d.compatiblePlace(c)) {
                            corroborated.add(c.id());
                            break;
                        }
                    }
                }
                if (c.factuality() == Factuality.UNKNOWN) {
                    for (ClaimFact a : group) {
                        if (a != c && a.factuality() == Factuality.CERTAIN && a.compatibleTime(c)
                                && a.compatiblePlace(c)) {
                            answered.add(c.id());
                            break;
                        }
                    }
                }
            }
        }
        Set<String> questioning = new HashSet<>();
        Map<String, List<RelationFact>> questions = new HashMap<>();
        for (RelationFact r : relations) {
            ClaimFact to = claims.get(r.to());
            ClaimFact from = claims.get(r.from());
            if (r.type() == RelationType.QUESTIONS) {
                questioning.add(r.from());
                questions.computeIfAbsent(r.from(), k -> new ArrayList<>(1)).add(r);
            }
            if (to == null || from == null) {
                continue;
            }
            if (r.type() == RelationType.CONFIRMS && from.independentOf(to)) {
                corroborated.add(to.id());
            } else if (r.type() == RelationType.ANSWERS) {
                answered.add(to.id());
            }
        }

        Set<Flag> flags = new LinkedHashSet<>();
        // Unconfirmed: per claim and cue.
        for (ClaimFact c : claims.values()) {
            boolean isCorroborated = corroborated.contains(c.id());
            boolean isAnswered = answered.contains(c.id());
            for (CueFact w : cues.getOrDefault(c.id(), List.of())) {
                switch (w.category()) {
                    case NON_CONFIRMATION -> {
                        for (RelationFact r : questions.getOrDefault(c.id(), List.of())) {
                            ClaimFact t = claims.get(r.to());
                            if (t != null
                                    && !corroborated.contains(t.id())) {
                                flags.add(flag("Not confirmed: the counterpart has not confirmed the claim",
                                        List.of(t, c), List.of(w.text()), Map.of()));
                            }
                        }
                        if (!questioning.contains(c.id()) && !isAnswered) {
                            flags.add(flag("Not confirmed: a statement of non-confirmation", List.of(c),
                                    List.of(w.text()), Map.of()));
                        }
                    }
                    case UNSPECIFIED -> {
                        if (!isAnswered) {
                            flags.add(flag("Unspecified: the source left the outcome open", List.of(c),
                                    List.of(w.text()), Map.of()));
                        }
                    }
                    case UNDECIDED -> {
                        if (!isAnswered) {
                            flags.add(flag("Undecided: the decision is still open", List.of(c), List.of(w.text()),
                                    Map.of()));
                        }
                    }
                    case EXPECTATION -> {
                        if (c.factuality() != Factuality.UNKNOWN) {
                            flags.add(flag("Forecast: an expectation, not an observed fact", List.of(c),
                                    Flags.words(w.text(), c.figure()), Map.of()));
                        }
                    }
                    case HEDGE, WEASEL -> {
                        if (!isCorroborated) {
                            flags.add(flag("Hedged: the claim is reported with a hedge", List.of(c),
                                    List.of(w.text()), Map.of()));
                        }
                    }
                    case EXCLUSIVITY -> {
                        if (c.polarity() == Polarity.AFFIRMED) {
                            exclusivity(c, w, entities, byPredicateObject, flags);
                        }
                    }
                    default -> {
                    }
                }
            }
            if (!isCorroborated && c.polarity() == Polarity.AFFIRMED && c.factuality().asserted() && !c.headline()
                    && c.subjectParty() != null && c.objectParty() != null
                    && !c.subjectParty().equals(c.objectParty())
                    && (c.originParty().equals(c.subjectParty()) || c.originParty().equals(c.objectParty()))) {
                flags.add(flag("Single interested source: only one party to the event reports it", List.of(c),
                        List.of(c.originName()), Map.of()));
            }
            if (!isCorroborated && c.originKind() == SourceKind.ANONYMOUS && c.factuality() != Factuality.UNKNOWN) {
                flags.add(flag("Anonymous: only unnamed sources say it", List.of(c), List.of(c.originName()),
                        Map.of()));
            }
            if (c.polarity() == Polarity.NEGATED && c.factuality().asserted()) {
                negatedExistence(c, entities, claims, byPredicateObject, flags);
            }
        }

        // Contradictions within an event.
        for (List<ClaimFact> group : byEvent.values()) {
            if (group.size() < 2) {
                continue;
            }
            for (ClaimFact a : group) {
                boolean affirmedAsserted = a.polarity() == Polarity.AFFIRMED && a.factuality().asserted();
                boolean valueCertain = a.value() != null && a.polarity() == Polarity.AFFIRMED
                        && a.factuality() == Factuality.CERTAIN;
                if (a.lo() == null && !affirmedAsserted && !valueCertain) {
                    continue;
                }
                for (ClaimFact b : group) {
                    if (b.origin().equals(a.origin())) {
                        continue;
                    }
                    boolean after = b.id().compareTo(a.id()) > 0;
                    if (a.lo() != null && after && b.lo() != null && b.compatibleTime(a)
                            && Objects.equals(b.placeKey(), a.placeKey()) && b.figuresDisjoint(a)) {
                        flags.add(flag("Figures: two sources give figures that cannot both be right", List.of(a, b),
                                List.of(a.figure(), b.figure()), Map.of()));
                    }
                    if (affirmedAsserted && b.polarity() == Polarity.NEGATED && b.factuality().asserted()
                            && b.compatibleTime(a)
                            && (a.placeKey() == null || b.placeKey() == null || b.placeKey().equals(a.placeKey()))) {
                        flags.add(flag("Polarity: one source affirms what another negates", List.of(a, b), List.of(),
                                Map.of()));
                    }
                    if (valueCertain && after && singleValued.contains(a.predicate()) && b.value() != null
                            && !b.value().equals(a.value())
                            && b.polarity() == Polarity.AFFIRMED && b.factuality() == Factuality.CERTAIN
                            && b.compatibleTime(a)) {
                        flags.add(flag("Values: two sources give different values for the same fact", List.of(a, b),
                                List.of(a.value(), b.value()), Map.of("value", a.value(), "value2", b.value())));
                    }
                }
            }
        }
        // One person in two places on one day.
        for (List<Object[]> day : bySubjectDay.values()) {
            for (Object[] la : day) {
                ClaimFact a = (ClaimFact) la[0];
                for (Object[] lb : day) {
                    ClaimFact b = (ClaimFact) lb[0];
                    if (b.id().compareTo(a.id()) > 0 && !lb[1].equals(la[1])) {
                        flags.add(flag("Two places: one person in two places on the same day", List.of(a, b),
                                List.of((String) la[2], (String) lb[2]), Map.of("place", la[2], "place2", lb[2])));
                    }
                }
            }
        }
        // Denials.
        for (RelationFact r : relations) {
            ClaimFact c = claims.get(r.to());
            ClaimFact d = claims.get(r.from());
            if (r.type() == RelationType.DENIES && c != null && d != null) {
                List<String> words = cues.getOrDefault(d.id(), List.of()).stream()
                        .filter(w -> w.category() == CueCategory.DENIAL).map(CueFact::text).sorted().toList();
                flags.add(flag("Denial: a source denies another's claim", List.of(c, d), words, Map.of()));
            }
        }
        onePerPair(flags);
        spelling(mentions, claims, flags);
        sourceTable(claims, flags, declaredParty);

        // Headlines: needs the unconfirmed flags above.
        Set<String> unconfirmedClaims = new HashSet<>();
        for (Flag f : flags) {
            if (f.category() == Category.UNCONFIRMED) {
                unconfirmedClaims.addAll(f.claims());
            }
        }
        List<Flag> headlines = new ArrayList<>();
        for (ClaimFact h : claims.values()) {
            if (h.headline() && h.factuality() == Factuality.CERTAIN && h.polarity() == Polarity.AFFIRMED) {
                for (ClaimFact b : byEvent.get(h.eventKey())) {
                    if (b.article().equals(h.article()) && !b.headline() && unconfirmedClaims.contains(b.id())) {
                        headlines.add(flag("Headline: states as fact what the body leaves unconfirmed",
                                List.of(h, b), List.of(), Map.of()));
                    }
                }
            }
        }
        flags.addAll(headlines);
        return new Kept(flags, List.of(facts, claims, byEvent, byPredicateObject, bySubjectDay, cues, entities,
                relations, mentions, corroborated, answered, questions));
    }

    private void sourceTable(Map<String, ClaimFact> claims, Set<Flag> flags, Map<String, String> declaredParty) {
        if (sourceTable.isEmpty()) {
            return;
        }
        Map<String, SourceTerm> bySource = new HashMap<>();
        sourceTable.forEach(t -> bySource.putIfAbsent(t.source(), t));
        Map<String, ClaimFact> firstByArticleOrigin = new HashMap<>();
        for (ClaimFact c : claims.values()) {
            if (bySource.containsKey(c.origin())) {
                firstByArticleOrigin.merge(c.article() + "|" + c.origin(), c,
                        (a, b) -> a.id().compareTo(b.id()) <= 0 ? a : b);
            }
        }
        for (ClaimFact first : firstByArticleOrigin.values()) {
            for (SourceTerm t : sourceTable) {
                if (t.source().equals(first.origin()) && (first.originKind() != t.kind()
                        || !first.originParty().equals(t.partyKey()))) {
                    flags.add(flag("Source table: an article declares a known source differently", List.of(first),
                            List.of(first.originName()),
                            Map.of("declared", Flags.describe(first.originKind(),
                                            declaredParty.get(first.article() + "|" + first.origin())),
                                    "listed", Flags.describe(t.kind(), t.party()))));
                }
            }
        }
    }

    private void exclusivity(ClaimFact x, CueFact w, Map<String, EntityFact> entities,
                             Map<String, List<ClaimFact>> byPredicateObject, Set<Flag> flags) {
        EntityFact e = entities.get(x.subjectKey());
        if (e == null) {
            return;
        }
        for (ClaimFact o : byPredicateObject.get(x.predicate() + "|" + x.objectKey())) {
            if (!o.subjectKey().equals(x.subjectKey()) && !o.origin().equals(x.origin())
                    && o.polarity() == Polarity.AFFIRMED && o.factuality() == Factuality.CERTAIN && o.sameTime(x)
                    && (x.placeKey() == null || x.placeKey().equals(o.placeKey()))) {
                EntityFact other = entities.get(o.subjectKey());
                if (other != null && e.groups().stream().anyMatch(other.groups()::contains)) {
                    flags.add(flag("Exclusivity: 'the only one' against another who did it", List.of(x, o),
                            List.of(w.text()), Map.of()));
                }
            }
        }
    }

    private void negatedExistence(ClaimFact n, Map<String, EntityFact> entities, Map<String, ClaimFact> claims,
                                  Map<String, List<ClaimFact>> byPredicateObject, Set<Flag> flags) {
        for (ClaimFact a : byPredicateObject.get(n.predicate() + "|" + n.objectKey())) {
            EntityFact m = entities.get(a.subjectKey());
            if (m != null && m.groups().contains(n.subjectKey()) && !a.origin().equals(n.origin())
                    && a.polarity() == Polarity.AFFIRMED && a.factuality() == Factuality.CERTAIN && a.sameTime(n)
                    && (n.placeKey() == null || n.placeKey().equals(a.placeKey()))) {
                flags.add(flag("Negated existence: 'none did' against a named instance", List.of(n, a), List.of(),
                        Map.of()));
            }
        }
    }

    private void spelling(List<MentionFact> mentions, Map<String, ClaimFact> claims, Set<Flag> flags) {
        Map<String, List<MentionFact>> inClaims = new HashMap<>();
        for (MentionFact m : mentions) {
            if (m.claim() != null) {
                inClaims.computeIfAbsent(m.article() + "|" + m.entityKey() + "|" + m.fold(), k -> new ArrayList<>())
                        .add(m);
            }
        }
        for (MentionFact d : mentions) {
            if (d.claim() != null) {
                continue;
            }
            Set<String> ids = new HashSet<>();
            Set<String> variants = new TreeSet<>();
            for (MentionFact m : inClaims.getOrDefault(d.article() + "|" + d.entityKey() + "|" + d.fold(), List.of())) {
                if (!m.word().equals(d.word())) {
                    ids.add(m.claim());
                    variants.add(m.word());
                }
            }
            if (ids.isEmpty()) {
                continue;
            }
            List<ClaimFact> cs = ids.stream().map(claims::get).filter(Objects::nonNull).sorted(
                    java.util.Comparator.comparing(ClaimFact::id)).toList();
            List<String> words = new ArrayList<>();
            words.add(d.word());
            words.addAll(variants);
            flags.add(flag("Spelling: one name written two ways in one article", cs, words,
                    Map.of("spellings", String.join(" / ", words))));
        }
    }

    /** The contradiction rules' precedence (contradictions.drl): each pair of claims keeps its first-ranked flag. */
    private static final List<String> PRECEDENCE = List.of("CON-DENIAL", "CON-NEGATED-EXISTENCE", "CON-EXCLUSIVITY",
            "CON-NUMERIC", "CON-VALUE", "CON-TWO-PLACES", "CON-POLARITY");

    private static void onePerPair(Collection<Flag> flags) {
        Map<String, Integer> best = new HashMap<>();
        for (Flag f : flags) {
            int rank = PRECEDENCE.indexOf(f.code());
            if (rank >= 0 && f.claims().size() == 2) {
                best.merge(pair(f), rank, Math::min);
            }
        }
        flags.removeIf(f -> {
            int rank = PRECEDENCE.indexOf(f.code());
            return rank >= 0 && f.claims().size() == 2 && best.get(pair(f)) < rank;
        });
    }

    private static String pair(Flag f) {
        String a = f.claims().get(0);
        String b = f.claims().get(1);
        return a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a;
    }

    private Flag flag(String rule, List<ClaimFact> claims, List<String> evidence, Map<String, ?> vars) {
        RuleInfo info = byName.get(rule);
        if (info == null) {
            throw new IllegalStateException("the pack has no rule \"" + rule + "\"");
        }
        List<String> ids = new ArrayList<>(claims.size());
        Set<String> sources = new LinkedHashSet<>();
        for (ClaimFact c : claims) {
            ids.add(c.id());
            sources.add(c.origin());
        }
        List<String> words = evidence.stream().filter(w -> w != null && !w.isBlank()).distinct().toList();
        return new Flag(info.code(), info.category(), info.severity(), rule, ids, List.copyOf(sources), words,
                Flags.render(info.message(), claims, words, vars));
    }
}
