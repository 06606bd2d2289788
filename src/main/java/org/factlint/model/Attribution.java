package org.factlint.model;

import org.factlint.internal.Check;

/**
 * One link of an attribution chain: the source that says it, and the reporting verb used ("reported", "clarified").
 * A claim's chain runs from the outermost reporter to the innermost, whose words the claim is.
 */
public record Attribution(String source, String cue) {
    public Attribution {
        Check.id(source, "attribution source");
        Check.optionalText(cue, "attribution cue");
    }
}
