package org.factlint.property;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;
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
import org.factlint.model.Quantity;
import org.factlint.model.Qualifier;
import org.factlint.model.Relation;
import org.factlint.model.RelationType;
import org.factlint.model.Source;
import org.factlint.model.SourceKind;

/**
 * Generators of valid claim sets: a few documents drawing on one pool of sources and entities (declared the same way
 * in every document, as a newsroom's would be), with claims that reference them, and so meet each other in the rules:
 * the same events told by different sources, with figures, dates, values, denials, cues and relations.
 */
public final class Claims {
    static final List<Source> SOURCES = List.of(
            new Source("wire", "Example Wire", SourceKind.WIRE_AGENCY, null),
            new Source("daily", "Example Daily", SourceKind.INDEPENDENT_MEDIA, null),
            new Source("kremlin", "the Kremlin press service", SourceKind.PRESS_SERVICE, "Russia"),
            new Source("tass", "TASS", SourceKind.STATE_MEDIA, "Russia"),
            new Source("ashgabat", "the Turkmen foreign ministry", SourceKind.OFFICIAL, "Turkmenistan"),
            new Source("insiders", "unnamed officials", SourceKind.ANONYMOUS, null),
            new Source("archive", "the newsroom archive", SourceKind.REFERENCE, null));
    static final List<String> OUTLETS = List.of("wire", "daily");
    static final List<Entity> ENTITIES = List.of(
            new Entity("putin", "Vladimir Putin", List.of(), "Russia", List.of()),
            new Entity("berdymukhammedov", "Serdar Berdymukhammedov", List.of("Berdimuhamedov"), "Turkmenistan",
                    List.of("foreign-leader")),
            new Entity("rahmon", "Emomali Rahmon", List.of(), "Tajikistan", List.of("foreign-leader")),
            new Entity("foreign-leader", "foreign leader"),
            new Entity("parade", "Victory Day parade"),
            new Entity("moscow", "Moscow"),
            new Entity("ashgabat-city", "Ashgabat"));
    static final List<String> SUBJECTS = List.of("putin", "berdymukhammedov", "rahmon", "foreign-leader", "parade");
    static final List<String> PREDICATES = List.of("invite", "attend", "participants", "arrive", "visit");
    static final List<String> OBJECTS = List.of("berdymukhammedov", "rahmon", "parade", "foreign-leader");
    static final List<String> PLACES = List.of("moscow", "ashgabat-city");
    static final List<String> VALUES = List.of("2023-05-07", "2023-05-08", "accepted", "declined");
    static final List<String> CUE_WORDS = List.of("has not confirmed", "did not specify", "reportedly", "is weighing",
            "denied", "the only", "said", "it is believed", "definitely");

    /** A claim's choices; ids and relation targets are fixed when its document is built. */
    static final class Spec {
        String subject = "putin";
        String predicate = "attend";
        String object;
        String value;
        String place;
        EventTime when;
        Quantity quantity;
        Polarity polarity = Polarity.AFFIRMED;
        Factuality factuality = Factuality.CERTAIN;
        List<String> sayers = List.of();
        List<Cue> cues = List.of();
        boolean headline;
        RelationType relation;
        int relationTarget;
        boolean crossDocument;
    }

    static Arbitrary<EventTime> times() {
        Arbitrary<LocalDate> day = Arbitraries.integers().between(1, 12).map(d -> LocalDate.of(2023, 5, d));
        return Combinators.combine(day, Arbitraries.integers().between(0, 3).injectDuplicates(0.6))
                .as((from, length) -> new EventTime(from, from.plusDays(length)));
    }

    static Arbitrary<Quantity> quantities() {
        return Combinators.combine(Arbitraries.of(8000.0, 10000.0, 5000.0, 12.5, 0.0, 300.0),
                        Arbitraries.of("people", "troops"), Arbitraries.of(Qualifier.class))
                .as(Quantity::new);
    }

