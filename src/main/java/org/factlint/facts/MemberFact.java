package org.factlint.facts;

/**
 * An entity belongs to a group ("the Central Asian presidents"), one fact per entity and group, inserted with the
 * entity. Rules that go from a group to its members join on {@code group}, which Drools indexes; asking every
 * {@link EntityFact} whether its {@code groups} contain a key cannot be indexed and costs a scan of all entities.
 *
 * @param member the member entity's key
 * @param group  the group entity's key
 */
// Records never change in working memory: property reactivity would buy nothing, and constraints that join
// another pattern's fact would make Drools warn of class reactivity on every compile.
@org.kie.api.definition.type.ClassReactive
public record MemberFact(String member, String group) {
}
