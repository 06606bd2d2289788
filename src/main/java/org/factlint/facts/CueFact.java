package org.factlint.facts;

import org.factlint.model.CueCategory;

/** A trigger word or phrase of a claim: {@code CueFact(claim == $c.id, category == CueCategory.UNDECIDED)}. */
// Records never change in working memory: property reactivity would buy nothing, and constraints that join
// another pattern's fact would make Drools warn of class reactivity on every compile.
@org.kie.api.definition.type.ClassReactive
public record CueFact(String claim, CueCategory category, String text) {
}
