package org.factlint.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.factlint.facts.ClaimFact;
import org.factlint.facts.CueFact;
import org.factlint.facts.EntityFact;
import org.factlint.facts.ArticleSource;
import org.factlint.facts.MemberFact;
import org.factlint.facts.MentionFact;
import org.factlint.facts.PartyTerm;
import org.factlint.facts.PredicateRelation;
import org.factlint.facts.PredicateTerm;
import org.factlint.facts.RelationFact;
import org.factlint.facts.UndatedTerm;
import org.factlint.model.Attribution;
import org.factlint.model.Claim;
import org.factlint.model.Cue;
import org.factlint.model.Document;
import org.factlint.model.Entity;
import org.factlint.model.InvalidDocumentException;
import org.factlint.model.Quantity;
import org.factlint.model.Relation;
import org.factlint.model.Source;

/**
 * Turns documents into working-memory facts, resolving names once so rules join on plain keys. Keeps what earlier
 * documents declared (sources, entity spellings, ids) so documents checked together agree. Not thread-safe: one per
 * session.
 */
public final class FactLoader {
    /** The fact types a document's facts come in, by simple name: what a store or a job may read back. */
    public static final Map<String, Class<?>> DOCUMENT_FACTS = Map.of(
            "ClaimFact", ClaimFact.class,
            "CueFact", CueFact.class,
            "RelationFact", RelationFact.class,
            "EntityFact", EntityFact.class,
            "MemberFact", MemberFact.class,
            "MentionFact", MentionFact.class,
            "ArticleSource", ArticleSource.class);

    private final NameResolver names;
    /** The pack's name tables ({@code names/*.csv}), or the bundled pack's when it has none. */
    private final NameTables nameTables;
    /** Synonym or verb form to canonical predicate, from the pack's predicate table. */
    private final Map<String, String> canonicalPredicate = new HashMap<>();
    /** Folded party name or alias to the party's key, from the pack's party table. */
    private final Map<String, String> partyKeyOfAlias = new HashMap<>();
    /** A party key to the name messages show for it. */
    private final Map<String, String> partyName = new HashMap<>();
    private final Set<String> entityKeysInserted = new HashSet<>();
    private final Map<String, Source> sources = new HashMap<>();
    private final Set<String> articles = new HashSet<>();
    /** Folded names by name: documents repeat the same names, and folding normalizes Unicode each time. */
    private final Map<String, String> foldCache = new HashMap<>();
    private int claims;
    /** The pack's {@code undated.csv} days, or null when it has none (an undated claim then meets any time). */
    private final Integer undatedDays;

    /**
     * A loader that applies the pack's predicate table (claims are loaded with their canonical predicate) and party
     * table (every party field holds the party's key, whichever of its names a document used).
     *
     * @param packFacts the pack's table rows ({@code RulePack} facts); rows of other tables are ignored
     */
    public FactLoader(List<Object> packFacts) {
        NameTables tables = NameTables.DEFAULT;
        Integer undated = null;
        for (Object o : packFacts) {
            if (o instanceof UndatedTerm u) {
                undated = u.days();
            }
            if (o instanceof NameTables t) {
                tables = t;
            }
            if (o instanceof PredicateTerm t && t.relation() == PredicateRelation.SYNONYM) {
                canonicalPredicate.put(t.other(), t.predicate());
            } else if (o instanceof PartyTerm p) {
                partyKeyOfAlias.put(p.aliasKey(), p.key());
                partyName.putIfAbsent(p.key(), p.party());
            }
        }
        nameTables = tables;
        undatedDays = undated;
        names = new NameResolver(tables);
    }

    /**
     * Resolves the entity names of documents that will be loaded together, before any is loaded, so that the keys
     * do not depend on the order of the documents ({@link NameResolver}).
     */
    public void preResolve(List<Document> documents) {
        names.preResolve(documents);
    }

    /**
     * Names already resolved elsewhere (a claim store's earlier documents): each spelling's matching key
     * ({@link #lookupKeys}) to the entity key it resolved to. Entities loaded next join them as they would join an
     * entity of an earlier batch of the same session.
     */
    public void knownNames(Map<String, String> entityKeyByLookupKey) {
        names.known(entityKeyByLookupKey);
    }

    /** The matching keys of every spelling resolved so far, with the entity key each belongs to. */
    public Map<String, String> names() {
        return names.keys();
    }

