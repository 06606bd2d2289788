package org.factlint.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.factlint.internal.Names;
import org.factlint.text.Extraction.EntityRef;
import org.factlint.text.Extraction.Mention;
import org.factlint.text.Extraction.MentionKind;
import org.factlint.text.Extraction.SentenceInfo;

/**
 * The names stage: mentions and who they are. Needs: sentences with tokens and tags, and each sentence's source
 * phrases. Adds: mentions (capitalised runs split into titles, demonyms and names; roles such as "President of
 * Turkmenistan" or "the Tajik leader"; places; pronouns and "the president"), and the article's entities: names of
 * one person grouped ("Vladimir Putin", "Putin", spellings that fold alike), roles resolved to the person of that
 * country holding such a title. Its word lists are {@code words.csv}, {@code titles.csv} and {@code places.csv}.
 * One per article; indexed, so a long text costs time in proportion to its length.
 */
final class NameStage {
    private final Tables tables;
    private final String body;
    private final String norm;
    private final Set<String> months;
    private final Set<String> notNameTags;
    private final Set<String> personPronouns;
    private final Set<String> orgWords;
    private final Set<String> leaderTitles;
    private final Set<String> objectPronouns;
    private final Set<String> eventNouns;
    private final Set<String> eventNameWords;
    /** Entities by key ("person:" or "other:" and the folded name), in the order they were met. */
    final Map<String, EntityRef> entitiesByKey = new LinkedHashMap<>();
    private final Set<String> takenIds = new HashSet<>();
    /** The last folded word of every spelling of a person, to the earliest person with such a spelling. */
    private final Map<String, EntityRef> personByLastWord = new HashMap<>();
    /** Every folded word of every spelling of any entity. */
    private final Set<String> spellingWords = new HashSet<>();
    private final Map<String, String> folds = new HashMap<>();

    NameStage(Tables tables, String body, String norm) {
        this.tables = tables;
        this.body = body;
        this.norm = norm;
        this.months = tables.words("month");
        this.notNameTags = tables.words("not-name-tag");
        this.personPronouns = tables.words("person-pronoun");
        this.orgWords = tables.words("organisation-word");
        this.leaderTitles = tables.words("leader-title");
        this.objectPronouns = tables.words("object-pronoun");
        this.eventNouns = tables.words("event-noun");
        this.eventNameWords = tables.words("event-name-word");
    }

    /** A name folded ({@link Names#fold}), memoised for the article. */
    String fold(String name) {
        return folds.computeIfAbsent(name, Names::fold);
    }

