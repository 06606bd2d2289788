package org.factlint.facts;

import java.util.Set;

/**
 * An entity as rules see it.
 *
 * @param key    folded name key, shared by every spelling and document
 * @param party  folded party key, or null
 * @param groups keys of the groups (classes) it belongs to, e.g. the key of "foreign leader"
 */
public record EntityFact(String key, String name, String party, Set<String> groups) {
}