    /** Short-form rows of another scope (a store): {@code {form, entityKey}}, as {@link #forms} gives them. */
    public void knownForms(Iterable<String[]> rows) {
        names.knownForms(rows);
    }

    /** The short-form rows (surnames, first and last names) of every entity resolved so far. */
    public List<String[]> forms() {
        return names.forms();
    }

    /**
     * The short-form rows ({@link #forms}) that could resolve one of an entity's spellings, with the bundled pack's
     * name tables; {@link #formLookupsOf} with this loader's pack's.
     */
    public static java.util.Set<String> formLookups(org.factlint.model.Entity entity) {
        return NameResolver.formLookups(entity);
    }

    /** The short-form rows ({@link #forms}) that could resolve one of an entity's spellings, with the pack's tables. */
    public java.util.Set<String> formLookupsOf(org.factlint.model.Entity entity) {
        return NameResolver.formLookups(entity, nameTables);
    }

    /**
     * The matching keys under which an entity's spellings are found ({@link #names}, {@link #knownNames}), with the
     * bundled pack's name tables; {@link #lookupKeysOf} with this loader's pack's.
     */
    public static java.util.Set<String> lookupKeys(org.factlint.model.Entity entity) {
        return NameResolver.lookupKeys(entity);
    }

    /** The matching keys under which an entity's spellings are found, with the pack's name tables. */
    public java.util.Set<String> lookupKeysOf(org.factlint.model.Entity entity) {
        return NameResolver.lookupKeys(entity, nameTables);
    }

    /** How many claims were loaded so far. */
    public int claims() {
        return claims;
    }

    /**
     * The facts of one document, in insertion order. Nothing is recorded unless the document fits with those
     * loaded before; otherwise {@link InvalidDocumentException} names the conflict.
     */
    public List<Object> load(Document doc) {
        return facts(doc, resolve(doc));
    }

    /**
     * What loading a document takes from the documents loaded before it, decided in their order: its entities' keys,
     * which of them it is the first to insert (an entity fact is inserted once, with its first document's words), and
     * its sources as first declared. {@link #facts} turns it into the document's facts, in any loader of the same
     * pack: a job resolves documents in one task and loads them in many.
     *
     * @param entityKeys the key of each of the document's entities, in their order
     * @param inserts    for each entity, whether this document inserts its entity fact
     * @param sources    every source the document declares or names, as first declared, by id
     */
    public record Resolved(List<String> entityKeys, List<Boolean> inserts, Map<String, Source> sources) {
        public Resolved {
            entityKeys = List.copyOf(entityKeys);
            inserts = List.copyOf(inserts);
            sources = Map.copyOf(sources);
            if (entityKeys.size() != inserts.size()) {
                throw new IllegalArgumentException(entityKeys.size() + " entity keys but " + inserts.size()
                        + " insert marks");
            }
        }
    }

    /**
     * Records a document as loaded after those before it ({@link #load} without making its facts).
     *
     * @throws InvalidDocumentException when it does not fit with those loaded before; then nothing is recorded
     */
    public Resolved resolve(Document doc) {
        return resolve(doc, named(doc));
    }

    /**
     * The sources a document names: its outlet, then each claim's attribution chain, in order ({@link #resolve}
     * with a document read without its claims).
     */
    public static List<String> named(Document doc) {
        List<String> named = new ArrayList<>();
        named.add(doc.article().outlet());
        for (Claim c : doc.claims()) {
            for (Attribution a : c.attribution()) {
                named.add(a.source());
            }
        }
        return named;
    }

    /**
     * {@link #resolve(Document)} of a document given the sources it names ({@link #named}): what it reads of the
     * claims, so that a job can resolve documents read without their claims.
     */
    public Resolved resolve(Document doc, List<String> named) {
        checkAgainstEarlier(doc);
        articles.add(doc.article().id());
        for (Source s : doc.sources()) {
            sources.putIfAbsent(s.id(), s);
        }
        List<String> keys = new ArrayList<>(doc.entities().size());
        for (Entity e : doc.entities()) {
            keys.add(resolve(e));
        }
        List<Boolean> inserts = new ArrayList<>(keys.size());
        for (String key : keys) {
            inserts.add(entityKeysInserted.add(key));
        }
        Map<String, Source> used = new HashMap<>();
        for (Source s : doc.sources()) {
            used.put(s.id(), sources.get(s.id()));
        }
        for (String id : named) {
            Source s = id == null ? null : sources.get(id);
            if (s != null) {
                used.putIfAbsent(id, s);
            }
        }
        return new Resolved(keys, inserts, used);
    }

