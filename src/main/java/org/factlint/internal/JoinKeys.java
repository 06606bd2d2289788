package org.factlint.internal;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.factlint.RuleProblem;
import org.factlint.facts.ClaimFact;
import org.factlint.facts.EntityFact;

/**
 * The join keys a pack declares in {@code joins.csv}: which facts its rules can join, so that a large check can be
 * split into parts no rule joins across, and a store can find what a new document's claims meet. Java knows nothing
 * of the pack's rules: every key is data.
 *
 * <p>Columns {@code key,fact,value,when,role}. Facts whose {@code value} for one {@code key} is equal may be joined by a
 * rule and are checked in one session.
 * <ul>
 * <li>{@code fact}: a fact type of {@code org.factlint.facts} ({@code ClaimFact}, {@code CueFact}, ...). Every type a
 *     document's facts come in needs at least one row, or the pack is never split.</li>
 * <li>{@code value}: terms joined by {@code +}. A term is a field of the fact ({@code subjectKey}); {@code f.g} is
 *     field {@code g} of the claim whose id is in field {@code f} ({@code claim.predicate} on a {@code CueFact});
 *     {@code groups(t)} is each group of the entity whose key is term {@code t}, one value per group;
 *     {@code weeks(a..b)} is each week (seven days counted from day 0) that the day range from field {@code a} to
 *     field {@code b} covers, one value per week, so two claims whose days overlap share one (nothing when {@code a} is
 *     null; {@code b} null counts as {@code a}). A null term
 *     counts as the word null (two nulls are equal for the rules' {@code ==}); a value whose terms are all null is no
 *     value.</li>
 * <li>{@code when}: blank, or {@code field=VALUE} / {@code field!=VALUE} ({@code null} allowed), several joined by
 *     {@code ;}: the row applies only to facts that pass them all.</li>
 * <li>{@code role}: blank (every fact with the value joins every other), or {@code anchor} / {@code member}: a
 *     member joins only when an anchor of the same key and value exists ("the only one" joins the claims of its
 *     group's other members only when such a cue is there, not every group member with every other).
 *     {@code lookup} / {@code uses}: reference data a rule looks up (an entity by key): a lookup fact joins
 *     nothing; it is copied into every part holding a fact that uses its value, so it glues no claims together.</li>
 * </ul>
 */
