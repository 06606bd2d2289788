package org.factlint.facts;

import org.factlint.model.CueCategory;

/** A trigger word or phrase of a claim: {@code CueFact(claim == $c.id, category == CueCategory.UNDECIDED)}. */
public record CueFact(String claim, CueCategory category, String text) {
}
