package org.factlint.facts;

/** How a row of the predicate table ({@code lexicon/predicates.csv}) relates a predicate to another term. */
public enum PredicateRelation {
    /** {@code other} is another name of the predicate: claims that use it are read as the predicate. */
    SYNONYM,
    /** {@code other} is a verb form of the predicate ("attended", "took part in"), for the text front end. */
    VERB,
    /** a claim of the predicate also states a claim of {@code other} about the same subject and object. */
    IMPLIES,
    /** a claim of the predicate denies a claim of {@code other} about the same subject and object. */
    OPPOSITE,
    /** the predicate has one value at a time: two values for it contradict ({@code other} is empty). */
    SINGLE_VALUED
}
