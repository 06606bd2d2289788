package org.factlint.internal;

import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import org.factlint.Checker;
import org.factlint.RulePack;
import org.kie.api.event.rule.AgendaEventListener;

/**
 * Engine hooks for Factlint's own tools (scenario runs record rule firings), kept out of the public API: the
 * {@code org.factlint} package installs them when {@link Checker} loads.
 */
public final class Hooks {
    private static volatile BiFunction<RulePack, List<AgendaEventListener>, Checker> observed;

    private static volatile java.util.function.Function<RulePack, JoinKeys> joins;

    private Hooks() {
    }

    /** Called once by {@link RulePack}'s static initialiser. */
    public static void installJoins(java.util.function.Function<RulePack, JoinKeys> accessor) {
        joins = Objects.requireNonNull(accessor);
    }

    private static volatile java.util.function.Function<RulePack, List<Object>> tables;

    /** Called once by {@link RulePack}'s static initialiser. */
    public static void installTables(java.util.function.Function<RulePack, List<Object>> accessor) {
        tables = Objects.requireNonNull(accessor);
    }

    /** The pack's table rows (predicates, parties, cues, sources), as a loader outside a session needs them. */
    public static List<Object> tables(RulePack pack) {
        return tables.apply(pack); // installed: the pack's class is loaded
    }

    /** Checks facts loaded elsewhere with a checker: {@code Checker.checkFacts}. */
    public interface FactCheck {
        org.factlint.Report check(Checker checker, List<Object> facts, int claims);
    }

    private static volatile FactCheck facts;

    /** Called once by {@link Checker}'s static initialiser. */
    public static void installFacts(FactCheck check) {
        facts = Objects.requireNonNull(check);
    }

    /** A check of facts loaded elsewhere (a claim store's), split by the pack's join keys when large. */
    public static org.factlint.Report checkFacts(Checker checker, List<Object> loaded, int claims) {
        return facts.check(checker, loaded, claims); // installed: the checker's class is loaded
    }

    private static volatile FactCheck oneSession;

    /** Called once by {@link Checker}'s static initialiser. */
    public static void installOneSession(FactCheck check) {
        oneSession = Objects.requireNonNull(check);
    }

    /**
     * A check of facts in one session in the calling thread, never split over the checker's own threads: a Flink
     * task's check, whose parallelism is the job's (a task that fanned its large parts out to a thread per core would
     * use cores its slot does not own).
     */
    public static org.factlint.Report checkFactsInOneSession(Checker checker, List<Object> loaded, int claims) {
        return oneSession.check(checker, loaded, claims); // installed: the checker's class is loaded
    }

    /**
     * One rules session that facts are added to in steps (a claim store's rounds): after each {@link #fire}, the same
     * flags as one session of everything inserted so far (the rules insert logically).
     */
    public interface FactSession extends AutoCloseable {
        /** Inserts facts; false when a rule condition threw on insert (then {@link #problems} says so). */
        boolean insert(List<Object> facts);

        /** Fires the rules within the checker's limits. */
        void fire();

        List<org.factlint.Flag> flags();

        /** Rules that ran into a limit or threw so far; empty when all went well. */
        List<org.factlint.CheckError> problems();

        @Override
        void close();
    }

    private static volatile java.util.function.Function<Checker, FactSession> sessions;

    /** Called once by {@link Checker}'s static initialiser. */
    public static void installSessions(java.util.function.Function<Checker, FactSession> open) {
        sessions = Objects.requireNonNull(open);
    }

    /** A session of a checker (its pack, limits and clock) that facts are added to in steps. */
    public static FactSession openFacts(Checker checker) {
        return sessions.apply(checker); // installed: the checker's class is loaded
    }

    /** The join keys a pack declares ({@code joins.csv}), or null when it declares none. */
    public static JoinKeys joins(RulePack pack) {
        return joins.apply(pack); // installed: the pack's class is loaded
    }

    /** Called once by {@link Checker}'s static initialiser. */
    public static void install(BiFunction<RulePack, List<AgendaEventListener>, Checker> factory) {
        observed = Objects.requireNonNull(factory);
    }

    /** A checker whose every session carries {@code listeners}. */
    public static Checker observedChecker(RulePack pack, List<AgendaEventListener> listeners) {
        if (observed == null) {
            org.factlint.Factlint.checker(pack); // loads Checker, which installs the hook
        }
        return observed.apply(pack, listeners);
    }
}
