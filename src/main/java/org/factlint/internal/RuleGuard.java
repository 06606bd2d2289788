package org.factlint.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.factlint.CheckError;
import org.factlint.facts.ClaimFact;
import org.factlint.facts.CueFact;
import org.factlint.facts.RelationFact;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.ConsequenceException;
import org.kie.api.runtime.rule.Match;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires a session's rules within a firing limit and a time limit, and turns a rule's exception into a
 * {@link CheckError} instead of letting it escape. Not API.
 *
 * <p>The firing limit is Drools' own {@code fireAllRules(max)}. The time limit is a watchdog on one shared daemon
 * thread that calls {@code halt()} (which takes effect between firings) and interrupts the firing thread (which wakes
 * a consequence blocked in a sleep or wait). A consequence spinning on the CPU without end cannot be stopped in Java:
 * rule packs are code and must be trusted (see SECURITY.md).
 */
public final class RuleGuard {
    private static final Logger LOG = LoggerFactory.getLogger(RuleGuard.class);
    private static final ScheduledThreadPoolExecutor WATCHDOG = watchdog();
    /** After this many rule exceptions in one firing, the rest is not worth running. */
    static final int MAX_FAILURES = 100;

    private RuleGuard() {
    }

    private static ScheduledThreadPoolExecutor watchdog() {
        AtomicInteger n = new AtomicInteger();
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "factlint-watchdog-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true); // a cancelled timer must not stay queued: one is made per check
        return executor;
    }

