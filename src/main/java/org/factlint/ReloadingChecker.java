package org.factlint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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

    /** How a pack is built from the directory; replaceable in tests to inject faults. */
    interface Loader {
        RulePack load(Path dir) throws IOException;
    }

    private final Path dir;
    private final Loader loader;
    private final AtomicReference<Checker> current;
    private final AtomicReference<RuntimeException> lastError = new AtomicReference<>();
    private final ScheduledExecutorService poller;
    private final Object reloadLock = new Object();
    private volatile Map<String, String> seen;
    private volatile long reloads;

    private final CheckerOptions options;

    private ReloadingChecker(Path dir, Loader loader, Duration interval) throws IOException {
        this(dir, loader, interval, CheckerOptions.defaults());
    }

    private ReloadingChecker(Path dir, Loader loader, Duration interval, CheckerOptions options) throws IOException {
        this.dir = dir;
        this.loader = loader;
        this.options = Objects.requireNonNull(options, "options");
        this.seen = snapshot(dir);
        // Fail fast: the first pack must compile and pass its canary.
        RulePack first = loader.load(dir);
        List<CheckError> problems = canary(first, dir);
        if (!problems.isEmpty()) {
            throw new IllegalStateException(canaryMessage(problems));
        }
        this.current = new AtomicReference<>(new Checker(first, options));
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
     * @throws RulePackException if the pack does not compile now
     * @throws IOException       if the directory cannot be read
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

    /**
     * Runs a freshly compiled pack on the documents of its own scenarios ({@code tests/*.json}) before it may serve:
     * a pack whose rules throw, loop or stall at run time is caught here, not in production. Returns the problems.
     */
    static List<CheckError> canary(RulePack pack, Path dir) throws IOException {
        List<Document> documents = new java.util.ArrayList<>();
        for (Path file : org.factlint.testing.ScenarioFiles.in(dir)) {
            try {
                for (org.factlint.testing.Scenario scenario : org.factlint.testing.ScenarioFiles.read(file)) {
                    scenario.given().forEach(g -> documents.add(g.document()));
                }
            } catch (RuntimeException unreadable) {
                // A broken scenario file is the workbench's business (factlint validate); it does not block a reload.
                LOG.warn("canary: skipping unreadable scenario file {}: {}", file, unreadable.getMessage());
            }
        }
        List<CheckError> problems = new java.util.ArrayList<>();
        Checker candidate = new Checker(pack, CheckerOptions.defaults().withTimeLimit(java.time.Duration.ofSeconds(10)));
        for (Document doc : documents) {
            problems.addAll(candidate.check(doc).problems()); // one by one: scenarios may reuse article ids
        }
        return problems;
    }

    static String canaryMessage(List<CheckError> problems) {
        return "the new rule pack fails at run time on its own scenario documents: " + problems.get(0)
                + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : "");
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
                List<CheckError> problems = canary(pack, dir);
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
        } catch (RuntimeException e) {
            fail(e); // never let the poller die
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

    /** Stops watching; checks may continue on the last pack. */
    @Override
    public void close() {
        poller.shutdownNow();
        try {
            poller.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
