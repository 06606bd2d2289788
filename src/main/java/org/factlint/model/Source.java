package org.factlint.model;

import java.util.List;
import org.factlint.internal.Check;

/**
 * Who speaks: an agency, a press service, an outlet. Sources with the same {@code party} speak for the same interest
 * (a government and its state news agency) and are never independent of each other.
 */
public record Source(String id, String name, SourceKind kind, String party, List<String> aliases) {
    public Source {
        Check.id(id, "source id");
        Check.text(name, "source '" + id + "' name");
        Check.required(kind, "source '" + id + "' kind");
        Check.optionalText(party, "source '" + id + "' party");
        aliases = Check.list(aliases, "source '" + id + "' aliases");
    }

    public Source(String id, String name, SourceKind kind, String party) {
        this(id, name, kind, party, List.of());
    }
}
