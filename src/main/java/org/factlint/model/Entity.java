package org.factlint.model;

import java.util.List;
import org.factlint.internal.Check;

/**
 * A person, body, place or event that claims are about. Names match across documents after folding case,
 * diacritics and common transliteration variants ({@code Berdimuhamedov} = {@code Berdymukhammedov}).
 *
 * @param party  the interest the entity belongs to or leads ("Turkmenistan"), compared with {@link Source#party()}
 * @param groups classes the entity belongs to ("foreign-leader"), for claims about a whole class
 */
public record Entity(String id, String name, List<String> aliases, String party, List<String> groups) {
    public Entity {
        Check.id(id, "entity id");
        Check.text(name, "entity '" + id + "' name");
        aliases = Check.list(aliases, "entity '" + id + "' aliases");
        Check.optionalText(party, "entity '" + id + "' party");
        groups = Check.list(groups, "entity '" + id + "' groups");
    }

    public Entity(String id, String name) {
        this(id, name, List.of(), null, List.of());
    }
}
