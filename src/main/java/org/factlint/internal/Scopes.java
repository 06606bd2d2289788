package org.factlint.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.factlint.RuleProblem;

/**
 * What decides each flag, as the pack declares it in {@code scopes.csv}: the join-key groups (of {@code joins.csv}) that
 * a flag's claims reach. A claim store checks a new document with the stored groups it shares a key value with, and
 * trusts a flag of that check only when every group its scope names was loaded whole; stored flags are compared only
 * within what was loaded. Java knows no rule: every scope is data.
 *
 * <p>Columns {@code code,scope}. {@code scope} is a path of key names joined by {@code >}: {@code event} is the groups
 * of the flag's claims' {@code event} values; {@code event>claim} adds the {@code claim} values of every fact in those
 * groups (the cues of the event's other claims). A code may have several rows; its scope is their union over every
 * claim of the flag. The code {@code *} names the keys whose groups come with every fact the store loads (for the
 * bundled pack {@code claim}: a claim comes with its cues, relations and mentions).
 *
 * <p>The contract a row states, checked by the store's invariant test on generated archives and every scenario: a
 * flag of that code holds in one batch check of everything exactly when it holds in a session holding its scope's
 * groups whole (with the lookups they use and the pack's tables).
 */
public final class Scopes {
    public static final String FILE = "scopes.csv";
    /**
     * The codes an add can only retract, with their support: {@code code,support}. A flag of such a code asks for the
     * absence of evidence (no corroboration, no answer) and evidence is only ever added, so a new document can retract
     * a stored flag of it but never raise one on stored claims. A store re-checks a stored flag of it with its support
     * (the paths that bring what raises it: its claims and what they name) and the new documents' groups, not with
     * its whole scope. Optional; a replacement (facts removed) always checks whole scopes.
     */
    public static final String SUPPORT_FILE = "retractions.csv";
    private static final List<String> SUPPORT_COLUMNS = List.of("code", "support", "clock");
    /** The {@code clock} cell of a code whose rules read the clock: a later clock can raise it on stored claims. */
    public static final String CLOCK_RAISES = "raises";
    /** The code of the rows naming the keys that come with every loaded fact. */
    public static final String LOADED = "*";
    private static final List<String> COLUMNS = List.of("code", "scope");
    /**
     * The scope cell of a code whose rules build on other flags (an escalation of a flag, {@code UNC-STILL-UNCONFIRMED}):
     * the scopes of the flags its evidence names on its claims. Exact where a path is not: an escalation of one
     * undated claim is decided by what decides the flag it escalates, not by every claim of its subject.
     */
    public static final String EVIDENCE = "@evidence";

    private final Map<String, List<List<String>>> paths;
    private final Map<String, Integer> lineOf;
    private final Map<String, List<List<String>>> support;
    private final Map<String, Integer> unscoped;
    private final Set<String> clockRaised;
    private final Set<String> byEvidence;

    private Scopes(Map<String, List<List<String>>> paths, Map<String, Integer> lineOf,
                   Map<String, List<List<String>>> support, Map<String, Integer> unscoped, Set<String> clockRaised,
                   Set<String> byEvidence) {
        this.byEvidence = byEvidence;
        this.paths = paths;
        this.lineOf = lineOf;
        this.support = support;
        this.unscoped = unscoped;
        this.clockRaised = clockRaised;
    }

    /** True for a code of {@link #SUPPORT_FILE} that a later clock can raise on stored claims (its rules read Now). */
    public boolean raisedByClock(String code) {
        return clockRaised.contains(code);
    }

    /** True when the code's scope holds the scopes of the flags its evidence names on its claims ({@link #EVIDENCE}). */
    public boolean byEvidence(String code) {
        return byEvidence.contains(code);
    }

    /** The support paths of a code an add can only retract ({@link #SUPPORT_FILE}), or null for any other code. */
    public List<List<String>> support(String code) {
        return support.get(code);
    }

    /**
     * Warnings for a pack whose flagging rules have these codes: a code with no scope (a store then checks whole
     * components with the pack), and a row whose code no rule has (a typo, or a rule renamed).
     */
    public List<RuleProblem> warnings(Collection<String> codes) {
        List<RuleProblem> out = new ArrayList<>();
        for (String code : new TreeSet<>(codes)) {
            if (!paths.containsKey(code)) {
                out.add(new RuleProblem(FILE, 1, 1, "code " + code + " has no scope: a claim store checks whole"
                        + " components with this pack (slower as the store grows); add its rows"));
            }
        }
        unscoped.forEach((code, line) -> out.add(new RuleProblem(SUPPORT_FILE, line, 1, "code " + code + " has no scope in "
                + FILE + ": its support rows are not used")));
        lineOf.forEach((code, line) -> {
            if (!code.equals(LOADED) && !codes.contains(code)) {
                out.add(new RuleProblem(FILE, line, 1, "'" + code + "' is no code of the pack's rules"));
            }
        });
        return out;
    }