    /** Fires the session's rules; returns what went wrong, empty when they all ran to the end. */
    public static List<CheckError> fire(KieSession session, int maxFirings, Duration timeLimit) {
        Firings firings = new Firings();
        Watchdog watchdog = new Watchdog(session, Thread.currentThread());
        List<CheckError> problems = new ArrayList<>();
        session.addEventListener(firings);
        ScheduledFuture<?> timer = WATCHDOG.schedule(watchdog, timeLimit.toNanos(), TimeUnit.NANOSECONDS);
        long start = System.nanoTime();
        try {
            while (true) {
                // One more than the limit: only a rule pack that needs more than maxFirings is stopped.
                int budget = maxFirings + 1 - firings.total;
                try {
                    session.fireAllRules(budget);
                } catch (ConsequenceException e) {
                    if (watchdog.fired) {
                        break; // a consequence interrupted by the watchdog: a time limit, reported below
                    }
                    problems.add(failed(e, firings));
                    LOG.warn("{}", org.factlint.io.Printable.of(String.valueOf(problems.get(problems.size() - 1))));
                    if (problems.size() >= MAX_FAILURES) {
                        problems.add(new CheckError(CheckError.Kind.RULE_FAILED, problems.get(0).rule(), List.of(),
                                MAX_FAILURES + " rule exceptions in one check: the rules were stopped"));
                        break;
                    }
                    continue; // the failed match is gone from the agenda: the other rules go on
                } catch (RuntimeException e) {
                    // A condition threw: the network may be half-updated, so stop firing here.
                    String rule = firings.current == null ? "?" : firings.current;
                    problems.add(new CheckError(CheckError.Kind.RULE_FAILED, rule, firings.currentClaims(),
                            "rule evaluation failed: " + describe(e) + "; the rules were stopped"));
                    LOG.warn("{}", org.factlint.io.Printable.of(String.valueOf(problems.get(problems.size() - 1))));
                    break;
                } catch (Error e) {
                    // StackOverflowError, OutOfMemoryError, ExceptionInInitializerError...: Drools wraps only
                    // exceptions. The session is given up (its caller disposes it) and the check reports it.
                    String rule = firings.current != null ? firings.current : firings.last;
                    problems.add(new CheckError(CheckError.Kind.RULE_FAILED, rule == null ? "?" : rule,
                            firings.currentClaims(), "rule failed with " + describe(e) + "; the rules were stopped"));
                    LOG.warn("{}", org.factlint.io.Printable.of(String.valueOf(problems.get(problems.size() - 1))));
                    break;
                }
                break;
            }
        } finally {
            watchdog.finish();
            timer.cancel(false);
            session.removeEventListener(firings);
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        if (watchdog.fired) {
            String running = firings.current != null ? firings.current : firings.last;
            String culprit = running != null ? running : firings.mostFired();
            problems.add(new CheckError(CheckError.Kind.TIME_LIMIT, culprit == null ? "?" : culprit,
                    firings.claimsOf(culprit), String.format(Locale.ROOT,
                    "stopped at the time limit of %,d ms after %,d firings (%s); rule \"%s\" was %s",
                    timeLimit.toMillis(), firings.total, firings.top(), culprit,
                    firings.current != null ? "running" : "the last to fire")));
            LOG.warn("{} ({} ms)", org.factlint.io.Printable.of(String.valueOf(problems.get(problems.size() - 1))), ms);
        } else if (firings.total > maxFirings) {
            String culprit = firings.mostFired();
            problems.add(new CheckError(CheckError.Kind.FIRING_LIMIT, culprit, firings.claimsOf(culprit),
                    String.format(Locale.ROOT, "stopped at the firing limit of %,d (%s): the rule probably loops"
                            + " (a modify without no-loop, or rules that activate each other)", maxFirings,
                            firings.top())));
            LOG.warn("{}", org.factlint.io.Printable.of(String.valueOf(problems.get(problems.size() - 1))));
        }
        return problems;
    }

    private static CheckError failed(ConsequenceException e, Firings firings) {
        String rule = e.getRule() == null ? firings.last : e.getRule().getName();
        List<String> claims = e.getMatch() == null ? List.of() : claims(e.getMatch());
        Throwable cause = e.getCause() == null ? e : e.getCause();
        return new CheckError(CheckError.Kind.RULE_FAILED, rule == null ? "?" : rule, claims,
                "threw " + describe(cause) + (claims.isEmpty() ? "" : " on " + String.join(", ", claims)));
    }

    /** "StackOverflowError" or "IllegalStateException: message", the message on one line and cut when long. */
    public static String describe(Throwable t) {
        String m = t.getMessage();
        if (m == null) {
            return t.getClass().getSimpleName();
        }
        m = m.strip().replaceAll("\\s+", " ");
        return t.getClass().getSimpleName() + ": " + (m.length() <= 300 ? m
                : m.substring(0, 300) + "... (" + m.length() + " characters)");
    }

    /** The claims a match is about: claim facts and the claims of cue and relation facts. */
    static List<String> claims(Match match) {
        Set<String> ids = new LinkedHashSet<>();
        for (Object o : match.getObjects()) {
            if (o instanceof ClaimFact c) {
                ids.add(c.id());
            } else if (o instanceof CueFact c) {
                ids.add(c.claim());
            } else if (o instanceof RelationFact r) {
                ids.add(r.from());
            }
        }
        return List.copyOf(ids);
    }

    /** Counts firings per rule and remembers what is firing now; events come on the firing thread. */
    private static final class Firings extends DefaultAgendaEventListener {
        final Map<String, Integer> byRule = new HashMap<>();
        // the matches themselves: their claim ids are only read when something went wrong
        final Map<String, Match> lastMatch = new HashMap<>();
        volatile String current;
        volatile Match currentMatch;
        volatile String last;
        int total;

        @Override
        public void beforeMatchFired(BeforeMatchFiredEvent event) {
            String rule = event.getMatch().getRule().getName();
            total++;
            byRule.merge(rule, 1, Integer::sum);
            lastMatch.put(rule, event.getMatch());
            currentMatch = event.getMatch();
            current = rule;
        }

        @Override
        public void afterMatchFired(AfterMatchFiredEvent event) {
            last = current;
            current = null;
        }

        String mostFired() {
            return byRule.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                    .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                    .map(Map.Entry::getKey).orElse("?");
        }

        List<String> currentClaims() {
            Match m = currentMatch;
            return m == null ? List.of() : claims(m);
        }

        List<String> claimsOf(String rule) {
            Match m = lastMatch.get(rule);
            return m == null ? List.of() : claims(m);
        }

        /** The rules that fired most: "\"loop\" 500,001 times, \"other\" 2 times". */
        String top() {
            return byRule.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                            .thenComparing(Map.Entry.comparingByKey()))
                    .limit(3)
                    .map(e -> String.format(Locale.ROOT, "\"%s\" fired %,d times", e.getKey(), e.getValue()))
                    .collect(Collectors.joining(", "));
        }
    }

    /** Halts the session and wakes the firing thread once the time is up, unless the firing ended first. */
    private static final class Watchdog implements Runnable {
        private final KieSession session;
        private final Thread thread;
        private boolean done;
        volatile boolean fired;

        Watchdog(KieSession session, Thread thread) {
            this.session = session;
            this.thread = thread;
        }

        @Override
        public synchronized void run() {
            if (!done) {
                fired = true;
                session.halt();
                thread.interrupt();
            }
        }

        /** After this returns the watchdog never interrupts; an interrupt it made is cleared. */
        void finish() {
            synchronized (this) {
                done = true;
            }
            if (fired) {
                Thread.interrupted();
            }
        }
    }
}
