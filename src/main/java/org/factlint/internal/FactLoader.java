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
import org.factlint.facts.RelationFact;
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
    private final Map<String, String> entityKeyByFold = new HashMap<>();
    private final Set<String> entityKeysInserted = new HashSet<>();
    private final Map<String, Source> sources = new HashMap<>();
    private final Set<String> articles = new HashSet<>();
    /** Folded names by name: documents repeat the same names, and folding normalizes Unicode each time. */
    private final Map<String, String> foldCache = new HashMap<>();
    private int claims;

    /**
     * Resolves the entity names of documents that will be loaded together, before any is loaded, so that the keys
     * do not depend on the order of the documents: names linked through any chain of shared spellings or aliases
     * (across documents too) get one key, the smallest folded name of the group.
     */
    public void preResolve(List<Document> documents) {
        Map<String, String> parent = new HashMap<>();
        for (Document doc : documents) {
            for (Entity e : doc.entities()) {
                String first = root(parent, Names.fold(e.name()));
                for (String alias : e.aliases()) {
                    String other = root(parent, Names.fold(alias));
                    if (!other.equals(first)) {
                        // Union by smallest name keeps the chosen key independent of document order.
                        String keep = first.compareTo(other) < 0 ? first : other;
                        parent.put(first, keep);
                        parent.put(other, keep);
                        first = keep;
                    }
                }
            }
        }
        for (String fold : parent.keySet()) {
            entityKeyByFold.putIfAbsent(fold, root(parent, fold));
        }
    }

    private static String root(Map<String, String> parent, String fold) {
        String r = parent.computeIfAbsent(fold, f -> f);
        while (!r.equals(parent.get(r))) {
            r = parent.get(r);
        }
        parent.put(fold, r);
        return r;
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
        checkAgainstEarlier(doc);
        String articleId = doc.article().id();
        articles.add(articleId);
        for (Source s : doc.sources()) {
            sources.putIfAbsent(s.id(), s);
        }
        Map<String, Entity> entities = new HashMap<>();
        Map<String, String> keys = new HashMap<>();
        List<Object> facts = new ArrayList<>();
        for (Entity e : doc.entities()) {
            entities.put(e.id(), e);
            keys.put(e.id(), resolve(e));
        }
        for (Entity e : doc.entities()) {
            String key = keys.get(e.id());
            if (entityKeysInserted.add(key)) {
                Set<String> groups = new LinkedHashSet<>();
                e.groups().forEach(g -> groups.add(keys.get(g)));
                facts.add(new EntityFact(key, e.name(), fold(e.party()), Set.copyOf(groups)));
                groups.forEach(g -> facts.add(new MemberFact(key, g)));
            }
            for (String word : words(e.name())) {
                facts.add(new MentionFact(articleId, key, word, fold(word), null));
            }
        }
        Map<String, String> firstOfOrigin = new java.util.TreeMap<>();
        for (Claim c : doc.claims()) {
            String id = doc.qualify(c.id());
            ClaimFact fact = claimFact(doc, c, id, entities, keys);
            facts.add(fact);
            firstOfOrigin.merge(fact.origin(), id, (a, b) -> a.compareTo(b) <= 0 ? a : b);
            claims++;
            if (c.subjectMention() != null) {
                for (String word : words(c.subjectMention())) {
                    facts.add(new MentionFact(articleId, fact.subjectKey(), word, fold(word), id));
                }
            }
            for (Cue cue : c.cues()) {
                facts.add(new CueFact(id, cue.category(), cue.text()));
            }
            for (Relation r : c.relations()) {
                facts.add(new RelationFact(r.type(), id, doc.qualify(r.target())));
            }
        }
        firstOfOrigin.forEach((origin, first) -> facts.add(new ArticleSource(articleId, origin, first)));
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

    /** An entity's key: that of an earlier entity sharing any folded name or alias, else its own folded name. */
    private String resolve(Entity e) {
        List<String> folds = new ArrayList<>();
        folds.add(fold(e.name()));
        e.aliases().forEach(a -> folds.add(fold(a)));
        String key = folds.stream().map(entityKeyByFold::get).filter(Objects::nonNull).findFirst().orElse(folds.get(0));
        folds.forEach(f -> entityKeyByFold.putIfAbsent(f, key));
        return key;
    }

    private ClaimFact claimFact(Document doc, Claim c, String id, Map<String, Entity> entities,
                                Map<String, String> keys) {
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
        return new ClaimFact(
                id, doc.article().id(), c.text(),
                subjectKey, subject.name(), c.predicate(), objectKey, object == null ? null : object.name(),
                c.value(),
                subjectKey + "|" + c.predicate() + "|" + (objectKey == null ? "-" : objectKey),
                place == null ? null : keys.get(c.place()), place == null ? null : place.name(),
                c.when() == null ? null : c.when().from().toEpochDay(),
                c.when() == null ? null : c.when().to().toEpochDay(),
                c.polarity(), c.factuality(),
                q == null ? null : q.lo(), q == null ? null : q.hi(),
                q == null || q.unit() == null ? null : q.unit().toLowerCase(Locale.ROOT),
                q == null ? null : figure(q),
                originId, origin.name(), origin.kind(),
                origin.party() == null ? "source:" + originId : fold(origin.party()),
                subject.party() == null ? null : fold(subject.party()),
                object == null || object.party() == null ? null : fold(object.party()),
                List.copyOf(chain), c.headline());
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

    private String fold(String name) {
        return name == null ? null : foldCache.computeIfAbsent(name, Names::fold);
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