    /**
     * The facts of one document resolved by this or another loader of the same pack ({@link #resolve}), in insertion
     * order. Reads nothing of the documents loaded before: what it needs of them is in {@code resolved}.
     */
    public List<Object> facts(Document doc, Resolved resolved) {
        String articleId = doc.article().id();
        Map<String, Entity> entities = new HashMap<>();
        Map<String, String> keys = new HashMap<>();
        Map<String, List<String>> declaredWords = new HashMap<>();
        List<Object> facts = new ArrayList<>();
        List<Entity> declared = doc.entities();
        for (int i = 0; i < declared.size(); i++) {
            entities.put(declared.get(i).id(), declared.get(i));
            keys.put(declared.get(i).id(), resolved.entityKeys().get(i));
        }
        for (int i = 0; i < declared.size(); i++) {
            Entity e = declared.get(i);
            String key = keys.get(e.id());
            if (resolved.inserts().get(i)) {
                Set<String> groups = new LinkedHashSet<>();
                e.groups().forEach(g -> groups.add(keys.get(g)));
                facts.add(new EntityFact(key, e.name(), party(e.party()), Set.copyOf(groups)));
                groups.forEach(g -> facts.add(new MemberFact(key, g)));
            }
            for (String word : words(e.name())) {
                facts.add(new MentionFact(articleId, key, word, fold(word), null));
                declaredWords.computeIfAbsent(e.id(), x -> new ArrayList<>()).add(word);
            }
        }
        Map<String, String> firstOfOrigin = new java.util.TreeMap<>();
        for (Claim c : doc.claims()) {
            String id = doc.qualify(c.id());
            ClaimFact fact = claimFact(doc, c, id, entities, keys, resolved.sources());
            facts.add(fact);
            firstOfOrigin.merge(fact.origin(), id, (a, b) -> a.compareTo(b) <= 0 ? a : b);
            claims++;
            if (c.subjectMention() != null) {
                for (String word : words(c.subjectMention())) {
                    facts.add(new MentionFact(articleId, fact.subjectKey(), word,
                            mentionFold(word, declaredWords.getOrDefault(c.subject(), List.of())), id));
                }
            }
            if (c.objectMention() != null && fact.objectKey() != null) {
                for (String word : words(c.objectMention())) {
                    facts.add(new MentionFact(articleId, fact.objectKey(), word,
                            mentionFold(word, declaredWords.getOrDefault(c.object(), List.of())), id));
                }
            }
            for (Cue cue : c.cues()) {
                facts.add(new CueFact(id, cue.category(), cue.text()));
            }
            for (Relation r : c.relations()) {
                facts.add(new RelationFact(r.type(), id, doc.qualify(r.target())));
            }
        }
        firstOfOrigin.forEach((origin, first) -> {
            Source s = resolved.sources().get(origin);
            String party = s.party() == null ? null : partyName.getOrDefault(party(s.party()), s.party());
            facts.add(new ArticleSource(articleId, origin, first, party));
        });
        return facts;
    }

