package org.factlint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.factlint.model.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A checker that follows a rule directory: when a file of the pack changes, it recompiles in the background and swaps
 * the new pack in atomically. A pack that fails to compile is not swapped in: the checker keeps serving the last good
 * one, logs the located errors and exposes them as {@link #lastError()} until a later edit compiles. A check in
 * flight always finishes on the pack it started with.
 *
 * <p>Before a new pack may serve, a canary runs it on its own scenarios ({@code tests/*.json}): the pack is refused
 * when it has no rules, when a rule throws, loops or stalls on a scenario's documents, or when a scenario's expected
 * flags are not what it raises. The canary runs on its own thread and catches everything ({@link Error}s too);
 * {@link #close()} stops the poller and the canary.
 *
 * <pre>{@code
 * try (ReloadingChecker checker = ReloadingChecker.watch(Path.of("rules"))) {
 *     Report report = checker.check(batch);       // the current pack, whatever happens to the directory meanwhile
 * }
 * }</pre>
 *
 * The directory is polled (file names and contents; default every 500 ms): portable, and a burst of
 * saves from an editor settles into one reload.
 */
public final class ReloadingChecker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReloadingChecker.class);
    /** The longest a canary may run before the new pack is refused as stalling. */
    static final Duration CANARY_LIMIT = Duration.ofMinutes(2);
    /** Each canary document's check runs within this time limit. */
    private static final Duration CANARY_CHECK_LIMIT = Duration.ofSeconds(10);

    /** How a pack is built from the directory; replaceable in tests to inject faults. */
    interface Loader {
        RulePack load(Path dir) throws IOException;
    }

    private final Path dir;
    private final Loader loader;
    private final AtomicReference<Checker> current;
    private final AtomicReference<RuntimeException> lastError = new AtomicReference<>();
    private final ScheduledExecutorService poller;
    private final ExecutorService canaryThread;
    private final Object reloadLock = new Object();
    private volatile Map<String, String> seen;
    private volatile long reloads;
    private volatile boolean closed;

    private final CheckerOptions options;

    private ReloadingChecker(Path dir, Loader loader, Duration interval) throws IOException {
        this(dir, loader, interval, CheckerOptions.defaults());
    }

    private ReloadingChecker(Path dir, Loader loader, Duration interval, CheckerOptions options) throws IOException {
        this.dir = dir;
        this.loader = loader;
        this.options = Objects.requireNonNull(options, "options");
        this.seen = snapshot(dir);
        this.canaryThread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "factlint-canary " + dir);
            t.setDaemon(true);
            return t;
        });
        try {
            // Fail fast: the first pack must compile and pass its canary.
            RulePack first = loader.load(dir);
            List<String> problems = runCanary(first);
            if (!problems.isEmpty()) {
                throw new IllegalStateException(canaryMessage(problems));
            }
            this.current = new AtomicReference<>(new Checker(first, options));
        } catch (IOException | RuntimeException | Error e) {
            canaryThread.shutdownNow();
            throw e;
        }
        this.poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "factlint-reload " + dir);
            t.setDaemon(true);
            return t;
        });
        long ms = interval.toMillis();
        poller.scheduleWithFixedDelay(this::poll, ms, ms, TimeUnit.MILLISECONDS);
    }

    /**
     * Watches a checked pack directory (see {@link Trust#CHECKED}), polling every 500 ms.
     *
     * @throws RulePackException     if the pack does not compile now
     * @throws IllegalStateException if the pack fails its own scenarios now (see the class comment)
     * @throws IOException           if the directory cannot be read
     */
    public static ReloadingChecker watch(Path dir) throws IOException {
        return watch(dir, Trust.CHECKED, Duration.ofMillis(500));
    }

    /** Watches a pack directory of the given trust, polling at {@code interval}. */
    public static ReloadingChecker watch(Path dir, Trust trust, Duration interval) throws IOException {
        Objects.requireNonNull(trust, "trust");
        return new ReloadingChecker(dir, d -> RulePack.load(d, trust), interval);
    }

    /** Watches a pack directory of the given trust, polling at {@code interval}; checks run within {@code options}. */
    public static ReloadingChecker watch(Path dir, Trust trust, Duration interval, CheckerOptions options)
            throws IOException {
        Objects.requireNonNull(trust, "trust");
        return new ReloadingChecker(dir, d -> RulePack.load(d, trust), interval, options);
    }

    static ReloadingChecker watch(Path dir, Loader loader, Duration interval) throws IOException {
        return new ReloadingChecker(dir, loader, interval);
    }

    /** The canary on its own thread, within {@link #CANARY_LIMIT}; whatever it throws is a reason to refuse. */
    private List<String> runCanary(RulePack pack) {
        Future<List<String>> run;
        try {
            run = canaryThread.submit(() -> canary(pack, dir, () -> closed));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            return List.of("the checker is closed");
        }
        try {
            return run.get(CANARY_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            run.cancel(true);
            return List.of("the new rule pack's canary did not finish within " + CANARY_LIMIT.toSeconds()
                    + " s on its own scenarios: it stalls");
        } catch (ExecutionException e) {
            return List.of("the new rule pack's canary failed: " + org.factlint.internal.RuleGuard.describe(
                    e.getCause()));
        } catch (InterruptedException e) {
            run.cancel(true);
            Thread.currentThread().interrupt();
            return List.of("interrupted while the canary ran");
        } catch (java.util.concurrent.CancellationException e) {
            return List.of("the canary was stopped");
        }
    }

    /**
     * Runs a freshly compiled pack on its own scenarios ({@code tests/*.json}) before it may serve: a pack with no
     * rules, whose rules throw, loop or stall on the scenarios' documents, or whose scenarios fail their expectations
     * is caught here, not in production. Returns the reasons to refuse it, empty when it may serve.
     */
    static List<String> canary(RulePack pack, Path dir, java.util.function.BooleanSupplier stop) throws IOException {
        if (pack.rules().isEmpty()) {
            return List.of("the new rule pack has no rules: it would answer every check with no flags");
        }
        return canary(pack, CanaryFiles.collect(dir, false), stop);
    }

    /**
     * The canary on files read before (by the caller of an isolated checker, whose child cannot read the pack's
     * directory): the same checks as {@link #canary(RulePack, Path, java.util.function.BooleanSupplier)}.
     */
    static List<String> canary(RulePack pack, CanaryFiles files, java.util.function.BooleanSupplier stop) {
        if (pack.rules().isEmpty()) {
            return List.of("the new rule pack has no rules: it would answer every check with no flags");
        }
        List<String> refusals = new ArrayList<>(files.refusals());
        List<org.factlint.testing.Scenario> scenarios = files.scenarios(refusals);
        List<Batch> given = new ArrayList<>();
        List<List<String>> missing = new ArrayList<>();
        for (org.factlint.testing.Scenario scenario : scenarios) {
            List<String> problems = new ArrayList<>();
            given.add(files.given(pack, scenario, problems));
            missing.add(problems);
        }
        Path dir = Path.of(files.dir());
        // Run-time failures first: each scenario's documents, one scenario at a time (scenarios reuse article ids).
        Checker candidate = new Checker(pack, CheckerOptions.defaults().withTimeLimit(CANARY_CHECK_LIMIT));
        for (Batch batch : given) {
            if (stop.getAsBoolean()) {
                return List.of("the canary was stopped");
            }
            for (CheckError problem : candidate.check(batch).problems()) {
                refusals.add(RUN_TIME + problem);
            }
        }
        if (refusals.isEmpty()) {
            org.factlint.testing.ScenarioRunner runner = new org.factlint.testing.ScenarioRunner(pack);
            for (int i = 0; i < scenarios.size(); i++) {
                if (stop.getAsBoolean()) {
                    return List.of("the canary was stopped");
                }
                org.factlint.testing.Scenario scenario = scenarios.get(i);
                org.factlint.testing.ScenarioResult result = runner.run(scenario, given.get(i));
                List<String> problems = new ArrayList<>(missing.get(i));
                problems.addAll(result.problems());
                if (!result.passed() || !problems.isEmpty()) {
                    refusals.add("the new rule pack fails its own scenario '" + result.name() + "' ("
                            + dir.relativize(scenario.file()) + "): " + String.join("; ", problems)
                            + (result.diff().isEmpty() ? "" : " " + String.join(" ", result.diff()).strip()));
                }
            }
        }
        return refusals;
    }

    private static final String RUN_TIME = "the new rule pack fails at run time on its own scenario documents: ";

    static String canaryMessage(List<String> problems) {
        return problems.get(0) + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : "");
    }

    /** The checker of the current pack; keep it for a series of checks that must see one pack. */
    public Checker current() {
        return current.get();
    }

    /** The pack now served. */
    public RulePack pack() {
        return current.get().pack();
    }

    /** Checks on the current pack; a reload during the check does not affect it. */
    public Report check(Batch batch) {
        return current.get().check(batch);
    }

    public Report check(Collection<Document> documents) {
        return current.get().check(documents);
    }

    /** A desk session on the current pack; it keeps that pack for its whole life. */
    public DeskSession openDesk() {
        return current.get().openDesk();
    }

    /**
     * Why the latest reload failed ({@link RulePackException} with located problems, or an {@link UncheckedIOException}),
     * or empty when the pack served is the directory's latest state.
     */
    public Optional<RuntimeException> lastError() {
        return Optional.ofNullable(lastError.get());
    }

    /** How many packs were swapped in since the start. */
    public long reloads() {
        return reloads;
    }

    /**
     * Checks the directory now and reloads if it changed, on the caller's thread; returns true if a new pack was
     * swapped in. The background poller calls the same.
     */
    public boolean reloadIfChanged() {
        if (closed) {
            return false;
        }
        synchronized (reloadLock) {
            Map<String, String> now;
            try {
                now = snapshot(dir);
            } catch (IOException | UncheckedIOException e) {
                fail(new UncheckedIOException("cannot list rule directory " + dir + ": " + e.getMessage(),
                        e instanceof IOException io ? io : ((UncheckedIOException) e).getCause()));
                return false;
            }
            if (now.equals(seen)) {
                return false;
            }
            try {
                RulePack pack = loader.load(dir);
                List<String> problems = runCanary(pack);
                if (closed) {
                    return false;
                }
                if (!problems.isEmpty()) {
                    seen = now; // not retried until the next edit
                    fail(new IllegalStateException(canaryMessage(problems)));
                    return false;
                }
                current.set(new Checker(pack, options));
                seen = now;
                reloads++;
                lastError.set(null);
                LOG.info("reloaded rule pack {}: {} rules", dir, pack.rules().size());
                return true;
            } catch (RulePackException e) {
                seen = now; // the same broken state is not recompiled on every poll; the next edit is
                fail(e);
                return false;
            } catch (NoSuchFileException e) {
                // A file vanished between listing and reading (an editor's save, a checkout): try again next poll.
                fail(new UncheckedIOException("rule file removed during reload: " + e.getFile(), e));
                return false;
            } catch (IOException | UncheckedIOException e) {
                fail(e instanceof UncheckedIOException u ? u : new UncheckedIOException((IOException) e));
                return false;
            } catch (RuntimeException | Error e) {
                // The compiler itself failed (or ran out of memory): the pack is refused like any broken one.
                seen = now;
                fail(new IllegalStateException("the new rule pack could not be loaded: "
                        + org.factlint.internal.RuleGuard.describe(e), e));
                return false;
            }
        }
    }

    private void fail(RuntimeException e) {
        lastError.set(e);
        LOG.error("rule pack {} not reloaded, still serving the previous pack: {}", dir, e.getMessage());
    }

    private void poll() {
        try {
            reloadIfChanged();
        } catch (Throwable e) { // never let the poller die: a scheduled task that throws is never run again
            fail(e instanceof RuntimeException r ? r : new IllegalStateException(
                    "reload failed: " + org.factlint.internal.RuleGuard.describe(e), e));
        }
    }

    /** Name, size and content hash of each pack file: what a reload depends on (modification times can tie). */
    private static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> snap = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                String name = p.getFileName().toString();
                if (Files.isRegularFile(p) && (name.endsWith(".drl") || name.endsWith(".csv"))
                        && !dir.relativize(p).startsWith("tests")) {
                    try {
                        snap.put(dir.relativize(p).toString(), Files.size(p) + "#" + java.util.Arrays.hashCode(Files.readAllBytes(p)));
                    } catch (NoSuchFileException gone) {
                        // removed while listing: absent from this snapshot
                    }
                }
            }
        }
        return snap;
    }

    /**
     * Stops watching and stops a canary that is running (its pack is not swapped in); checks may continue on the last
     * pack. A canary stuck inside one rule firing of a trusted pack cannot be stopped by Java: it is left on its daemon
     * thread, logged, and its result is discarded.
     */
    @Override
    public void close() {
        closed = true;
        poller.shutdownNow();
        canaryThread.shutdownNow();
        try {
            poller.awaitTermination(5, TimeUnit.SECONDS);
            if (!canaryThread.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("closed the watch of {}, but its canary is stuck inside a rule and goes on on a daemon thread",
                        dir);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
