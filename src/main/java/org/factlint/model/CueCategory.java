package org.factlint.model;

/** What a trigger word or phrase signals about the claim it stands in. */
public enum CueCategory {
    /** "has not yet officially confirmed", "could not verify". */
    NON_CONFIRMATION,
    /** "did not specify whether", "declined to comment". */
    UNSPECIFIED,
    /** "had not yet decided whether", "is weighing". */
    UNDECIDED,
    /** "reportedly", "allegedly", "may". */
    HEDGE,
    /** "it is expected", "plans to", "will". */
    EXPECTATION,
    /** "denied", "rejected reports". */
    DENIAL,
    /** "the only", "the first". */
    EXCLUSIVITY,
    /** Reporting verbs: "said", "reported", "clarified", "according to". */
    ATTRIBUTION,
    /** Vague attribution: "some say", "it is believed". */
    WEASEL,
    /** "definitely", "clearly", "confirmed". */
    BOOSTER
}
