package org.factlint.io;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;

import org.factlint.Category;
import org.factlint.Flag;
import org.factlint.Report;
import org.factlint.model.Claim;
import org.factlint.model.Document;
import org.factlint.model.Source;
import org.factlint.model.SourceKind;

/**
 * Drafts schema.org {@code ClaimReview} items (JSON-LD) for flagged claims, for a desk's publishing tools: one per
 * claim at stake (the first claim of each unconfirmed or contradiction flag), its rating "Contradicted" when any
 * contradiction flag names it, else "Unconfirmed", its explanation the flags' messages. Drafts, for a person to
 * review before anything is published: they carry no review URL.
 */
public final class ClaimReviewWriter {
    /** Words that mark a source's name as an organisation rather than a person. */
    private static final Pattern ORGANISATION = Pattern.compile(
            "(?i)\\b(service|agency|ministry|office|government|website|kremlin|press|news|media|times|council"
                    + "|department|embassy|television|tv|radio|committee|party|army|police|company)\\b");
    private static final Set<SourceKind> MAYBE_PERSON = Set.of(SourceKind.OFFICIAL, SourceKind.PRESS_SERVICE);

    private ClaimReviewWriter() {
    }

    /**
     * A JSON array of ClaimReview objects, each with its own {@code @context}.
     *
     * @param reviewer   the organisation publishing the reviews (the ClaimReview's {@code author})
     * @param reviewDate the ClaimReview's {@code datePublished}
     */
    public static String json(Report report, Collection<Document> documents, String reviewer, LocalDate reviewDate) {
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter()
                    .writeValueAsString(reviews(report, documents, reviewer, reviewDate)) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write ClaimReview JSON-LD", e);
        }
    }

    /** The drafts as maps, in report order (most severe first). */
    public static List<Map<String, Object>> reviews(Report report, Collection<Document> documents, String reviewer,
                                                    LocalDate reviewDate) {
        ClaimIndex index = ClaimIndex.of(documents);
        Map<String, Document> docByClaim = index.documents();
        Map<String, Claim> claims = index.claims();
        Map<String, List<Flag>> byClaim = new LinkedHashMap<>();
        for (Flag f : report.flags()) {
            if (f.category() == Category.CONSISTENCY || f.category() == Category.INPUT || f.claims().isEmpty()) {
                continue;
            }
            String id = f.claims().get(0);
            if (claims.containsKey(id)) {
                byClaim.computeIfAbsent(id, k -> new ArrayList<>()).add(f);
            }
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map.Entry<String, List<Flag>> e : byClaim.entrySet()) {
            Claim claim = claims.get(e.getKey());
            Document doc = docByClaim.get(e.getKey());
            boolean contradicted = e.getValue().stream().anyMatch(f -> f.category() == Category.CONTRADICTION);

            Map<String, Object> review = new LinkedHashMap<>();
            review.put("@context", "https://schema.org");
            review.put("@type", "ClaimReview");
            review.put("identifier", e.getKey());
            review.put("datePublished", reviewDate.toString());
            review.put("author", Map.of("@type", "Organization", "name", reviewer));
            review.put("claimReviewed", claim.text().strip());

            Map<String, Object> item = new LinkedHashMap<>();
            item.put("@type", "Claim");
            item.put("author", author(origin(doc, claim)));
            if (doc.article().published() != null) {
                item.put("datePublished", doc.article().published().toString());
            }
            Map<String, Object> appearance = new LinkedHashMap<>();
            appearance.put("@type", "CreativeWork");
            appearance.put("headline", doc.article().headline());
            if (doc.article().url() != null) {
                appearance.put("url", doc.article().url());
            }
            if (doc.article().published() != null) {
                appearance.put("datePublished", doc.article().published().toString());
            }
            doc.sources().stream().filter(s -> s.id().equals(doc.article().outlet())).findFirst()
                    .ifPresent(s -> appearance.put("publisher", Map.of("@type", "Organization", "name", s.name())));
            item.put("appearance", appearance);
            review.put("itemReviewed", item);

            Map<String, Object> rating = new LinkedHashMap<>();
            rating.put("@type", "Rating");
            rating.put("alternateName", contradicted ? "Contradicted" : "Unconfirmed");
            rating.put("ratingExplanation", String.join(" ", e.getValue().stream().map(Flag::message).toList()));
            review.put("reviewRating", rating);
            out.add(review);
        }
        return out;
    }

    /** The source whose words the claim is: the innermost attribution, else the outlet. */
    private static Source origin(Document doc, Claim claim) {
        String id = claim.attribution().isEmpty() ? doc.article().outlet()
                : claim.attribution().get(claim.attribution().size() - 1).source();
        return doc.sources().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    /**
     * A source as schema.org author: a Person when an official or spokesperson is named by a personal name
     * ("Presidential spokesman Dmitry Peskov"), else an Organization.
     */
    private static Map<String, Object> author(Source s) {
        Map<String, Object> a = new LinkedHashMap<>();
        boolean person = MAYBE_PERSON.contains(s.kind()) && !ORGANISATION.matcher(s.name()).find()
                && s.name().matches(".*\\b\\p{Lu}\\p{L}+\\s+\\p{Lu}\\p{L}+$");
        a.put("@type", person ? "Person" : "Organization");
        a.put("name", s.name());
        return a;
    }
}
