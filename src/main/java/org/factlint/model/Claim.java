package org.factlint.model;

import java.util.List;
import java.util.regex.Pattern;
import org.factlint.internal.Check;

/**
 * One claim found in an article: who is said to have done what, how sure the text is, and who says so.
 *
 * @param id             unique within its document
 * @param text           the verbatim sentence
 * @param span           where the sentence stands in the article text, if known
 * @param subject        the entity id of who or what the claim is about
 * @param subjectMention the subject as spelled in the sentence ("Berdymukhammedov"), if it differs from the name
 * @param predicate      what is claimed of the subject, a lower-case term such as {@code invite} or {@code attend}
 * @param object         the entity id of the other participant or thing, if any
 * @param objectMention  the object as spelled in the sentence, if it differs from the name
 * @param value          a literal value of the predicate ("2023-05-07", "accepted"), if any
 * @param place          the entity id of where it happens, if said
 * @param when           when it happens, if said
 * @param quantity       a figure the claim states, if any
 * @param attribution    who says it, outermost reporter first; empty when the outlet says it in its own voice
 * @param cues           trigger words found in the sentence
 * @param headline       whether the claim stands in the headline
 * @param relations      how this claim bears on others
 */
public record Claim(
        String id,
        String text,
        Span span,
        String subject,
        String subjectMention,
        String predicate,
        String object,
        String objectMention,
        String value,
        String place,
        EventTime when,
        Quantity quantity,
        Polarity polarity,
        Factuality factuality,
        List<Attribution> attribution,
        List<Cue> cues,
        boolean headline,
        List<Relation> relations) {

    private static final Pattern PREDICATE = Pattern.compile("[a-z][a-z0-9\\-]*");

    public Claim {
        Check.id(id, "claim id");
        Check.text(text, "claim '" + id + "' text");
        Check.id(subject, "claim '" + id + "' subject");
        Check.optionalText(subjectMention, "claim '" + id + "' subjectMention");
        Check.required(predicate, "claim '" + id + "' predicate");
        if (!PREDICATE.matcher(predicate).matches()) {
            throw new IllegalArgumentException("claim '" + id + "': predicate '" + predicate
                    + "' must be a lower-case term such as 'invite' or 'attend'");
        }
        if (object != null) {
            Check.id(object, "claim '" + id + "' object");
        }
        Check.optionalText(objectMention, "claim '" + id + "' objectMention");
        if (objectMention != null && object == null) {
            throw new IllegalArgumentException("claim '" + id + "': objectMention '" + objectMention
                    + "' needs an object");
        }
        Check.optionalText(value, "claim '" + id + "' value");
        if (place != null) {
            Check.id(place, "claim '" + id + "' place");
        }
        if (polarity == null) {
            polarity = Polarity.AFFIRMED;
        }
        if (factuality == null) {
            factuality = Factuality.CERTAIN;
        }
        attribution = Check.list(attribution, "claim '" + id + "' attribution");
        cues = Check.list(cues, "claim '" + id + "' cues");
        relations = Check.list(relations, "claim '" + id + "' relations");
    }

    /** A claim without an object mention (the form before {@code objectMention} existed). */
    public Claim(String id, String text, Span span, String subject, String subjectMention, String predicate,
                 String object, String value, String place, EventTime when, Quantity quantity, Polarity polarity,
                 Factuality factuality, List<Attribution> attribution, List<Cue> cues, boolean headline,
                 List<Relation> relations) {
        this(id, text, span, subject, subjectMention, predicate, object, null, value, place, when, quantity, polarity,
                factuality, attribution, cues, headline, relations);
    }

    /** A builder for claims made in code; JSON documents are read by {@link org.factlint.Factlint#read}. */
    public static Builder builder(String id, String subject, String predicate) {
        return new Builder(id, subject, predicate);
    }

    /** Builds a {@link Claim}; every check happens in {@link #build()}. */
    public static final class Builder {
        private final String id;
        private final String subject;
        private final String predicate;
        private String text;
        private Span span;
        private String subjectMention;
        private String object;
        private String objectMention;
        private String value;
        private String place;
        private EventTime when;
        private Quantity quantity;
        private Polarity polarity = Polarity.AFFIRMED;
        private Factuality factuality = Factuality.CERTAIN;
        private final java.util.ArrayList<Attribution> attribution = new java.util.ArrayList<>();
        private final java.util.ArrayList<Cue> cues = new java.util.ArrayList<>();
        private final java.util.ArrayList<Relation> relations = new java.util.ArrayList<>();
        private boolean headline;

        private Builder(String id, String subject, String predicate) {
            this.id = id;
            this.subject = subject;
            this.predicate = predicate;
        }

        public Builder text(String text) { this.text = text; return this; }
        public Builder span(int start, int end) { this.span = new Span(start, end); return this; }
        public Builder mention(String subjectMention) { this.subjectMention = subjectMention; return this; }
        public Builder object(String object) { this.object = object; return this; }
        public Builder objectMention(String objectMention) { this.objectMention = objectMention; return this; }
        public Builder value(String value) { this.value = value; return this; }
        public Builder place(String place) { this.place = place; return this; }
        public Builder when(EventTime when) { this.when = when; return this; }
        public Builder on(java.time.LocalDate day) { this.when = EventTime.on(day); return this; }
        public Builder quantity(double value, String unit, Qualifier qualifier) {
            this.quantity = new Quantity(value, unit, qualifier);
            return this;
        }
        public Builder negated() { this.polarity = Polarity.NEGATED; return this; }
        public Builder factuality(Factuality factuality) { this.factuality = factuality; return this; }
        public Builder saidBy(String source, String verb) { attribution.add(new Attribution(source, verb)); return this; }
        public Builder cue(CueCategory category, String words) { cues.add(new Cue(words, category)); return this; }
        public Builder relation(RelationType type, String target) { relations.add(new Relation(type, target)); return this; }
        public Builder headline() { this.headline = true; return this; }

        public Claim build() {
            return new Claim(id, text == null ? id : text, span, subject, subjectMention, predicate, object, objectMention, value,
                    place, when, quantity, polarity, factuality, attribution, cues, headline, relations);
        }
    }
}
