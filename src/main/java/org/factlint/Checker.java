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
 * <p>A check never lets a rule pack's failure escape: a rule that loops, runs past the {@link CheckerOptions} limits
 * or throws is stopped, named in {@link Report#problems()}, and the next check runs as usual.
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
    private final CheckerOptions options;
    /** Engine listeners for every session (rule coverage in scenario runs); empty in normal use. */
    private final List<org.kie.api.event.rule.AgendaEventListener> listeners;

    static {
        org.factlint.internal.Hooks.install(Checker::new);
    }

    Checker(RulePack pack) {
        this(pack, CheckerOptions.defaults(), List.of());
    }

    Checker(RulePack pack, List<org.kie.api.event.rule.AgendaEventListener> listeners) {
        this(pack, CheckerOptions.defaults(), listeners);
    }

    Checker(RulePack pack, CheckerOptions options) {
        this(pack, options, List.of());
    }

    Checker(RulePack pack, CheckerOptions options, List<org.kie.api.event.rule.AgendaEventListener> listeners) {
        this.pack = pack;
        this.options = java.util.Objects.requireNonNull(options, "options");
        this.listeners = List.copyOf(listeners);
    }

    /** The limits each check runs within. */
    public CheckerOptions options() {
        return options;
    }

    /** A checker for the same pack with other limits. */
    public Checker withOptions(CheckerOptions options) {
        return new Checker(pack, options, listeners);
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
        List<CheckError> insertProblems = new ArrayList<>();
        try (DeskSession desk = new DeskSession(pack, options, listeners)) {
            desk.preResolve(batch.documents());
            for (Document doc : batch.documents()) {
                try {
                    desk.insert(doc);
                } catch (InvalidDocumentException e) {
                    rejected++;
                    String at = "article '" + doc.article().id() + "'";
                    e.problems().forEach(p -> errors.add(new InputError(at, 0, 0, "$." + p.path(), p.message())));
                    LOG.warn("rejected {}: {}", at, e.getMessage());
                } catch (RuntimeException e) {
                    // A rule condition evaluated on insert threw: the pack is at fault, not the document.
                    CheckError problem = new CheckError(CheckError.Kind.RULE_FAILED, "?", List.of(),
                            "a rule condition threw while loading article '" + doc.article().id() + "': "
                                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
                    insertProblems.add(problem);
                    LOG.warn("{}", problem, e);
                }
            }
            List<CheckError> problems = new ArrayList<>(insertProblems);
            problems.addAll(desk.fire());
            Report report = new Report(desk.flags(), batch.read(), batch.read() - rejected, rejected, desk.claims(),
                    errors, problems);
            LOG.debug("checked {} documents, {} claims: {} flags", report.accepted(), report.claims(),
                    report.flags().size());
            return report;
        }
    }

    /** Opens a session for claims that arrive over time; close it when done. */
    public DeskSession openDesk() {
        return new DeskSession(pack, options, listeners);
    }
}
