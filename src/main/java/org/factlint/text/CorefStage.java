package org.factlint.text;

import java.util.ArrayList;
import java.util.List;
import org.factlint.text.Extraction.EntityRef;
import org.factlint.text.Extraction.Mention;
import org.factlint.text.Extraction.MentionKind;
import org.factlint.text.Extraction.SentenceInfo;

/**
 * The coreference stage, run sentence by sentence in reading order. Needs: mentions with their entities (names,
 * roles, places and groups resolved by {@link NameStage}) and quotation marks. Adds: the entity of each pronoun,
 * "the president" and role phrase ("the leader of a friendly state"), of each event noun ("the celebrations",
 * "the event": the last named event, which gets the phrase as a spelling: "Victory Day celebrations"), and the
 * country hosting the event a group is met at; at the end, each group's members ({@code groups.csv}).
 *
 * <p>Two constraints keep it from the commonest wrong answers: a pronoun outside a quotation never stands for a
 * person named only inside it (the speaker of a quotation is not someone it mentions), and an object pronoun or a
 * role phrase never stands for the subject of its own clause ("X thanked the leader of a friendly state": not X).
 * Its word lists are {@code words.csv} (person-pronoun, object-pronoun, event-noun, event-name-word) and
 * {@code groups.csv}. One per article; each lookup walks back a bounded number of mentions.
 */
final class CorefStage {
    /** How far back a pronoun looks, in person mentions. */
    private static final int REACH = 64;

    private record Seen(EntityRef person, int sentence, boolean quoted) {
    }

    private final NameStage names;
    private final String norm;
    private final List<Seen> persons = new ArrayList<>();
    private final List<EntityRef> groups = new ArrayList<>();
    private EntityRef lastEvent;
    private int sentence;

    CorefStage(NameStage names, String norm) {
        this.names = names;
        this.norm = norm;
    }

    /** Resolves the pronouns, role phrases and event nouns of the next sentence in reading order. */
    void resolve(SentenceInfo s) {
        sentence++;
        boolean[] quoted = Quotes.quoted(norm, s.nlp.tokens());
        EntityRef subject = null;
        for (Mention m : s.mentions) {
            boolean inQuote = quotedAt(s, quoted, m.start);
            if (m.kind == MentionKind.PRONOUN) {
                m.entity = lastPerson(inQuote, m.notSubject ? subject : null);
            } else if (m.kind == MentionKind.EVENT) {
                resolveEvent(m);
            } else if (m.entity != null && m.entity.person) {
                persons.add(new Seen(m.entity, sentence, inQuote));
            } else if (m.entity != null && m.entity.event && m.kind == MentionKind.NAME) {
                lastEvent = m.entity;
            }
            if (subject == null && m.entity != null && !m.inSource && m.kind != MentionKind.PLACE
                    && m.kind != MentionKind.DEMONYM) {
                subject = m.entity;
            }
        }
        String host = host(s);
        EntityRef event = null;
        for (Mention m : s.mentions) {
            if (m.entity != null && m.entity.event && !m.inSource) {
                event = event == null ? m.entity : event;
                if (m.entity.host == null) {
                    m.entity.host = host; // "Victory Day in Moscow": an event Russia hosts
                }
            }
        }
        for (Mention m : s.mentions) {
            if (m.kind == MentionKind.GROUP && m.entity != null && m.entity.members != null) {
                if (!groups.contains(m.entity)) {
                    groups.add(m.entity);
                }
                if (m.entity.host == null) {
                    // the sentence's place or the event's possessor, else the host of the event it names
                    m.entity.host = host != null ? host : event == null ? null : event.host;
                }
            }
        }
    }

    /**
     * The last person named before, skipping one named only inside a quotation of this sentence when outside one.
     * Outside a quotation a person named outside one comes first: after '"Vladimir Putin is a friend," he said.',
     * "his press service" is the speaker's, not Putin's; a person named only in quotations is the fallback.
     */
    private EntityRef lastPerson(boolean inQuote, EntityRef notThis) {
        if (!inQuote) {
            EntityRef outside = lastPerson(notThis, Seen::quoted);
            if (outside != null) {
                return outside;
            }
        }
        return lastPerson(notThis, p -> !inQuote && p.quoted() && p.sentence() == sentence);
    }

    private EntityRef lastPerson(EntityRef notThis, java.util.function.Predicate<Seen> skip) {
        for (int i = persons.size() - 1; i >= 0 && i >= persons.size() - REACH; i--) {
            Seen p = persons.get(i);
            if (skip.test(p) || p.person() == notThis) {
                continue;
            }
            return p.person();
        }
        return null;
    }

    private void resolveEvent(Mention m) {
        if (m.attachedTo != null) {
            // "the Victory Day parade": the name's entity; the phrase is one more way to write it
            EntityRef e = m.attachedTo.entity;
            if (e != null && e.event) {
                e.spellings.add(e.name + " " + m.surface);
                lastEvent = e;
            }
            return;
        }
        if (lastEvent == null) {
            return;
        }
        m.entity = lastEvent;
        lastEvent.spellings.add(lastEvent.name + " " + m.surface);
        if (m.possessor != null && m.possessor.entity != null) {
            m.possessor.host = true;
        }
    }

    /** The country hosting the event a sentence speaks of: its first place's, else the event possessor's. */
    private static String host(SentenceInfo s) {
        for (Mention m : s.mentions) {
            if (m.kind == MentionKind.PLACE && m.entity != null && m.entity.party != null && !m.inSource) {
                return m.entity.party;
            }
        }
        for (Mention m : s.mentions) {
            if (m.host && m.entity.party != null) {
                return m.entity.party;
            }
        }
        return null;
    }

    /**
     * Each group's members, once every sentence is read: for {@code foreign-leader}, every person holding a leader
     * title of a known country other than the host's.
     */
    void assignGroups() {
        for (EntityRef g : groups) {
            if (g.host == null || !"foreign-leader".equals(g.members)) {
                continue;
            }
            for (EntityRef e : names.entitiesByKey.values()) {
                if (e.person && e.title != null && e.party != null && !e.party.equals(g.host)
                        && names.leaderTitle(e.title)) {
                    e.groups.add(g);
                }
            }
        }
    }

    static boolean quotedAt(SentenceInfo s, boolean[] quoted, int offset) {
        List<Nlp.Token> t = s.nlp.tokens();
        for (int i = 0; i < t.size(); i++) {
            if (t.get(i).start() <= offset && offset < t.get(i).end()) {
                return quoted[i];
            }
        }
        return false;
    }
}
