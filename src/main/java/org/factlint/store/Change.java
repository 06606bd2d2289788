package org.factlint.store;

import java.util.List;

/**
 * What adding a document changed.
 *
 * @param article   the article id of the document added
 * @param outcome   whether it was new, replaced an earlier version, or was already stored as it is
 * @param raised    flags raised by this document, each with its time
 * @param retracted flags this document retracted (a confirmation arrived, a correction removed a claim)
 * @param checked   how many documents were checked together: the new one and the stored ones it meets
 */
public record Change(String article, Outcome outcome, List<FlagEvent> raised, List<FlagEvent> retracted, int checked) {
    public Change {
        raised = List.copyOf(raised);
        retracted = List.copyOf(retracted);
    }

    public enum Outcome {
        /** The article was not stored before. */
        ADDED,
        /** Another version of the article was stored: this one replaced it. */
        REPLACED,
        /** The article was stored with this very content: nothing changed. */
        UNCHANGED
    }
}
