package org.factlint;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.factlint.io.DocumentWriter;
import org.factlint.io.Json;
import org.factlint.io.Printable;
import org.factlint.model.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A checker whose rule pack is compiled and run in a child JVM, for packs one does not trust at all (a
 * {@link Trust#TRUSTED} pack from outside, or a checked one whose denial of service must not reach the caller). The
 * child runs on the same {@code java} with a heap cap ({@link Isolation#memoryMegabytes()}), an empty environment and
 * no system properties of the caller; claims go in and flags come out as JSON over its standard input and output.
 * A check that runs past its wall-clock limit ({@link Isolation#timeLimit(long)}) is ended by killing the child; a
 * child that runs out of memory ends itself. Either way the caller gets a report with a problem that says so, and the
 * next check starts a new child (the pack is sent again, as read when this checker was made).
 *
 * <pre>{@code
 * try (IsolatedChecker checker = Factlint.isolated(Path.of("their-rules"), Trust.TRUSTED, Isolation.defaults())) {
 *     Report report = checker.check(Factlint.read(Path.of("claims.json")));
 * }
 * }</pre>
 *
 * <p>Thread-safe: checks from several threads wait for each other (one child serves one check at a time). Close it
 * to end the child.
 */
public final class IsolatedChecker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IsolatedChecker.class);
    /** HotSpot's exit status after {@code -XX:+ExitOnOutOfMemoryError}. */
    static final int OUT_OF_MEMORY_EXIT = 3;
    private static final ScheduledExecutorService KILLER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "factlint-isolated-killer");
        t.setDaemon(true);
        return t;
    });

    private final String name;
    private final Map<String, String> files; // null: the bundled pack
    private final Trust trust;
    private final Isolation isolation;
    private final Containment containment;
    /**
     * The pack's scenario files and their documents, read here and sent to the first child for its canary (restarts
     * serve the pack the canary passed); or null.
     */
    private CanaryFiles canary;
    private final ObjectMapper json = Json.mapper();
    private Child child;
    private int rules;
    private int starts;
    private boolean closed;

    private IsolatedChecker(String name, Map<String, String> files, Trust trust, Isolation isolation,
                            Containment containment) {
        this.name = name;
        this.files = files;
        this.trust = trust;
        this.isolation = isolation;
        this.containment = containment;
    }

    /** Starts a child JVM for the pack in {@code dir}; throws {@link RulePackException} when it does not compile. */
    static IsolatedChecker start(Path dir, Trust trust, Isolation isolation) throws IOException {
        return start(dir, trust, isolation, Containment.best());
    }

    /** The same, in the containment given (a test's, with a step made to fail). */
    static IsolatedChecker start(Path dir, Trust trust, Isolation isolation, Containment containment)
            throws IOException {
        refuseWeaker(isolation, containment);
        if (!java.nio.file.Files.isDirectory(dir)) {
            throw new IOException("rule pack directory '" + dir + "' does not exist or is not a directory");
        }
        IsolatedChecker checker = new IsolatedChecker(dir.toString(), RulePack.readFiles(dir), trust, isolation,
                containment);
        checker.canary = isolation.canary() ? CanaryFiles.collect(dir, true) : null;
        return start(checker);
    }

    /** Starts a child JVM for the bundled pack. */
    static IsolatedChecker bundled(Isolation isolation) {
        Containment containment = Containment.best();
        refuseWeaker(isolation, containment);
        return start(new IsolatedChecker("bundled", null, Trust.TRUSTED, isolation, containment));
    }

    /**
     * Refuses, in one line, to run a child in less containment than the caller asked for
     * ({@link Isolation#minimumContainment()}): never silently none.
     */
    private static void refuseWeaker(Isolation isolation, Containment containment) {
        if (containment.level().compareTo(isolation.minimumContainment()) < 0) {
            throw new IllegalStateException("isolated mode needs OS containment " + isolation.minimumContainment()
                    + " or better, and this machine offers " + containment.level() + ": " + containment.describe()
                    + "; accept less with Isolation.withMinimumContainment(ContainmentLevel." + containment.level()
                    + ") (--containment=" + containment.level().name().toLowerCase(Locale.ROOT).replace('_', '-')
                    + ")");
        }
        if (containment.level() != ContainmentLevel.EMPTY_ROOT) {
            LOG.info("isolated checker runs with weaker containment ({}): {}", containment.level(),
                    containment.describe());
        }
    }

    private static IsolatedChecker start(IsolatedChecker checker) {
        synchronized (checker) {
            checker.child = checker.spawn();
        }
        return checker;
    }

    /**
     * What the child runs in besides its JVM limits: on Linux with user and network namespaces, "no network,
     * read-only file systems, no capabilities (...)"; elsewhere a sentence saying there is no OS containment.
     */
    public String containment() {
        return containment.describe();
    }

    /** The OS containment the child runs in: the best this machine offers, at least the caller's minimum. */
    public ContainmentLevel containmentLevel() {
        return containment.level();
    }

    /** The limits of the child. */
    public Isolation isolation() {
        return isolation;
    }

    /** Rules in the pack, as the child compiled it. */
    public synchronized int rules() {
        return rules;
    }

    /** How many child JVMs were started: 1, and one more after each that was killed or died. */
    public synchronized int starts() {
        return starts;
    }

    /** The process id of the child serving checks now, or -1 when none is running. */
    synchronized long pid() {
        return child != null && child.process.isAlive() ? child.process.pid() : -1;
    }

    public Report check(Collection<Document> documents) {
        return check(Batch.of(List.copyOf(documents)));
    }

    public Report check(Document... documents) {
        return check(List.of(documents));
    }

    /**
     * Checks the accepted documents of a batch in the child. Nothing the pack does escapes: a child killed at its
     * time limit gives a {@link CheckError.Kind#TIME_LIMIT} problem, one that ran out of memory or died a
     * {@link CheckError.Kind#RULE_FAILED} problem; the report then has no flags, and the next check starts a new child.
     */
    public synchronized Report check(Batch batch) {
        if (closed) {
            throw new IllegalStateException("this isolated checker is closed");
        }
        if (child == null || !child.process.isAlive()) {
            try {
                child = spawn();
            } catch (RuntimeException e) {
                return failed(batch, CheckError.Kind.RULE_FAILED, "the isolated checker could not start again: "
                        + e.getMessage());
            }
        }
        Child c = child;
        long claims = batch.documents().stream().mapToLong(d -> d.claims().size()).sum();
        Duration limit = isolation.timeLimit(claims);
        ScheduledFuture<?> kill = c.killAfter(limit);
        String answer = null;
        try {
            c.send(json.writeValueAsString(new IsolatedChild.Request(batch.documents().size())));
            for (Document d : batch.documents()) {
                c.send(DocumentWriter.jsonLine(d));
            }
            c.flush();
            answer = c.receive();
        } catch (IOException e) {
            LOG.debug("isolated checker {}: {}", c.process.pid(), e.toString());
        } finally {
            kill.cancel(false);
        }
        if (answer != null) {
            try {
                Report inChild = json.readValue(answer, Report.class);
                if (inChild.problems().stream().anyMatch(p -> p.message().startsWith("the check was abandoned"))) {
                    // the abandoned evaluation still holds a core in the child: start afresh for the next check
                    c.kill();
                    child = null;
                }
                return merged(batch, inChild);
            } catch (IOException | RuntimeException e) {
                c.kill();
                child = null;
                return failed(batch, CheckError.Kind.RULE_FAILED, "the isolated checker sent a reply that is not a"
                        + " report (" + Printable.of(String.valueOf(e.getMessage())) + "); it was stopped");
            }
        }
        // The child is gone: killed at the limit, out of memory, or it died.
        child = null;
        int exit = c.kill();
        if (c.killed) {
            return failed(batch, CheckError.Kind.TIME_LIMIT, String.format(Locale.ROOT, "the isolated check was killed"
                    + " after %,d ms, its wall-clock limit (Isolation.timeLimit); a new child JVM serves the next"
                    + " check", limit.toMillis()));
        }
        if (exit == OUT_OF_MEMORY_EXIT) {
            return failed(batch, CheckError.Kind.RULE_FAILED, "the isolated check ran out of " + memory(c)
                    + " and its JVM ended; a new one serves the next check");
        }
        return failed(batch, CheckError.Kind.RULE_FAILED, "the isolated checker's JVM ended with exit code " + exit
                + c.lastWords() + "; a new one serves the next check");
    }

    /** Which memory a child that ended out of memory ran out of, from its last words (HotSpot names it). */
    private String memory(Child c) {
        return c.said("Metaspace") ? String.format(Locale.ROOT, "metaspace (the child JVM's class"
                + " metadata is capped at %,d MB, Isolation.metaspaceMegabytes)", isolation.metaspaceMegabytes())
                : String.format(Locale.ROOT, "memory (the child JVM's heap is capped at %,d MB,"
                + " Isolation.memoryMegabytes)", isolation.memoryMegabytes());
    }

    /** The child's report of the documents it was sent, with the batch's own rejected inputs. */
    private static Report merged(Batch batch, Report inChild) {
        List<InputError> errors = new ArrayList<>(batch.errors());
        errors.addAll(inChild.errors());
        int rejected = batch.rejected() + inChild.rejected();
        return new Report(inChild.flags(), batch.read(), batch.read() - rejected, rejected, inChild.claims(), errors,
                inChild.problems());
    }

    private static Report failed(Batch batch, CheckError.Kind kind, String message) {
        CheckError problem = new CheckError(kind, "?", List.of(), message);
        LOG.warn("{}", problem);
        long claims = batch.documents().stream().mapToLong(d -> d.claims().size()).sum();
        return new Report(List.of(), batch.read(), batch.read() - batch.rejected(), batch.rejected(), (int) claims,
                batch.errors(), List.of(problem));
    }

    /** Ends the child (closing its input lets it exit; it is killed if it does not within a second). */
    @Override
    public synchronized void close() {
        closed = true;
        if (child != null) {
            child.close();
            child = null;
        }
    }

    /** Starts a child and sends it the pack; it answers when the pack is compiled. */
    private Child spawn() {
        long begin = System.nanoTime();
        Child c;
        try {
            c = new Child(command());
        } catch (IOException e) {
            throw new IllegalStateException("cannot start a JVM for the isolated checker: " + e.getMessage(), e);
        }
        starts++;
        ScheduledFuture<?> kill = c.killAfter(isolation.startLimit());
        String answer = null;
        try {
            CheckerOptions o = isolation.options();
            c.send(json.writeValueAsString(new IsolatedChild.Start(name, files == null, files == null ? Map.of() : files,
                    trust, o.maxFirings(), o.timeLimit().toNanos(), o.firingsPerClaim(), o.timePerClaim().toNanos(),
                    canary == null ? null : canary.header())));
            if (canary != null) {
                for (Map.Entry<String, byte[]> f : canary.files().entrySet()) {
                    c.send(json.writeValueAsString(new CanaryFiles.File(f.getKey(), f.getValue())));
                }
            }
            c.flush();
            answer = c.receive();
        } catch (IOException e) {
            LOG.debug("isolated checker {}: {}", c.process.pid(), e.toString());
        } finally {
            kill.cancel(false);
        }
        IsolatedChild.Started started = null;
        if (answer != null) {
            try {
                started = json.readValue(answer, IsolatedChild.Started.class);
            } catch (IOException e) {
                LOG.debug("isolated checker {}: not an answer: {}", c.process.pid(), e.toString());
            }
        }
        if (started != null && started.problems().isEmpty() && started.failure() == null
                && started.canary().isEmpty()) {
            rules = started.rules();
            canary = null; // passed: a restart after a crash serves the same pack without running it again
            LOG.info("rule pack {}: {} rules, checked in an isolated JVM (pid {}, heap {} MB, started in {} ms)", name,
                    rules, c.process.pid(), isolation.memoryMegabytes(), (System.nanoTime() - begin) / 1_000_000);
            return c;
        }
        int exit = c.kill();
        if (started != null && !started.problems().isEmpty()) {
            throw new RulePackException(name, started.problems());
        }
        if (started != null && !started.canary().isEmpty()) {
            throw new RulePackException(name, started.canary().stream()
                    .map(r -> new RuleProblem("", 0, 0, "canary in the isolated JVM: " + r)).toList());
        }
        String why = started != null ? "the pack failed to load: " + started.failure()
                : c.killed ? String.format(Locale.ROOT, "the isolated JVM did not compile the pack within %,d ms"
                        + " (Isolation.startLimit) and was killed", isolation.startLimit().toMillis())
                : exit == OUT_OF_MEMORY_EXIT ? "the isolated JVM ran out of " + memory(c) + " while compiling the"
                        + " pack or running its canary"
                : "the isolated JVM ended with exit code " + exit + " before the pack was compiled" + c.lastWords();
        throw new RulePackException(name, List.of(new RuleProblem("", 0, 0, why)));
    }

    /** The same {@code java}, a heap cap, the caller's class path, and nothing else of the caller's. */
    private List<String> command() {
        // no network, read-only file systems, where possible; not even the pack's directory (its canary is sent)
        List<String> cmd = new ArrayList<>(containment.prefix());
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx" + isolation.memoryMegabytes() + "m");
        cmd.add("-XX:MaxMetaspaceSize=" + isolation.metaspaceMegabytes() + "m");
        cmd.add("-XX:-UsePerfData"); // no hsperfdata file: the child may have no writable file system
        cmd.add("-XX:+UseSerialGC"); // a small heap on a shared machine: no parallel collector threads
        // C1 only: a child mostly compiles a pack and checks article-sized batches, where C2's compile threads cost
        // more than they give (measured on 2 loaded cores: start 7.5-9 s against 12-16 s, a seed check 0.6-0.9 s
        // against 1.8-2.4 s)
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-XX:+ExitOnOutOfMemoryError"); // out of memory ends the child at once, whatever catches the Error
        cmd.add("-XX:+DisplayVMOutputToStderr"); // the JVM's own messages stay off the protocol stream
        cmd.add("-Dfile.encoding=UTF-8");
        // slf4j-simple (the CLI's and the tests' backend) would log to the caller's log file: the child logs to its
        // standard error instead, which the caller relays to its own log at debug level
        cmd.add("-Dorg.slf4j.simpleLogger.logFile=System.err");
        cmd.add("-cp");
        cmd.add(Containment.classPath()); // absolute: a contained child runs in / of its own root
        cmd.add(IsolatedChild.class.getName());
        return cmd;
    }

    /** One child JVM, its protocol streams and the last lines of its standard error. */
    private static final class Child {
        final Process process;
        final BufferedWriter in;
        final BufferedReader out;
        final Deque<String> lastErr = new ArrayDeque<>();
        final Thread drain;
        volatile boolean killed;

        Child(List<String> command) throws IOException {
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().clear(); // no secrets of the caller's environment reach the pack
            process = builder.start();
            in = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
            out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            drain = new Thread(this::drainErr, "factlint-isolated-stderr-" + process.pid());
            drain.setDaemon(true);
            drain.start();
        }

        private void drainErr() {
            try (BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = err.readLine()) != null; ) {
                    String shown = Printable.of(line.length() > 300 ? line.substring(0, 300) + "..." : line);
                    LOG.debug("isolated checker {}: {}", process.pid(), shown);
                    synchronized (lastErr) {
                        lastErr.addLast(shown);
                        if (lastErr.size() > 3) {
                            lastErr.removeFirst();
                        }
                    }
                }
            } catch (IOException e) {
                // the child is gone
            }
        }

        /** Whether one of the child's last lines on standard error contains {@code word}. */
        boolean said(String word) {
            synchronized (lastErr) {
                return lastErr.stream().anyMatch(l -> l.contains(word));
            }
        }

        /** The child's last line on standard error, for a message. */
        String lastWords() {
            synchronized (lastErr) {
                return lastErr.isEmpty() ? "" : " (it said: " + lastErr.peekLast() + ")";
            }
        }

        ScheduledFuture<?> killAfter(Duration limit) {
            long nanos = limit.compareTo(Duration.ofDays(365)) > 0 ? Duration.ofDays(365).toNanos() : limit.toNanos();
            return KILLER.schedule(() -> {
                killed = true;
                destroyTree();
            }, nanos, TimeUnit.NANOSECONDS);
        }

        void send(String line) throws IOException {
            in.write(line);
            in.write('\n');
        }

        void flush() throws IOException {
            in.flush();
        }

        /** The next protocol line, or null when the child's output ended. */
        String receive() throws IOException {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith(IsolatedChild.PREFIX)) {
                    return line.substring(IsolatedChild.PREFIX.length());
                }
                LOG.debug("isolated checker {} printed: {}", process.pid(),
                        Printable.of(line.length() > 300 ? line.substring(0, 300) + "..." : line));
            }
            return null;
        }

        /**
         * Kills the child and every process under it: a contained child's JVM runs under {@code unshare --fork},
         * which a kill of the process alone would leave running (it has changed user, so no parent-death signal).
         */
        void destroyTree() {
            List<ProcessHandle> below = process.descendants().toList(); // before the parent dies and they move
            process.destroyForcibly();
            below.forEach(ProcessHandle::destroyForcibly);
        }

        /** Kills the child and waits for it; its exit status (the status it had, if it had already ended). */
        int kill() {
            if (process.isAlive()) {
                destroyTree();
            }
            try {
                int exit = process.waitFor();
                drain.join(2_000); // its last words (out of memory: which memory) are read before they are asked for
                return exit;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }

        void close() {
            try {
                in.close();
                if (!process.waitFor(1, TimeUnit.SECONDS)) {
                    destroyTree();
                    process.waitFor(5, TimeUnit.SECONDS);
                }
            } catch (IOException e) {
                destroyTree();
            } catch (InterruptedException e) {
                destroyTree();
                Thread.currentThread().interrupt();
            }
        }
    }
}
