package org.factlint.text;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.factlint.model.Claim;

/** What the stages of {@link Extractor} pass each other about one article: mentions, entities, source spans, sentences. */
final class Extraction {
    private Extraction() {
    }

    /** A name, role, place or pronoun found in a sentence. */
    static final class Mention {
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
        /** A role phrase or object pronoun that never stands for the subject of its clause ("thanked the leader of…"). */
        boolean notSubject;
        /** An event noun right after the name it belongs to ("the Victory Day parade"): that name's entity. */
        Mention attachedTo;
        /** For an event noun: the name that possesses it ("Putin" in "Putin's celebrations"). */
        Mention possessor;
        /** The possessor of an event ("Putin's celebrations"): whose event it is, not one of its actors. */
        boolean host;
        /** For a group mention: the group's name ({@code groups.csv}). */
        String group;

        Mention(int start, int end, String surface, MentionKind kind) {
            this.start = start;
            this.end = end;
            this.surface = surface;
            this.kind = kind;
        }
    }

    enum MentionKind { NAME, ROLE, PLACE, DEMONYM, PRONOUN, GROUP, EVENT }

    /** An entity under construction. */
    static final class EntityRef {
        /** Its key in {@code entitiesByKey} and its place in that map's order. */
        String key;
        int order;
        String id;
        String name;
        final Set<String> spellings = new LinkedHashSet<>();
        String party;
        boolean person;
        String title;
        /** A named event ("Victory Day"): event nouns refer back to it. */
        boolean event;
        /** For a group: its membership rule ({@code groups.csv}); for a group or an event: the country hosting it. */
        String members;
        String host;
        /** The groups this entity belongs to, by group entity. */
        final Set<EntityRef> groups = new LinkedHashSet<>();
    }

    /** Where a sentence's source is named: the phrase, and the reporting verb. */
    record SourceSpan(int start, int end, String verb, boolean anonymous) {
        SourceSpan(int start, int end, String verb) {
            this(start, end, verb, false);
        }
    }

    static final class SentenceInfo {
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
}