    /** Capitalised runs ("Russian President Vladimir Putin", "head of Turkmenistan"), pronouns and roles. */
    void findMentions(SentenceInfo s) {
        List<Nlp.Token> tokens = s.nlp.tokens();
        int i = 0;
        int first = firstWord(tokens);
        while (i < tokens.size()) {
            Nlp.Token t = tokens.get(i);
            String lower = t.text().toLowerCase(Locale.ROOT);
            if (t.tag().equals("PRON") && personPronouns.contains(lower)) {
                Mention m = mention(s, t.start(), t.end(), MentionKind.PRONOUN);
                // "invited him": an object pronoun, unless it is a possessive ("her visit")
                m.notSubject = objectPronouns.contains(lower) && (i + 1 >= tokens.size()
                        || !List.of("NOUN", "ADJ", "NUM", "PROPN").contains(tokens.get(i + 1).tag()));
                s.mentions.add(m);
                i++;
                continue;
            }
            Tables.GroupRow group = groupAt(tokens, i, first);
            if (group != null) {
                // "the only foreign leader", "no guests": a group as a whole
                Mention m = mention(s, t.start(), tokens.get(i + group.lemmas().size() - 1).end(), MentionKind.GROUP);
                m.group = group.group();
                m.core = group.group();
                m.title = group.members();
                s.mentions.add(m);
                i += group.lemmas().size();
                continue;
            }
            if (t.tag().equals("NOUN") && eventNouns.contains(t.lemma()) && Character.isLowerCase(t.text().charAt(0))) {
                // "the celebrations", "the Victory Day parade", "Putin's celebrations": resolved in reading order
                Mention m = mention(s, t.start(), t.end(), MentionKind.EVENT);
                Mention before = s.mentions.isEmpty() ? null : s.mentions.get(s.mentions.size() - 1);
                if (before != null && i > 0 && before.end == tokens.get(i - 1).end()) {
                    m.attachedTo = before;
                } else if (before != null && i > 1 && tokens.get(i - 1).text().equals("'s")
                        && before.end == tokens.get(i - 2).end() && before.kind == MentionKind.NAME) {
                    m.possessor = before;
                }
                s.mentions.add(m);
                i++;
                continue;
            }
            if (lower.equals("the") && i + 3 < tokens.size() && isTitleWord(tokens.get(i + 1))
                    && Character.isLowerCase(tokens.get(i + 1).text().charAt(0))
                    && tokens.get(i + 2).text().equals("of")
                    && List.of("a", "an", "another").contains(tokens.get(i + 3).text().toLowerCase(Locale.ROOT))) {
                // "the leader of a friendly state": a person the article has named, but not the clause's subject
                Mention m = mention(s, tokens.get(i + 1).start(), tokens.get(i + 1).end(), MentionKind.PRONOUN);
                m.notSubject = true;
                s.mentions.add(m);
                i += 4;
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

    /** The longest phrase of {@code groups.csv} whose lemmas start at token {@code i}, written in lower case. */
    Tables.GroupRow groupAt(List<Nlp.Token> tokens, int i, int first) {
        for (Tables.GroupRow g : tables.groups) {
            int n = g.lemmas().size();
            if (i + n > tokens.size()) {
                continue;
            }
            boolean match = true;
            for (int k = 0; k < n && match; k++) {
                Nlp.Token u = tokens.get(i + k);
                String lemma = u.lemma().toLowerCase(Locale.ROOT);
                String word = u.text().toLowerCase(Locale.ROOT);
                match = (lemma.equals(g.lemmas().get(k)) || word.equals(g.lemmas().get(k)))
                        && (i + k == first || Character.isLowerCase(u.text().charAt(0)));
            }
            if (match) {
                return g;
            }
        }
        return null;
    }

    /** True when a name has a word of an event's name ("Victory Day", "Munich Security Conference"). */
    boolean eventName(String name) {
        for (String w : name.split("\\s+")) {
            if (eventNameWords.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /** The entity of a group named by a phrase of {@code groups.csv}. */
    EntityRef group(String name, String members) {
        EntityRef g = other(name, null);
        g.members = members;
        return g;
    }

    static int firstWord(List<Nlp.Token> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            if (Character.isLetterOrDigit(tokens.get(i).text().charAt(0))) {
                return i;
            }
        }
        return 0;
    }

    boolean runAhead(List<Nlp.Token> tokens, int i, boolean headline) {
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

    boolean isTitleWord(Nlp.Token t) {
        return tables.titleWords.contains(t.text().toLowerCase(Locale.ROOT)) && !t.tag().equals("PUNCT");
    }

    /** A capitalised word that is not a month, a function word, or (first in the sentence) an ordinary word. */
    boolean isNameToken(Nlp.Token t, boolean sentenceStart, boolean headline) {
        String w = t.text();
        if (w.isEmpty() || !Character.isUpperCase(w.charAt(0)) || months.contains(w) || !Character.isLetter(w.charAt(0))) {
            return false;
        }
        boolean known = tables.places.containsKey(w) || tables.titleWords.contains(w.toLowerCase(Locale.ROOT));
        if (headline) {
            return known || knownNameWord(w);
        }
        if (known) {
            return true;
        }
        if (notNameTags.contains(t.tag())) {
            return false;
        }
        return !sentenceStart || t.tag().equals("PROPN");
    }

    boolean knownNameWord(String w) {
        return spellingWords.contains(fold(w));
    }

    Mention mention(SentenceInfo s, int start, int end, MentionKind kind) {
        Mention m = new Mention(start, end, body.substring(start, end), kind);
        m.inSource = s.inSource(start, end);
        return m;
    }

    /**
     * Splits each run into titles, demonyms and the name; groups names of one person ("Vladimir Putin", "Putin")
     * and spellings that fold alike ("Berdimuhamedov", "Berdymukhammedov"); resolves roles ("President of
     * Turkmenistan", "the Tajik leader") to the person of that country who holds such a title.
     */
    void clusterNames(List<SentenceInfo> sentences) {
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
                } else if (m.kind == MentionKind.GROUP) {
                    m.entity = group(m.group, m.title);
                } else if (m.kind == MentionKind.PLACE) {
                    m.entity = other(m.core, m.party);
                }
            }
        }
    }

    void analyseName(Mention m) {
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

    String bestTitle(String words) {
        String best = null;
        for (String t : tables.titles.keySet()) {
            if ((" " + words + " ").contains(" " + t + " ") && (best == null || t.length() > best.length())) {
                best = t;
            }
        }
        return best == null ? words : best;
    }

    boolean orgLike(String core) {
        for (String w : core.toLowerCase(Locale.ROOT).split("[\\s-]+")) {
            if (orgWords.contains(w)) {
                return true;
            }
        }
        return false;
    }

    void person(Mention m) {
        EntityRef p = findPerson(m.core);
        if (p == null) {
            p = new EntityRef();
            p.person = true;
            p.name = m.core;
            p.id = uniqueId(Extractor.slug(m.core));
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
    EntityRef findPerson(String name) {
        return personByLastWord.get(lastWord(fold(name)));
    }

    static String lastWord(String folded) {
        return folded.substring(folded.lastIndexOf(' ') + 1);
    }

    void put(String key, EntityRef e) {
        e.key = key;
        e.order = entitiesByKey.size();
        entitiesByKey.put(key, e);
        takenIds.add(e.id);
    }

    /** Adds a spelling to an entity and to the indexes ({@link #findPerson}, {@link #knownNameWord}). */
    void addSpelling(EntityRef e, String spelling) {
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

    EntityRef roleHolder(Mention m) {
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

    boolean leaderTitle(String title) {
        if (title == null) {
            return true;
        }
        for (String w : title.split(" ")) {
            if (leaderTitles.contains(w)) {
                return !title.contains("minister") || title.startsWith("prime");
            }
        }
        return false;
    }

    EntityRef other(String name, String party) {
        String key = "other:" + fold(name);
        EntityRef e = entitiesByKey.get(key);
        if (e == null) {
            e = new EntityRef();
            e.name = name;
            e.id = uniqueId(Extractor.slug(name));
            e.party = party;
            e.event = eventName(name);
            put(key, e);
        }
        addSpelling(e, name);
        return e;
    }

    String uniqueId(String base) {
        String id = base;
        int n = 2;
        while (takenIds.contains(id)) {
            id = base + "-" + n++;
        }
        return id;
    }

    static String key(EntityRef e) {
        return e.key;
    }
}
