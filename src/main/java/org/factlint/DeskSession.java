package org.factlint;

import java.util.ArrayList;
import java.util.List;
import org.factlint.internal.FactLoader;
import org.factlint.internal.RuleGuard;
import org.factlint.model.Document;
import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.KieSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running check for claims that arrive over time. Flags follow the evidence: a flag raised on an unconfirmed claim
 * goes away when an independent source confirms it, and an "unresolved" flag goes away when a later claim answers the
 * open question (the rules insert flags logically; Drools' truth maintenance retracts them).
 *
 * <p>Methods are synchronized: one desk session may be shared by threads, though each call waits for the previous.
 * Close it to free its working memory.
 *
 * <p>Each {@link #add} fires the rules within the checker's {@link CheckerOptions}; a rule that loops, runs too long
 * or throws is stopped and listed in {@link #problems()}, and the session goes on answering, though its flags may
 * then be incomplete. A looping rule's activation stays in the session, so later adds are stopped and reported
 * again: close a session that reports a problem and open a new one.
 */
public final class DeskSession implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DeskSession.class);

    private final KieSession session;
    private final RulePack pack;
    private final CheckerOptions options;
    private final FactLoader loader;
    private final List<CheckError> problems = new ArrayList<>();
    /** The clock fact's handle when the session runs on a clock ({@link Checker#at}), else null. */
    private org.kie.api.runtime.rule.FactHandle nowHandle;
    private int documents;
    private long partClaims;
    private boolean closed;

    DeskSession(RulePack pack) {
        this(pack, CheckerOptions.defaults(), java.util.List.of());
    }

    DeskSession(RulePack pack, CheckerOptions options) {
        this(pack, options, java.util.List.of());
    }

    DeskSession(RulePack pack, java.util.List<org.kie.api.event.rule.AgendaEventListener> listeners) {
        this(pack, CheckerOptions.defaults(), listeners);
    }

    /** A session with engine listeners attached (rule coverage); the pack's table rows are its first facts. */
    DeskSession(RulePack pack, CheckerOptions options,
                java.util.List<org.kie.api.event.rule.AgendaEventListener> listeners) {
        this(pack, options, listeners, null);
    }

    /**
     * A session on the engine's pseudo clock set to {@code now} (null: no clock, so no time rule fires); the rules see
     * the clock as one {@link org.factlint.facts.Now} fact.
     */
    DeskSession(RulePack pack, CheckerOptions options,
                java.util.List<org.kie.api.event.rule.AgendaEventListener> listeners, java.time.Instant now) {
        this.options = options;
        this.pack = pack;
        this.loader = new FactLoader(pack.facts());
        if (now == null) {
            this.session = pack.kieBase().newKieSession();
        } else {
            org.kie.api.runtime.KieSessionConfiguration conf = org.kie.api.KieServices.get()
                    .newKieSessionConfiguration();
            conf.setOption(org.kie.api.runtime.conf.ClockTypeOption.PSEUDO);
            this.session = pack.kieBase().newKieSession(conf, null);
        }
        listeners.forEach(session::addEventListener);
        pack.facts().forEach(session::insert);
        if (now != null) {
            org.kie.api.time.SessionPseudoClock clock = session.getSessionClock();
            clock.advanceTime(now.toEpochMilli() - clock.getCurrentTime(), java.util.concurrent.TimeUnit.MILLISECONDS);
            nowHandle = session.insert(org.factlint.facts.Now.of(clock.getCurrentTime()));
        }
    }

    /** The session's clock, or null when it runs on none (then no time rule fires). */
    public synchronized java.time.Instant now() {
        checkOpen();
        if (nowHandle == null) {
            return null;
        }
        return java.time.Instant.ofEpochMilli(session.<org.kie.api.time.SessionPseudoClock>getSessionClock()
                .getCurrentTime());
    }

    /**
     * Moves the session's clock on to {@code time} and returns the flags as they now stand: claims still unconfirmed
     * past their escalation time escalate, forecasts whose day has passed ask what happened.
     *
     * @throws IllegalStateException when the session runs on no clock ({@code checker.at(now).openDesk()} opens one)
     * @throws IllegalArgumentException when {@code time} is before the session's clock
     */
    public synchronized List<Flag> advanceTo(java.time.Instant time) {
        checkOpen();
        if (nowHandle == null) {
            throw new IllegalStateException("this desk session runs on no clock: open it with checker.at(now).openDesk()");
        }
        org.kie.api.time.SessionPseudoClock clock = session.getSessionClock();
        long delta = time.toEpochMilli() - clock.getCurrentTime();
        if (delta < 0) {
            throw new IllegalArgumentException("the clock cannot go back: it reads " + now() + ", not " + time);
        }
        clock.advanceTime(delta, java.util.concurrent.TimeUnit.MILLISECONDS);
        session.update(nowHandle, org.factlint.facts.Now.of(clock.getCurrentTime()));
        fire();
        return flags();
    }

    /**
     * Adds a document and returns the flags as they now stand.
     *
     * @throws org.factlint.model.InvalidDocumentException if it conflicts with documents added before (same article
     *     id, a source declared differently); nothing of it is added then
     */
    public synchronized List<Flag> add(Document document) {
        checkOpen();
        try {
            insert(document);
        } catch (org.factlint.model.InvalidDocumentException e) {
            throw e; // the document's fault: the caller's to handle
        } catch (RuntimeException | Error e) {
            // A rule condition evaluated on insert failed: the pack's fault, reported like any other rule failure.
            CheckError problem = new CheckError(CheckError.Kind.RULE_FAILED, "?", List.of(),
                    "a rule condition threw while loading article '" + document.article().id() + "': "
                            + RuleGuard.describe(e));
            problems.add(problem);
            LOG.warn("{}", org.factlint.io.Printable.of(String.valueOf(problem)));
        }
        fire();
        return flags();
    }

    /** The flags as they now stand, most severe first. */
    public synchronized List<Flag> flags() {
        checkOpen();
        List<Flag> flags = new ArrayList<>();
        for (Object o : session.getObjects(new ClassObjectFilter(Flag.class))) {
            flags.add((Flag) o);
        }
        flags.sort(null);
        return flags;
    }

    /** Rules that ran into a limit or threw in this session so far, oldest first; empty when all went well. */
    public synchronized List<CheckError> problems() {
        return List.copyOf(problems);
    }

    /** How many documents and claims are in the session. */
    public synchronized int documents() {
        return documents;
    }

    public synchronized int claims() {
        return loader.claims();
    }

    /** Resolves entity names of documents about to be inserted together, so keys do not depend on their order. */
    synchronized void preResolve(List<Document> documents) {
        loader.preResolve(documents);
    }

    synchronized void insert(Document document) {
        checkOpen();
        List<Object> facts = loader.load(document);
        for (Object fact : facts) {
            session.insert(fact);
        }
        documents++;
        LOG.debug("added article '{}': {} facts", org.factlint.io.Printable.of(document.article().id()), facts.size());
    }

    /**
     * Inserts facts loaded elsewhere (one part of a large check); {@link #claims()} does not count them, the limits
     * of {@link #fire()} do.
     */
    synchronized void insertFacts(List<Object> facts) {
        checkOpen();
        for (Object fact : facts) {
            session.insert(fact);
            if (fact instanceof org.factlint.facts.ClaimFact) {
                partClaims++;
            }
        }
    }

    /** Fires the rules within the limits; returns the problems of this firing (also kept in {@link #problems()}). */
    synchronized List<CheckError> fire() {
        checkOpen();
        long claims = loader.claims() + partClaims; // the limits grow with what is in the session
        List<CheckError> found = RuleLocator.locate(pack,
                RuleGuard.fire(session, options.firingLimit(claims), options.timeLimit(claims)));
        problems.addAll(found);
        return found;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("this desk session is closed");
        }
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            session.dispose();
        }
    }
}
