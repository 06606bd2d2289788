package org.factlint.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.factlint.internal.Check;

/**
 * The published piece the claims come from.
 *
 * @param outlet      the id of the source that published it (declared among the document's sources)
 * @param published   the publication date, if known, within [{@link EventTime#EARLIEST}, {@link EventTime#LATEST}];
 *                    taken from {@code publishedAt} (its UTC day) when only that is given
 * @param publishedAt the moment of publication, if known ({@code "2023-05-08T07:30:00Z"}): the time rules count from
 *                    it (a claim still unconfirmed N hours after it was published); with a date alone they count from
 *                    the end of that day, so nothing escalates early. Its UTC day must be {@code published}.
 */
public record Article(String id, String outlet, String headline, LocalDate published, String url, String text,
                      Instant publishedAt) {
    public Article {
        Check.id(id, "article id");
        Check.id(outlet, "article '" + id + "' outlet");
        Check.text(headline, "article '" + id + "' headline");
        Check.optionalText(url, "article '" + id + "' url");
        if (publishedAt != null) {
            LocalDate day = LocalDate.ofInstant(publishedAt, ZoneOffset.UTC);
            if (published == null) {
                published = day;
            } else if (!published.equals(day)) {
                throw new IllegalArgumentException("article '" + id + "': publishedAt " + publishedAt + " falls on "
                        + day + " (UTC), not on the published date " + published);
            }
        }
        Check.date(published, EventTime.EARLIEST, EventTime.LATEST, "article '" + id + "' published date");
    }

    /** An article known by its publication date only (the form before {@code publishedAt} existed). */
    public Article(String id, String outlet, String headline, LocalDate published, String url, String text) {
        this(id, outlet, headline, published, url, text, null);
    }

    /**
     * The moment the time rules count from, in epoch milliseconds: {@code publishedAt}, else the end of the
     * {@code published} day (UTC), else null (no time rule applies).
     */
    public Long publicationMillis() {
        if (publishedAt != null) {
            return publishedAt.toEpochMilli();
        }
        return published == null ? null : published.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }
}
