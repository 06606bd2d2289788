package org.factlint;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.factlint.model.Document;
import org.factlint.model.InvalidDocumentException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks documents against a rule pack. Build one per pack and share it: it is immutable and thread-safe, and each
 * check runs in its own short-lived rules session, always disposed.
 *
 * <pre>{@code
 * Checker checker = Factlint.checker();
 * Report report = checker.check(Factlint.read(Path.of("seeds/moscow-times.claims.json")));
 * report.flags().forEach(f -> System.out.println(f.code() + " " + f.message()));
 * }</pre>
 */
public final class Checker {
    private static final Logger LOG = LoggerFactory.getLogger(Checker.class);
    private final RulePack pack;
    /** Engine listeners for every session (rule coverage in scenario runs); empty in normal use. */
    private final List<org.kie.api.event.rule.AgendaEventListener> listeners;

    static {
        org.factlint.internal.Hooks.install(Checker::new);
    }

    Checker(RulePack pack) {
        this(pack, List.of());
    }

    Checker(RulePack pack, List<org.kie.api.event.rule.AgendaEventListener> listeners) {
        this.pack = pack;
        this.listeners = List.copyOf(listeners);
    }

    /** The rule pack this checker applies. */
    public RulePack pack() {
        return pack;
    }

    /** Checks documents together: contradictions are found between them as well as within each. */
    public Report check(Collection<Document> documents) {
        return check(Batch.of(List.copyOf(documents)));
    }

    public Report check(Document... documents) {
        return check(List.of(documents));
    }

    /**
     * Checks the accepted documents of a batch and carries its rejected inputs into the report. A document that
     * conflicts with an earlier one of the batch (same article id, a source declared differently) is rejected too.
     */
    public Report check(Batch batch) {
        List<InputError> errors = new ArrayList<>(batch.errors());
        int rejected = batch.rejected();
        try (DeskSession desk = new DeskSession(pack, listeners)) {
            for (Document doc : batch.documents()) {
                try {
                    desk.insert(doc);
                } catch (InvalidDocumentException e) {
                    rejected++;
                    String at = "article '" + doc.article().id() + "'";
                    e.problems().forEach(p -> errors.add(new InputError(at, 0, 0, "$." + p.path(), p.message())));
                    LOG.warn("rejected {}: {}", at, e.getMessage());
                }
            }
            desk.fire();
            Report report = new Report(desk.flags(), batch.read(), batch.read() - rejected, rejected, desk.claims(),
                    errors);
            LOG.debug("checked {} documents, {} claims: {} flags", report.accepted(), report.claims(),
                    report.flags().size());
            return report;
        }
    }

    /** Opens a session for claims that arrive over time; close it when done. */
    public DeskSession openDesk() {
        return new DeskSession(pack, listeners);
    }
}
