package org.factlint.facts;

import java.util.List;
import org.factlint.model.Factuality;
import org.factlint.model.Polarity;
import org.factlint.model.SourceKind;

/**
 * A claim as rules see it: every reference resolved to a plain, comparable field so rules join on equality
 * (which Drools indexes) rather than on computed expressions.
 *
 * @param id          qualified claim id, {@code articleId:claimId}
 * @param article     the article id
 * @param text        the verbatim sentence
 * @param subjectKey  folded name key of the subject entity; equal across spellings and documents
 * @param subjectName the subject's name as declared in this claim's document
 * @param objectKey   folded key of the object entity, or null
 * @param objectName  the object's declared name, or null
 * @param eventKey    {@code subjectKey|predicate|objectKey}: claims about the same event share it
 * @param placeKey    folded key of the place entity, or null
 * @param placeName   the place's declared name, or null
 * @param from        first day of the event as epoch day, or null when no time is said
 * @param to          last day of the event as epoch day, or null
 * @param lo          lower end of the quantity's interval, or null when there is no figure
 * @param hi          upper end of the quantity's interval, or null
 * @param figure      the figure as worded ("more than 10000 people"), or null
 * @param origin      id of the source whose words these are (innermost attribution, else the outlet)
 * @param originName  that source's name
 * @param originKind  that source's kind
 * @param originParty folded key of the party the origin speaks for (its own id when it declares none)
 * @param subjectParty folded party key of the subject entity, or null
 * @param objectParty folded party key of the object entity, or null
 * @param chain       the source ids that pass the claim on, outlet first, origin last
 * @param published   when the claim was published, epoch milliseconds (its article's {@code publishedAt}, else the
 *                    end of its published day), or null: the time rules count from it
 * @param publishedDay the epoch day (UTC) of {@code published}, or null
 * @param nearFrom    for a claim that says no time, published in a pack with {@code undated.csv}: the first day it
 *                    stands for (its publication day less the table's days); else null
 * @param nearTo      the last such day (publication day plus the table's days), or null
 */
// Records never change in working memory: property reactivity would buy nothing, and constraints that join
// another pattern's fact would make Drools warn of class reactivity on every compile.
@org.kie.api.definition.type.ClassReactive
public record ClaimFact(
        String id,
        String article,
        String text,
        String subjectKey,
        String subjectName,
        String predicate,
        String objectKey,
        String objectName,
        String value,
        String eventKey,
        String placeKey,
        String placeName,
        Long from,
        Long to,
        Polarity polarity,
        Factuality factuality,
        Double lo,
        Double hi,
        String unit,
        String figure,
        String origin,
        String originName,
        SourceKind originKind,
        String originParty,
        String subjectParty,
        String objectParty,
        List<String> chain,
        boolean headline,
        Long published,
        Long publishedDay,
        Long nearFrom,
        Long nearTo) {

    /** The event key of a subject, predicate and object (null for none): what claims about one event share. */
    public static String eventKey(String subjectKey, String predicate, String objectKey) {
        return subjectKey + "|" + predicate + "|" + (objectKey == null ? "-" : objectKey);
    }

    /** True when both claims say when, and their days overlap; claims that say no time never clash on time. */
    public boolean sameTime(ClaimFact other) {
        return from != null && other.from != null && from <= other.to && other.from <= to;
    }

    /**
     * True unless the two claims' times cannot be one: two dated claims whose days overlap; an undated claim (with
     * {@link #nearFrom()}) and a dated one whose days fall within the undated one's near days; two undated claims
     * published within the pack's days of each other ({@code undated.csv}). A claim with no time and no near days (no
     * publication, or a pack without the table) is compatible with any time.
     */
    public boolean compatibleTime(ClaimFact other) {
        if (from != null && other.from != null) {
            return from <= other.to && other.from <= to;
        }
        if ((from == null && nearFrom == null) || (other.from == null && other.nearFrom == null)) {
            return true;
        }
        if (from == null && other.from == null) { // one table, one width: the other's day is within mine
            return nearFrom <= other.publishedDay && other.publishedDay <= nearTo;
        }
        ClaimFact undated = from == null ? this : other;
        ClaimFact dated = from == null ? other : this;
        return undated.nearFrom <= dated.to && dated.from <= undated.nearTo;
    }

    /**
     * True unless both claims say where and the places differ. Places one within the other are the pack's data
     * ({@code places.csv}): rules join {@link Nested} or {@link Within} for them beside this test.
     */
    public boolean compatiblePlace(ClaimFact other) {
        return placeKey == null || other.placeKey == null || placeKey.equals(other.placeKey);
    }

    /** True when both claims state figures in the same unit and no value satisfies both. */
    public boolean figuresDisjoint(ClaimFact other) {
        return lo != null && other.lo != null && java.util.Objects.equals(unit, other.unit)
                && (hi < other.lo || other.hi < lo);
    }

    /** True when this claim's origin and the other's speak for different parties: neither can vouch for the other. */
    public boolean independentOf(ClaimFact other) {
        return !origin.equals(other.origin) && !originParty.equals(other.originParty);
    }

    /** A short quotation of the sentence for messages. */
    public String quote() {
        String t = text.strip().replaceAll("^[\u201c\"]+|[\u201d\"]+$", "");
        if (t.length() > 100) {
            int cut = t.lastIndexOf(' ', 96);
            t = t.substring(0, cut > 40 ? cut : 96).strip() + "\u2026";
        }
        return "\u201c" + t + "\u201d";
    }
}
