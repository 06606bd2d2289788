package org.factlint.model;

import org.factlint.internal.Check;

/** A trigger word or phrase found in a claim's sentence, e.g. "has not yet officially confirmed". */
public record Cue(String text, CueCategory category) {
    public Cue {
        Check.text(text, "cue text");
        Check.required(category, "cue category");
    }
}