    /** The paths of a code's scope, or null when the table gives it none. */
    public List<List<String>> paths(String code) {
        return paths.get(code);
    }

    /** The keys whose groups come with every loaded fact. */
    public List<String> loaded() {
        List<String> out = new ArrayList<>();
        paths.getOrDefault(LOADED, List.of()).forEach(p -> out.add(p.get(0)));
        return out;
    }

    /** The codes given a scope (not {@link #LOADED}). */
    public Set<String> codes() {
        Set<String> out = new TreeSet<>(paths.keySet());
        out.remove(LOADED);
        return out;
    }

    /** The pack's scopes, or null when it has no {@code scopes.csv}. {@code keys} are the key names joins.csv declares. */
    public static Scopes read(Map<String, String> tables, Set<String> keys, List<RuleProblem> problems) {
        String text = tables.get(FILE);
        if (text == null) {
            return null;
        }
        Map<String, List<List<String>>> paths = new LinkedHashMap<>();
        Map<String, Integer> lineOf = new LinkedHashMap<>();
        Set<String> byEvidence = new java.util.HashSet<>();
        for (Tables.Row row : Tables.rows(FILE, text, COLUMNS, problems)) {
            String code = row.values().get(0);
            String scope = row.values().get(1);
            if (code.isEmpty()) {
                problems.add(row.problem(row.columns().get(0), "empty code: name a flag code or '*'"));
                continue;
            }
            if (scope.strip().equals(EVIDENCE)) {
                if (code.equals(LOADED)) {
                    problems.add(row.problem(row.columns().get(1), "'" + EVIDENCE + "' is the scope of a flag code,"
                            + " not of every loaded fact"));
                } else {
                    byEvidence.add(code);
                    paths.computeIfAbsent(code, c -> new ArrayList<>());
                    lineOf.putIfAbsent(code, row.line());
                }
                continue;
            }
            List<String> path = path(row, scope, keys, problems);
            if (path != null && code.equals(LOADED) && path.size() > 1) {
                problems.add(row.problem(row.columns().get(1), "'" + scope + "': the keys loaded with every fact are"
                        + " single keys, not paths"));
                path = null;
            }
            if (path != null) {
                paths.computeIfAbsent(code, c -> new ArrayList<>()).add(path);
                lineOf.putIfAbsent(code, row.line());
            }
        }
        Map<String, List<List<String>>> support = new LinkedHashMap<>();
        Map<String, Integer> unscoped = new LinkedHashMap<>();
        Set<String> clockRaised = new java.util.HashSet<>();
        String supportText = tables.get(SUPPORT_FILE);
        if (supportText != null) {
            for (Tables.Row row : Tables.rows(SUPPORT_FILE, supportText, SUPPORT_COLUMNS, problems)) {
                String code = row.values().get(0);
                if (code.isEmpty() || code.equals(LOADED)) {
                    problems.add(row.problem(row.columns().get(0), "empty code: name a flag code"));
                    continue;
                }
                if (!paths.containsKey(code)) {
                    unscoped.putIfAbsent(code, row.line()); // warned about: the row is not used
                    continue;
                }
                String clock = row.values().get(2);
                if (!clock.isEmpty() && !clock.equals(CLOCK_RAISES)) {
                    problems.add(row.problem(row.columns().get(2), "'" + clock + "': the clock cell is empty or '"
                            + CLOCK_RAISES + "' (a later clock can raise the code: its rules read Now)"));
                    continue;
                }
                if (clock.equals(CLOCK_RAISES)) {
                    clockRaised.add(code);
                }
                List<String> path = path(row, row.values().get(1), keys, problems);
                if (path != null) {
                    support.computeIfAbsent(code, c -> new ArrayList<>()).add(path);
                }
            }
        }
        Map<String, List<List<String>>> frozen = new LinkedHashMap<>();
        paths.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        Map<String, List<List<String>>> frozenSupport = new LinkedHashMap<>();
        support.forEach((k, v) -> frozenSupport.put(k, List.copyOf(v)));
        return new Scopes(java.util.Collections.unmodifiableMap(frozen), Map.copyOf(lineOf),
                java.util.Collections.unmodifiableMap(frozenSupport), Map.copyOf(unscoped),
                Set.copyOf(clockRaised), Set.copyOf(byEvidence));
    }

    /** A path of keys ("a>b"), or null (with a located problem) when a step is no key. */
    private static List<String> path(Tables.Row row, String scope, Set<String> keys, List<RuleProblem> problems) {
        List<String> path = new ArrayList<>();
        for (String step : scope.split(">", -1)) {
            String k = step.strip();
            if (!keys.contains(k)) {
                problems.add(row.problem(row.columns().get(1), "'" + k + "' is not a key of " + JoinKeys.FILE
                        + (keys.isEmpty() ? "" : " (keys: " + String.join(", ", keys) + ")")));
                return null;
            }
            path.add(k);
        }
        return List.copyOf(path);
    }
}
