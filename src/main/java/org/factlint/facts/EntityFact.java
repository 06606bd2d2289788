package org.factlint.facts;

import java.util.Set;

/**
 * An entity as rules see it.
 *
 * @param key    folded name key, shared by every spelling and document
 * @param party  folded party key, or null
 * @param groups keys of the groups (classes) it belongs to, e.g. the key of "foreign leader"
 */
// Records never change in working memory: property reactivity would buy nothing, and constraints that join
// another pattern's fact would make Drools warn of class reactivity on every compile.
@org.kie.api.definition.type.ClassReactive
public record EntityFact(String key, String name, String party, Set<String> groups) {
}