    static Arbitrary<Spec> claims() {
        return Builders.withBuilder(Spec::new)
                .use(Arbitraries.of(SUBJECTS)).in((s, v) -> { s.subject = v; return s; })
                .use(Arbitraries.of(PREDICATES)).in((s, v) -> { s.predicate = v; return s; })
                .use(Arbitraries.of(OBJECTS)).withProbability(0.6).in((s, v) -> { s.object = v; return s; })
                .use(Arbitraries.of(VALUES)).withProbability(0.3).in((s, v) -> { s.value = v; return s; })
                .use(Arbitraries.of(PLACES)).withProbability(0.4).in((s, v) -> { s.place = v; return s; })
                .use(times()).withProbability(0.5).in((s, v) -> { s.when = v; return s; })
                .use(quantities()).withProbability(0.3).in((s, v) -> { s.quantity = v; return s; })
                .use(Arbitraries.of(Polarity.class)).in((s, v) -> { s.polarity = v; return s; })
                .use(Arbitraries.of(Factuality.class)).in((s, v) -> { s.factuality = v; return s; })
                .use(Arbitraries.of(SOURCES.stream().map(Source::id).toList()).list().ofMaxSize(2))
                .in((s, v) -> { s.sayers = v; return s; })
                .use(Combinators.combine(Arbitraries.of(CUE_WORDS), Arbitraries.of(CueCategory.class)).as(Cue::new)
                        .list().ofMaxSize(2)).in((s, v) -> { s.cues = v; return s; })
                .use(Arbitraries.of(true, false)).in((s, v) -> { s.headline = v; return s; })
                .use(Arbitraries.of(RelationType.class)).withProbability(0.3).in((s, v) -> { s.relation = v; return s; })
                .use(Arbitraries.integers().between(0, 10)).in((s, v) -> { s.relationTarget = v; return s; })
                .use(Arbitraries.of(true, false)).in((s, v) -> { s.crossDocument = v; return s; })
                .build();
    }

    /** One to four documents of up to six claims each. */
    public static Arbitrary<List<Document>> documentSets() {
        return documentSets("d");
    }

    /** Sets whose article ids start with {@code prefix}, so sets made with different prefixes can be mixed. */
    public static Arbitrary<List<Document>> documentSets(String prefix) {
        return Combinators.combine(claims().list().ofMaxSize(6).list().ofMinSize(1).ofMaxSize(4),
                        Arbitraries.of(OUTLETS).list().ofSize(4))
                .as((specs, outlets) -> documents(specs, outlets, prefix));
    }

    static List<Document> documents(List<List<Spec>> specs, List<String> outlets, String prefix) {
        List<Document> docs = new ArrayList<>();
        for (int d = 0; d < specs.size(); d++) {
            List<Claim> claims = new ArrayList<>();
            List<Spec> docSpecs = specs.get(d);
            for (int i = 0; i < docSpecs.size(); i++) {
                Spec s = docSpecs.get(i);
                List<Relation> relations = new ArrayList<>();
                if (s.relation != null && s.crossDocument && d > 0) {
                    relations.add(new Relation(s.relation, prefix + (s.relationTarget % d) + ":c1"));
                } else if (s.relation != null && i > 0) {
                    relations.add(new Relation(s.relation, "c" + (1 + s.relationTarget % i)));
                }
                claims.add(new Claim("c" + (i + 1), "Claim " + (i + 1) + " of document " + d + ".", null, s.subject,
                        null, s.predicate, s.object, s.value, s.place, s.when, s.quantity, s.polarity, s.factuality,
                        s.sayers.stream().map(id -> new Attribution(id, "said")).toList(), s.cues, s.headline,
                        relations));
            }
            docs.add(new Document(new Article(prefix + d, outlets.get(d), "Headline " + d,
                    LocalDate.of(2023, 5, 10), null, null), SOURCES, ENTITIES, claims));
        }
        return List.copyOf(docs);
    }

    private Claims() {
    }
}
