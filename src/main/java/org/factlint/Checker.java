package org.factlint;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.factlint.internal.FactLoader;
import org.factlint.internal.Partitions;
import org.factlint.model.Document;
import org.factlint.model.InvalidDocumentException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks documents against a rule pack. Build one per pack and share it: it is immutable and thread-safe, and each
 * check runs in its own short-lived rules session, always disposed (a large archive checked with a pack that
 * declares its join keys in {@code joins.csv}, as the bundled pack does, is split into independent parts of about
 * 25,000 claims, checked one session per core at a time).
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
    private final int partitionMinClaims;
    private final int parts;
    /** The clock its sessions run on (Drools' pseudo clock set to it), or null: no clock, no time rule fires. */
    private final java.time.Instant now;

    static {
        org.factlint.internal.Hooks.install(Checker::new);
        org.factlint.internal.Hooks.installFacts((checker, facts, claims) -> checker.checkFacts(facts, claims));
        org.factlint.internal.Hooks.installOneSession((checker, facts, claims) -> {
            Part result = checker.runPart(facts);
            return new Report(result.flags(), 0, 0, 0, claims, List.of(), result.problems());
        });
        org.factlint.internal.Hooks.installSessions(Checker::factSession);
    }

    /** A session facts are added to in steps: a claim store's rounds (see {@code Hooks.FactSession}). */
    private org.factlint.internal.Hooks.FactSession factSession() {
        DeskSession desk = new DeskSession(pack, options, listeners, now);
        List<CheckError> failed = new ArrayList<>();
        return new org.factlint.internal.Hooks.FactSession() {
            @Override
            public boolean insert(List<Object> facts) {
                try {
                    desk.insertFacts(facts);
                    return true;
                } catch (RuntimeException | Error e) {
                    failed.add(RuleLocator.locate(pack, new CheckError(CheckError.Kind.RULE_FAILED, "?", List.of(),
                            "a rule condition threw while loading: " + org.factlint.internal.RuleGuard.describe(e))));
                    return false;
                }
            }

            @Override
            public void fire() {
                desk.fire();
            }

            @Override
            public List<Flag> flags() {
                return desk.flags();
            }

            @Override
            public List<CheckError> problems() {
                List<CheckError> all = new ArrayList<>(failed);
                all.addAll(desk.problems());
                return all;
            }

            @Override
            public void close() {
                desk.close();
            }
        };
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
        this(pack, options, listeners, PARTITION_MIN_CLAIMS, Runtime.getRuntime().availableProcessors());
    }

    /** A checker that splits checks (packs with join keys) of at least {@code partitionMinClaims} claims into {@code parts}. */
    Checker(RulePack pack, CheckerOptions options, List<org.kie.api.event.rule.AgendaEventListener> listeners,
            int partitionMinClaims, int parts) {
        this(pack, options, listeners, partitionMinClaims, parts, null);
    }

    private Checker(RulePack pack, CheckerOptions options, List<org.kie.api.event.rule.AgendaEventListener> listeners,
                    int partitionMinClaims, int parts, java.time.Instant now) {
        this.now = now;
        this.pack = pack;
        this.options = java.util.Objects.requireNonNull(options, "options");
        this.listeners = List.copyOf(listeners);
        this.partitionMinClaims = partitionMinClaims;
        this.parts = parts;
    }

    /** The limits each check runs within. */
    public CheckerOptions options() {
        return options;
    }

    /** A checker for the same pack with other limits. */
    public Checker withOptions(CheckerOptions options) {
        return new Checker(pack, options, listeners, partitionMinClaims, parts, now);
    }

    /**
     * A checker for the same pack whose checks run on the engine's clock set to {@code now} (a Drools pseudo clock):
     * the pack's time rules apply, such as a claim still unconfirmed hours after it was published escalating. A
     * checker without a clock (the default) runs no time rule, so the same documents always give the same flags.
     */
    public Checker at(java.time.Instant now) {
        return new Checker(pack, options, listeners, partitionMinClaims, parts,
                java.util.Objects.requireNonNull(now, "now"));
    }

    /** The clock this checker's checks run on, or null when they run on none. */
    public java.time.Instant now() {
        return now;
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
        // The check runs where it can be abandoned: the time limit halts the rules between firings, but the engine
        // can spend long inside one join (every pair of 50,000 claims about one event); the caller gets its report
        // within twice the limit whatever happens, and a check that overstays is interrupted and left to end alone.
        long claims = batch.documents().stream().mapToLong(d -> d.claims().size()).sum();
        java.time.Duration limit = options.timeLimit(claims).multipliedBy(2);
        java.util.concurrent.Future<Report> running = Abandonable.POOL.submit(() -> checkSafely(batch));
        try {
            long nanos = limit.compareTo(java.time.Duration.ofDays(365)) > 0 ? Long.MAX_VALUE : limit.toNanos();
            return running.get(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            running.cancel(true);
            return failed(batch, new CheckError(CheckError.Kind.TIME_LIMIT, "?", List.of(), String.format(
                    java.util.Locale.ROOT, "the check was abandoned after %,d ms, twice its time limit: the engine was"
                            + " inside one evaluation (a long join) that the limit cannot stop", limit.toMillis())));
        } catch (InterruptedException e) {
            running.cancel(true);
            Thread.currentThread().interrupt();
            return failed(batch, new CheckError(CheckError.Kind.TIME_LIMIT, "?", List.of(),
                    "the check was interrupted"));
        } catch (ExecutionException e) {
            return failed(batch, new CheckError(CheckError.Kind.RULE_FAILED, "?", List.of(),
                    "the check failed: " + org.factlint.internal.RuleGuard.describe(e.getCause())));
        }
    }

    private static Report failed(Batch batch, CheckError problem) {
        LOG.warn("{}", org.factlint.io.Printable.of(String.valueOf(problem)));
        long claims = batch.documents().stream().mapToLong(d -> d.claims().size()).sum();
        return new Report(List.of(), batch.read(), batch.read() - batch.rejected(), batch.rejected(), (int) claims,
                batch.errors(), List.of(problem));
    }

    /** Threads that run checks for their callers, so that a check can be abandoned; made as needed, kept a minute. */
    private static final class Abandonable {
        static final ExecutorService POOL = new java.util.concurrent.ThreadPoolExecutor(0, Integer.MAX_VALUE, 60,
                java.util.concurrent.TimeUnit.SECONDS, new java.util.concurrent.SynchronousQueue<>(), r -> {
                    Thread t = new Thread(r, "factlint-check-runner");
                    t.setDaemon(true);
                    return t;
                });
    }

    private Report checkSafely(Batch batch) {
        try {
            return checkGuarded(batch);
        } catch (RuntimeException | Error e) {
            // Last line: whatever a pack did that the rules' guard could not catch (an Error while a session was
            // made, its table rows inserted or its flags read) is the pack's failure, reported, never thrown.
            CheckError problem = new CheckError(CheckError.Kind.RULE_FAILED, "?", List.of(),
                    "the check failed: " + org.factlint.internal.RuleGuard.describe(e));
            return failed(batch, problem);
        }
    }

    private Report checkGuarded(Batch batch) {
        if (parts >= 2 && pack.joins() != null
                && batch.documents().stream().mapToLong(d -> d.claims().size()).sum() >= partitionMinClaims) {
            return checkInParts(batch);
        }
        List<InputError> errors = new ArrayList<>(batch.errors());
        int rejected = batch.rejected();
        List<CheckError> insertProblems = new ArrayList<>();
        try (DeskSession desk = new DeskSession(pack, options, listeners, now)) {
            desk.preResolve(batch.documents());
            for (Document doc : batch.documents()) {
                try {
                    desk.insert(doc);
                } catch (InvalidDocumentException e) {
                    rejected++;
                    String at = "article '" + doc.article().id() + "'";
                    e.problems().forEach(p -> errors.add(new InputError(at, 0, 0, "$." + p.path(), p.message())));
                    LOG.warn("rejected {}: {}", org.factlint.io.Printable.of(at), org.factlint.io.Printable.of(e.getMessage()));
                } catch (RuntimeException | Error e) {
                    // A rule condition evaluated on insert threw: the pack is at fault, not the document.
                    CheckError problem = new CheckError(CheckError.Kind.RULE_FAILED, "?", List.of(),
                            "a rule condition threw while loading article '" + doc.article().id() + "': "
                                    + org.factlint.internal.RuleGuard.describe(e));
                    insertProblems.add(RuleLocator.locate(pack, problem));
                    LOG.warn("{}", org.factlint.io.Printable.of(String.valueOf(problem)), e);
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

    /**
     * A large batch checked with a pack that declares its join keys: loaded once (names and sources resolve across the whole batch),
     * split into independent parts (claims no rule of the pack can join never share a part), one session per part
     * and core. Same flags as one session; each part runs within the check's limits.
     */
    private Report checkInParts(Batch batch) {
        long start = System.nanoTime();
        List<InputError> errors = new ArrayList<>(batch.errors());
        int rejected = batch.rejected();
        FactLoader loader = new FactLoader(pack.facts());
        loader.preResolve(batch.documents());
        List<Object> facts = new ArrayList<>();
        for (Document doc : batch.documents()) {
            try {
                facts.addAll(loader.load(doc));
            } catch (InvalidDocumentException e) {
                rejected++;
                String at = "article '" + doc.article().id() + "'";
                e.problems().forEach(p -> errors.add(new InputError(at, 0, 0, "$." + p.path(), p.message())));
                LOG.warn("rejected {}: {}", org.factlint.io.Printable.of(at), org.factlint.io.Printable.of(e.getMessage()));
            }
        }
        long loaded = System.nanoTime();
        int claims = loader.claims();
        loader = null; // its name and source tables are not needed by the rules: let them go before the parts run
        Part all = inParts(facts);
        facts = null;
        Report report = new Report(all.flags(), batch.read(), batch.read() - rejected, rejected, claims, errors,
                all.problems());
        LOG.debug("checked {} documents, {} claims: {} flags; load {} ms, split and rules {} ms", report.accepted(),
                report.claims(), report.flags().size(), (loaded - start) / 1_000_000,
                (System.nanoTime() - loaded) / 1_000_000);
        return report;
    }

    /**
     * Checks facts loaded elsewhere (a claim store's stored facts with a new document's): in one session, or in parts
     * as a large batch is. The report counts no documents, only the claims.
     */
    Report checkFacts(List<Object> facts, int claims) {
        Part result = parts >= 2 && pack.joins() != null && claims >= partitionMinClaims
                ? inParts(new ArrayList<>(facts)) : runPart(facts);
        return new Report(result.flags(), 0, 0, 0, claims, List.of(), result.problems());
    }

    /** The facts split by the pack's join keys, one session per part and core; flags and problems merged. */
    private Part inParts(List<Object> facts) {
        long start = System.nanoTime();
        List<List<Object>> split;
        try {
            split = Partitions.split(pack.joins(), facts, parts, PART_MAX_CLAIMS);
        } catch (IllegalArgumentException e) {
            // the pack's joins.csv does not place every fact: one session, as for a pack that declares nothing
            LOG.info("rule pack {} is checked in one session: {}", pack.name(), e.getMessage());
            split = new ArrayList<>(List.of(facts));
        }
        facts = null; // the parts hold every fact now; each part's list goes when its session is done
        long splitAt = System.nanoTime();
        List<Integer> sizes = split.stream().map(List::size).toList();
        // One part per worker at a time: a part's rule state (every join's memory) lives only while it is checked,
        // so a million-claim archive never holds all of it at once. The first parts hold the largest components (the
        // most-reported subjects, whose pairwise joins and flags make the largest rule state): they go last, when the
        // facts of the parts already checked are gone.
        List<Future<Part>> running = new ArrayList<>();
        for (int i = split.size() - 1; i >= 0; i--) {
            List<Object> part = split.get(i);
            split.set(i, null);
            running.add(Workers.POOL.submit(() -> runPart(part)));
        }
        List<Flag> flags = new ArrayList<>();
        List<CheckError> problems = new ArrayList<>();
        try {
            for (Future<Part> f : running) {
                Part p = f.get();
                flags.addAll(p.flags());
                problems.addAll(p.problems());
            }
        } catch (InterruptedException e) {
            running.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking", e);
        } catch (ExecutionException e) {
            // A part failed outside the rules' guard (an Error while its session was made or read): the check
            // reports it and returns what the other parts found; nothing escapes a check.
            running.forEach(f -> f.cancel(true));
            problems.add(new CheckError(CheckError.Kind.RULE_FAILED, "?", List.of(), "a part of the check failed: "
                    + org.factlint.internal.RuleGuard.describe(e.getCause())));
            LOG.warn("{}", org.factlint.io.Printable.of(String.valueOf(problems.get(problems.size() - 1))));
        }
        LOG.debug("{} parts: split {} ms, rules {} ms (parts of {} facts)", split.size(),
                (splitAt - start) / 1_000_000, (System.nanoTime() - splitAt) / 1_000_000, sizes);
        return new Part(flags, problems);
    }

    private record Part(List<Flag> flags, List<CheckError> problems) {
    }

    private Part runPart(List<Object> facts) {
        long start = System.nanoTime();
        try (DeskSession desk = new DeskSession(pack, options, listeners, now)) {
            List<CheckError> problems = new ArrayList<>();
            try {
                desk.insertFacts(facts);
            } catch (RuntimeException | Error e) {
                // A rule condition evaluated on insert threw: the pack is at fault, not the documents.
                CheckError problem = new CheckError(CheckError.Kind.RULE_FAILED, "?", List.of(),
                        "a rule condition threw while loading: " + org.factlint.internal.RuleGuard.describe(e));
                problems.add(RuleLocator.locate(pack, problem));
                LOG.warn("{}", org.factlint.io.Printable.of(String.valueOf(problem)), e);
            }
            long inserted = System.nanoTime();
            problems.addAll(desk.fire());
            long fired = System.nanoTime();
            List<Flag> flags = desk.flags();
            LOG.debug("part of {} facts: insert {} ms, fire {} ms, flags {} ms", facts.size(),
                    (inserted - start) / 1_000_000, (fired - inserted) / 1_000_000, (System.nanoTime() - fired) / 1_000_000);
            return new Part(flags, problems);
        }
    }

    /** Below this many claims a check runs in one session: splitting costs more than it saves. */
    static final int PARTITION_MIN_CLAIMS = 5_000;
    /**
     * Claims per part of a large check, roughly: parts this size keep each session's rule state small enough that the
     * garbage collector need not copy gigabytes of it (at 1M claims in two sessions, half the time was GC pauses).
     */
    static final int PART_MAX_CLAIMS = 25_000;

    /** Daemon threads for the parts of large checks, one per core, started on first use; parts queue for them. */
    private static final class Workers {
        static final ExecutorService POOL = Executors.newFixedThreadPool(
                Runtime.getRuntime().availableProcessors(), r -> {
                    Thread t = new Thread(r, "factlint-check");
                    t.setDaemon(true);
                    return t;
                });
    }

    /** Opens a session for claims that arrive over time; close it when done. */
    public DeskSession openDesk() {
        return new DeskSession(pack, options, listeners, now);
    }
}
