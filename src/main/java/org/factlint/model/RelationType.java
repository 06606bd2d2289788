package org.factlint.model;

/** How one claim bears on another. */
public enum RelationType {
    /** The claim asserts the same content as its target. */
    CONFIRMS,
    /** The claim says its target is false. */
    DENIES,
    /** The claim settles an open question its target left (unspecified, undecided). */
    ANSWERS,
    /** The claim leaves its target open: "has not confirmed it", "did not say whether". */
    QUESTIONS
}
