package org.factlint.facts;

/**
 * A source as it speaks in one article: one fact per article and origin (the source whose own words a claim gives).
 * Rules about how an article declares a source join on it instead of comparing every claim of the article with every
 * other, and each flag names the article's first claim from that source.
 *
 * @param article    the article id
 * @param source     the origin's source id
 * @param firstClaim qualified id of the article's first claim (lowest id) whose origin is {@code source}
 * @param party      the name of the party the article declares the source for, as messages show it (the party
 *                   table's name when it lists the declared one), or null for none
 */
// Records never change in working memory: property reactivity would buy nothing, and constraints that join
// another pattern's fact would make Drools warn of class reactivity on every compile.
@org.kie.api.definition.type.ClassReactive
public record ArticleSource(String article, String source, String firstClaim, String party) {
}