public final class JoinKeys {
    public static final String FILE = "joins.csv";
    private static final List<String> COLUMNS = List.of("key", "fact", "value", "when", "role");
    private static final String FACTS_PACKAGE = "org.factlint.facts.";
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9\\-]*");
    private static final Pattern GROUPS = Pattern.compile("groups\\((.+)\\)");
    private static final Pattern WEEKS = Pattern.compile("weeks\\((\\w+)\\.\\.(\\w+)\\)");
    /** More weeks than this (about 190 years) in one range is a mistake in the data, not a period to key. */
    static final int MAX_WEEKS = 10_000;
    private static final Pattern WHEN = Pattern.compile("(\\w+)\\s*(!=|=)\\s*(\\S+)");

    /** How a row's facts join the others of its key and value. */
    public enum Role { JOIN, ANCHOR, MEMBER, LOOKUP, USES }

    /** Where the terms of a value are looked up: the claims by id and the entities by key of the facts at hand. */
    public interface Lookup {
        ClaimFact claim(String id);

        EntityFact entity(String key);

        /** A lookup over maps of claims by id and entities by key. */
        static Lookup of(Map<String, ClaimFact> claims, Map<String, EntityFact> entities) {
            return new Lookup() {
                @Override
                public ClaimFact claim(String id) {
                    return claims.get(id);
                }

                @Override
                public EntityFact entity(String key) {
                    return entities.get(key);
                }
            };
        }
    }

    /** One key value of one fact. */
    public record Value(String key, String value, Role role) {
    }

    private record Term(Function<Object, Object> field, Function<ClaimFact, Object> claimField, Term groupsOf,
                        Function<Object, Object> until) {
        Term(Function<Object, Object> field, Function<ClaimFact, Object> claimField, Term groupsOf) {
            this(field, claimField, groupsOf, null);
        }

        /**
         * The term's values: one, or one per group for groups(...), one per week for weeks(..); a list holding null
         * when the field is null.
         */
        List<Object> values(Object fact, Lookup lookup) {
            if (until != null) {
                Object a = field.apply(fact);
                List<Object> out = new ArrayList<>();
                if (a == null) {
                    out.add(null);
                    return out;
                }
                Object b = until.apply(fact);
                long first = Math.floorDiv(((Number) a).longValue(), 7);
                long last = Math.floorDiv(((Number) (b == null ? a : b)).longValue(), 7);
                if (last - first >= MAX_WEEKS) {
                    throw new IllegalArgumentException("a day range of " + (last - first + 1) + " weeks ("
                            + a + ".." + b + ") is too long to key by weeks (at most " + MAX_WEEKS + ")");
                }
                for (long w = first; w <= last; w++) {
                    out.add("w" + w);
                }
                return out;
            }
            if (groupsOf != null) {
                List<Object> out = new ArrayList<>();
                for (Object k : groupsOf.values(fact, lookup)) {
                    EntityFact e = k == null ? null : lookup.entity(k.toString());
                    if (e != null) {
                        out.addAll(e.groups());
                    }
                }
                return out;
            }
            Object v = field.apply(fact);
            if (claimField != null) {
                ClaimFact c = v == null ? null : lookup.claim(v.toString());
                v = c == null ? null : claimField.apply(c);
            }
            List<Object> one = new ArrayList<>(1);
            one.add(v);
            return one;
        }
    }

    private record When(Function<Object, Object> field, boolean equals, String value) {
        boolean passes(Object fact) {
            Object v = field.apply(fact);
            boolean equal = value.equals("null") ? v == null : v != null && v.toString().equalsIgnoreCase(value);
            return equal == equals;
        }
    }

    private record Row(String key, Class<?> fact, List<Term> terms, List<When> when, Role role) {
        boolean applies(Object fact) {
            for (When w : when) {
                if (!w.passes(fact)) {
                    return false;
                }
            }
            return true;
        }
    }

    private final Map<Class<?>, List<Row>> rows;
    private final Scopes scopes;

    private JoinKeys(Map<Class<?>, List<Row>> rows, Scopes scopes) {
        this.rows = rows;
        this.scopes = scopes;
    }

    /** What decides each flag ({@code scopes.csv}), or null when the pack does not say: a store then keeps components. */
    public Scopes scopes() {
        return scopes;
    }

    /** The fact types the declaration places. */
    public Set<Class<?>> factTypes() {
        return rows.keySet();
    }

    /** The key names declared. */
    public Set<String> keys() {
        Set<String> keys = new java.util.TreeSet<>();
        rows.values().forEach(l -> l.forEach(r -> keys.add(r.key())));
        return keys;
    }

    /** True when every fact of these types has a declared key. */
    public boolean places(Collection<Class<?>> types) {
        return rows.keySet().containsAll(types);
    }

    /**
     * The key values of a fact; empty when no row applies (the fact joins nothing).
     *
     * @throws IllegalArgumentException when the fact's type has no row at all: the pack does not say what it joins
     */
    public List<Value> values(Object fact, Lookup lookup) {
        List<Row> mine = rows.get(fact.getClass());
        if (mine == null) {
            throw new IllegalArgumentException(FILE + " declares no key for facts of type "
                    + fact.getClass().getSimpleName());
        }
        List<Value> out = new ArrayList<>(mine.size());
        for (Row r : mine) {
            if (!r.applies(fact)) {
                continue;
            }
            List<String> partial = new ArrayList<>();
            partial.add("");
            boolean any = false;
            for (int t = 0; t < r.terms().size(); t++) {
                List<Object> vs = r.terms().get(t).values(fact, lookup);
                List<String> next = new ArrayList<>(partial.size() * vs.size());
                for (String p : partial) {
                    for (Object v : vs) {
                        any |= v != null;
                        next.add(t == 0 ? String.valueOf(v) : p + "|" + v);
                    }
                }
                partial = next;
            }
            if (any) {
                for (String p : partial) {
                    out.add(new Value(r.key(), p, r.role()));
                }
            }
        }
        return out;
    }

    /** The declaration of a pack, or null when it has none ({@code joins.csv} absent): such a pack is never split. */
    public static JoinKeys read(Map<String, String> tables, List<RuleProblem> problems) {
        String text = tables.get(FILE);
        if (text == null) {
            return null;
        }
        Map<Class<?>, List<Row>> rows = new LinkedHashMap<>();
        int before = problems.size();
        for (Tables.Row row : Tables.rows(FILE, text, COLUMNS, problems)) {
            Row r = row(row, problems);
            if (r != null) {
                rows.computeIfAbsent(r.fact(), k -> new ArrayList<>()).add(r);
            }
        }
        if (rows.isEmpty() && problems.size() == before) {
            problems.add(new RuleProblem(FILE, 1, 1, "no join key is declared: delete the file for a pack that is "
                    + "never split, or declare the keys its rules join on"));
        }
        Map<Class<?>, List<Row>> frozen = new HashMap<>();
        rows.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        JoinKeys partial = new JoinKeys(Map.copyOf(frozen), null);
        return new JoinKeys(partial.rows, Scopes.read(tables, partial.keys(), problems));
    }

    private static Row row(Tables.Row row, List<RuleProblem> problems) {
        String key = row.values().get(0);
        int errors = problems.size();
        if (!KEY.matcher(key).matches()) {
            problems.add(row.problem(row.columns().get(0), "'" + key + "' is not a key name (lower case, digits, '-')"));
        }
        Class<?> fact = factType(row, problems);
        if (fact == null) {
            return null;
        }
        List<Term> terms = new ArrayList<>();
        String value = row.values().get(2);
        if (value.isEmpty()) {
            problems.add(row.problem(row.columns().get(2), "empty value: name the fields the key is made of"));
        }
        for (String t : value.isEmpty() ? new String[0] : value.split("\\+")) {
            Term term = term(fact, t.strip(), row, problems);
            if (term != null) {
                terms.add(term);
            }
        }
        List<When> whens = new ArrayList<>();
        String when = row.values().get(3);
        for (String cond : when.isEmpty() ? new String[0] : when.split(";")) {
            Matcher m = WHEN.matcher(cond.strip());
            if (!m.matches()) {
                problems.add(row.problem(row.columns().get(3), "'" + cond.strip() + "' is not a filter: write field=VALUE"
                        + " or field!=VALUE (several joined by ';')"));
            } else {
                Function<Object, Object> f = accessor(fact, m.group(1), row, 3, problems);
                if (f != null) {
                    whens.add(new When(f, m.group(2).equals("="), m.group(3)));
                }
            }
        }
        Role role = switch (row.values().get(4).toLowerCase(Locale.ROOT)) {
            case "" -> Role.JOIN;
            case "anchor" -> Role.ANCHOR;
            case "member" -> Role.MEMBER;
            case "lookup" -> Role.LOOKUP;
            case "uses" -> Role.USES;
            default -> {
                problems.add(row.problem(row.columns().get(4), "unknown role '" + row.values().get(4)
                        + "' (expected blank, anchor, member, lookup or uses)"));
                yield null;
            }
        };
        return problems.size() > errors ? null
                : new Row(key, fact, List.copyOf(terms), List.copyOf(whens), role);
    }

    private static Class<?> factType(Tables.Row row, List<RuleProblem> problems) {
        String name = row.values().get(1);
        try {
            Class<?> c = Class.forName(FACTS_PACKAGE + name, false, JoinKeys.class.getClassLoader());
            if (c.isRecord() && name.matches("[A-Z]\\w*")) {
                return c;
            }
        } catch (ClassNotFoundException | LinkageError e) {
            // reported below
        }
        problems.add(row.problem(row.columns().get(1), "unknown fact type '" + name + "' (a record of "
                + FACTS_PACKAGE.substring(0, FACTS_PACKAGE.length() - 1) + " such as ClaimFact or CueFact)"));
        return null;
    }

    private static Term term(Class<?> fact, String text, Tables.Row row, List<RuleProblem> problems) {
        Matcher w = WEEKS.matcher(text);
        if (w.matches()) {
            Function<Object, Object> a = accessor(fact, w.group(1), row, 2, problems);
            Function<Object, Object> b = accessor(fact, w.group(2), row, 2, problems);
            return a == null || b == null ? null : new Term(a, null, null, b);
        }
        Matcher g = GROUPS.matcher(text);
        if (g.matches()) {
            Term inner = term(fact, g.group(1).strip(), row, problems);
            return inner == null ? null : new Term(null, null, inner);
        }
        String[] path = text.split("\\.", -1);
        if (path.length > 2) {
            problems.add(row.problem(row.columns().get(2), "'" + text + "': a term is a field, or field.field "
                    + "through a claim id"));
            return null;
        }
        Function<Object, Object> field = accessor(fact, path[0], row, 2, problems);
        if (field == null) {
            return null;
        }
        Function<ClaimFact, Object> claimField = null;
        if (path.length == 2) {
            Function<Object, Object> f = accessor(ClaimFact.class, path[1], row, 2, problems);
            if (f == null) {
                return null;
            }
            claimField = f::apply;
        }
        return new Term(field, claimField, null);
    }

    private static Function<Object, Object> accessor(Class<?> type, String name, Tables.Row row, int column,
                                                     List<RuleProblem> problems) {
        for (RecordComponent rc : type.getRecordComponents()) {
            if (rc.getName().equals(name)) {
                Method m = rc.getAccessor();
                return o -> {
                    try {
                        return m.invoke(o);
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException("cannot read " + type.getSimpleName() + "." + name, e);
                    }
                };
            }
        }
        List<String> names = new ArrayList<>();
        for (RecordComponent rc : type.getRecordComponents()) {
            names.add(rc.getName());
        }
        problems.add(row.problem(row.columns().get(column), type.getSimpleName() + " has no field '" + name
                + "' (fields: " + String.join(", ", names) + ")"));
        return null;
    }
}