    private void checkAgainstEarlier(Document doc) {
        List<InvalidDocumentException.Problem> problems = new ArrayList<>();
        if (articles.contains(doc.article().id())) {
            problems.add(new InvalidDocumentException.Problem("article.id",
                    "article '" + doc.article().id() + "' is already loaded"));
        }
        for (int i = 0; i < doc.sources().size(); i++) {
            Source s = doc.sources().get(i);
            Source earlier = sources.get(s.id());
            if (earlier != null && (earlier.kind() != s.kind() || !Objects.equals(earlier.party(), s.party()))) {
                problems.add(new InvalidDocumentException.Problem("sources[" + i + "]",
                        "source '" + s.id() + "' is declared as " + describe(s) + " but an earlier document declares it as "
                                + describe(earlier)));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidDocumentException(problems);
        }
    }

    private static String describe(Source s) {
        return s.kind().name().toLowerCase(Locale.ROOT) + (s.party() == null ? "" : " for '" + s.party() + "'");
    }

    /** An entity's key: that of an earlier entity it is one with ({@link NameResolver}), else its own. */
    private String resolve(Entity e) {
        return names.resolve(e);
    }

    private ClaimFact claimFact(Document doc, Claim c, String id, Map<String, Entity> entities,
                                Map<String, String> keys, Map<String, Source> sources) {
        Entity subject = entities.get(c.subject());
        Entity object = c.object() == null ? null : entities.get(c.object());
        Entity place = c.place() == null ? null : entities.get(c.place());
        String subjectKey = keys.get(c.subject());
        String objectKey = object == null ? null : keys.get(c.object());
        List<String> chain = new ArrayList<>();
        chain.add(doc.article().outlet());
        for (Attribution a : c.attribution()) {
            chain.add(a.source());
        }
        String originId = chain.get(chain.size() - 1);
        Source origin = sources.get(originId);
        Quantity q = c.quantity();
        String predicate = canonicalPredicate.getOrDefault(c.predicate(), c.predicate());
        Long published = doc.article().publicationMillis();
        Long publishedDay = doc.article().published() == null ? null : doc.article().published().toEpochDay();
        // an undated claim stands for the days around its publication (undated.csv); without either, for any time
        Long near = c.when() == null && publishedDay != null && undatedDays != null ? (long) undatedDays : null;
        return new ClaimFact(
                id, doc.article().id(), c.text(),
                subjectKey, subject.name(), predicate, objectKey, object == null ? null : object.name(),
                c.value(),
                ClaimFact.eventKey(subjectKey, predicate, objectKey),
                place == null ? null : keys.get(c.place()), place == null ? null : place.name(),
                c.when() == null ? null : c.when().from().toEpochDay(),
                c.when() == null ? null : c.when().to().toEpochDay(),
                c.polarity(), c.factuality(),
                q == null ? null : q.lo(), q == null ? null : q.hi(),
                q == null || q.unit() == null ? null : q.unit().toLowerCase(Locale.ROOT),
                q == null ? null : figure(q),
                originId, origin.name(), origin.kind(),
                origin.party() == null ? "source:" + originId : party(origin.party()),
                party(subject.party()),
                object == null ? null : party(object.party()),
                List.copyOf(chain), c.headline(), published, publishedDay,
                near == null ? null : publishedDay - near, near == null ? null : publishedDay + near);
    }

    static String figure(Quantity q) {
        // Whole figures in full at any size (a long stops at 9,223,372,036,854,775,807).
        String n = q.value() == Math.rint(q.value())
                ? String.format(Locale.ROOT, "%,d", new java.math.BigDecimal(q.value()).toBigInteger())
                : String.valueOf(q.value());
        String qualifier = switch (q.qualifier()) {
            case EXACT -> "";
            case ABOUT -> "about ";
            case MORE_THAN -> "more than ";
            case AT_LEAST -> "at least ";
            case FEWER_THAN -> "fewer than ";
            case UP_TO -> "up to ";
        };
        return qualifier + n + (q.unit() == null ? "" : " " + q.unit());
    }

    /**
     * The fold of a word of a claim's mention: that of the declared word it is a spelling of (any reading of one
     * meets any reading of the other: Japarov / Жапаров / Dschaparow), so the spelling rule joins on one plain field.
     */
    private String mentionFold(String word, List<String> declared) {
        List<String> mine = Names.key(word, nameTables).words().stream().findFirst().orElse(List.of());
        for (String d : declared) {
            List<String> theirs = Names.key(d, nameTables).words().stream().findFirst().orElse(List.of());
            if (NameKey.wordsMeet(mine, theirs)) {
                return fold(d);
            }
        }
        return fold(word);
    }

    /** A party's key: its folded name, or the key of the party it is an alias of. */
    private String party(String name) {
        if (name == null) {
            return null;
        }
        String f = fold(name);
        return partyKeyOfAlias.getOrDefault(f, f);
    }

    private String fold(String name) {
        return name == null ? null : foldCache.computeIfAbsent(name, n -> Names.fold(n, nameTables));
    }

    private static List<String> words(String name) {
        List<String> out = new ArrayList<>();
        for (String w : name.split("[\\s,]+")) {
            if (w.chars().anyMatch(Character::isLetter)) {
                out.add(w);
            }
        }
        return out;
    }
}
