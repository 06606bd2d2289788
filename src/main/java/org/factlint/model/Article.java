package org.factlint.model;

import java.time.LocalDate;
import org.factlint.internal.Check;

/**
 * The published piece the claims come from.
 *
 * @param outlet    the id of the source that published it (declared among the document's sources)
 * @param published the publication date, if known, within [{@link EventTime#EARLIEST}, {@link EventTime#LATEST}]
 */
public record Article(String id, String outlet, String headline, LocalDate published, String url, String text) {
    public Article {
        Check.id(id, "article id");
        Check.id(outlet, "article '" + id + "' outlet");
        Check.text(headline, "article '" + id + "' headline");
        Check.optionalText(url, "article '" + id + "' url");
        Check.date(published, EventTime.EARLIEST, EventTime.LATEST, "article '" + id + "' published date");
    }
}
