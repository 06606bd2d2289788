package org.factlint.model;

/** What kind of voice a source is; rules weigh independence and reliability by it. */
public enum SourceKind {
    /** A government, ministry or leader speaking for itself. */
    OFFICIAL,
    /** A press service or spokesperson of an official. */
    PRESS_SERVICE,
    /** Media owned or controlled by a state. */
    STATE_MEDIA,
    INDEPENDENT_MEDIA,
    WIRE_AGENCY,
    /** "Sources said", unnamed officials. */
    ANONYMOUS,
    SOCIAL,
    /** The outlet that published the article, speaking in its own voice. */
    OUTLET,
    /** A newsroom's archive of verified facts. */
    REFERENCE
}
