package org.factlint.internal.verify;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.factlint.Category;
import org.factlint.Flag;
import org.factlint.Severity;
import org.factlint.facts.Answer;
import org.factlint.facts.ArticleSource;
import org.factlint.facts.ClaimFact;
import org.factlint.facts.ClaimText;
import org.factlint.facts.ContradictionPair;
import org.factlint.facts.Corroboration;
import org.factlint.facts.CueFact;
import org.factlint.facts.CueTerm;
import org.factlint.facts.EntityFact;
import org.factlint.facts.Implied;
import org.factlint.facts.Location;
import org.factlint.facts.MemberFact;
import org.factlint.facts.MentionFact;
import org.factlint.facts.PartyTerm;
import org.factlint.facts.PredicateRelation;
import org.factlint.facts.PredicateTerm;
import org.factlint.facts.RelationFact;
import org.factlint.facts.SourceTerm;
import org.factlint.facts.Voice;
import org.factlint.model.CueCategory;
import org.factlint.model.Factuality;
import org.factlint.model.Polarity;
import org.factlint.model.RelationType;
import org.factlint.model.SourceKind;
import org.factlint.rules.Flags;
import org.factlint.rules.Lexicon;

/**
 * What an untrusted pack may name: classes, constructors, static methods and fields by class, instance methods and
 * properties by name. Everything else is refused. The lists are short on purpose: each entry is pure (no I/O, no
 * reflection, no threads, no engine access) and takes no function argument (no lambdas anyway). Instance methods are
 * allowed by name because the verifier does not infer types; that is sound only because the objects a pack can reach
 * are those of the classes below, none of which has a method of these names that reaches out.
 */
final class AllowList {
    /** Fact classes rules match and construct. */
    static final List<Class<?>> FACTS = List.of(ClaimFact.class, CueFact.class, RelationFact.class, EntityFact.class,
            MentionFact.class, MemberFact.class, ArticleSource.class, Corroboration.class, Answer.class, CueTerm.class,
            SourceTerm.class, ClaimText.class, ContradictionPair.class, Implied.class, Location.class, PartyTerm.class,
            PredicateTerm.class, Voice.class, org.factlint.facts.Told.class, org.factlint.facts.Now.class,
            org.factlint.facts.EscalationTerm.class, org.factlint.facts.UndatedTerm.class,
            org.factlint.facts.PlaceTerm.class, org.factlint.facts.Within.class,
            org.factlint.facts.Nested.class);
    /** Enums whose constants a pack may name. */
    static final List<Class<?>> ENUMS = List.of(CueCategory.class, Factuality.class, Polarity.class,
            RelationType.class, SourceKind.class, Category.class, Severity.class, PredicateRelation.class);

    /** Every class a pack may name (as a type, a pattern, a cast, a scope), by fully qualified name. */
    static final Map<String, Class<?>> CLASSES = classes();
    /** Classes that need no import: java.lang's allowed ones. */
    static final Set<String> JAVA_LANG = Set.of("String", "Object", "Integer", "Long", "Double", "Float", "Short",
            "Byte", "Boolean", "Character", "Number", "CharSequence", "Comparable", "Math", "StringBuilder",
            "IllegalStateException", "IllegalArgumentException");

    /** Classes a pack may instantiate with {@code new}. */
    static final Set<Class<?>> CONSTRUCTORS = constructors();

    /** Static methods by class. */
    static final Map<Class<?>, Set<String>> STATIC_METHODS = Map.ofEntries(
            Map.entry(Flags.class, Set.of("flag", "words", "texts", "byId", "describe", "relationVerb")),
            Map.entry(ClaimFact.class, Set.of("eventKey")),
            Map.entry(Lexicon.class, Set.of("normalize")),
            Map.entry(List.class, Set.of("of", "copyOf")),
            Map.entry(Set.class, Set.of("of", "copyOf")),
            Map.entry(Map.class, Set.of("of", "entry", "copyOf")),
            Map.entry(java.util.Collections.class, Set.of("emptyList", "emptySet", "emptyMap", "singletonList",
                    "singleton", "singletonMap", "unmodifiableList", "unmodifiableSet", "unmodifiableMap", "max",
                    "min", "sort")),
            Map.entry(java.util.Objects.class, Set.of("equals", "hashCode", "isNull", "nonNull", "toString",
                    "requireNonNullElse")),
            Map.entry(String.class, Set.of("join", "valueOf")),
            Map.entry(Math.class, Set.of("min", "max", "abs", "floor", "ceil", "round", "signum", "sqrt")),
            Map.entry(Integer.class, Set.of("valueOf", "compare", "toString", "sum", "min", "max", "signum")),
            Map.entry(Long.class, Set.of("valueOf", "compare", "toString", "sum", "min", "max", "signum")),
            Map.entry(Double.class, Set.of("valueOf", "compare", "toString", "sum", "min", "max", "isNaN")),
            Map.entry(Boolean.class, Set.of("valueOf", "toString")),
            Map.entry(Character.class, Set.of("isLetter", "isDigit", "isLetterOrDigit", "isWhitespace",
                    "toLowerCase", "toUpperCase")),
            Map.entry(Category.class, Set.of("parse")),
            Map.entry(Severity.class, Set.of("parse")));

    /** Static fields by class, besides enum constants. */
    static final Map<Class<?>, Set<String>> STATIC_FIELDS = Map.of(
            Integer.class, Set.of("MAX_VALUE", "MIN_VALUE"),
            Long.class, Set.of("MAX_VALUE", "MIN_VALUE"),
            Boolean.class, Set.of("TRUE", "FALSE"),
            Math.class, Set.of("PI", "E"));

    /** Instance methods of JDK classes (strings, numbers, collections, enums), by name. */
    private static final Set<String> JDK_INSTANCE_METHODS = Set.of(
            // Object, Comparable
            "equals", "hashCode", "toString", "compareTo",
            // String, CharSequence
            "length", "isEmpty", "isBlank", "charAt", "substring", "indexOf", "lastIndexOf", "contains", "startsWith",
            "endsWith", "equalsIgnoreCase", "compareToIgnoreCase", "toLowerCase", "toUpperCase", "strip",
            "stripLeading", "stripTrailing", "trim", "replace", "concat",
            // numbers
            "intValue", "longValue", "doubleValue", "floatValue", "booleanValue", "charValue",
            // collections and maps
            // (no containsAll, removeAll, retainAll: on two lists doubled with addAll they compare every pair, and
            // a few statements make a single call of hours that no time limit can stop)
            "size", "containsKey", "containsValue", "get", "getOrDefault", "add", "addAll", "put",
            "putAll", "putIfAbsent", "remove", "clear", "keySet", "values", "entrySet",
            "getKey", "getValue", "first", "last", "subList", "headSet", "tailSet", "subSet", "firstKey", "lastKey",
            // enums
            "name", "ordinal",
            // StringBuilder
            "append", "reverse");

    /** Instance methods a pack may call on anything it reaches: the JDK ones above and every method of the facts. */
    static final Set<String> INSTANCE_METHODS = instanceMethods();
    /**
     * Property names usable in conditions (and MVEL {@code from}) without parentheses: the facts' and flags' record
     * components. A declared type adds its own fields.
     */
    static final Set<String> PROPERTIES = properties();

    /** Accumulate functions an untrusted pack may use. */
    static final Set<String> ACCUMULATE_FUNCTIONS = Set.of("count", "sum", "min", "max", "average", "collectList",
            "collectSet");
    /** Constraint operators (besides the connectives): comparisons and membership. */
    static final Set<String> OPERATORS = Set.of("==", "!=", "<", ">", "<=", ">=", "contains", "memberOf");
    /** Field types a declared type may have, besides the classes above. */
    static final Set<String> PRIMITIVES = Set.of("int", "long", "double", "float", "boolean", "char", "short", "byte");
    /** Metadata a rule may carry (all take one literal string). */
    static final Set<String> RULE_ANNOTATIONS = Set.of("code", "category", "severity", "message", "description");

    private AllowList() {
    }

    private static Map<String, Class<?>> classes() {
        Map<String, Class<?>> m = new LinkedHashMap<>();
        for (Class<?> c : FACTS) {
            m.put(c.getName(), c);
        }
        for (Class<?> c : ENUMS) {
            m.put(c.getName(), c);
        }
        for (Class<?> c : List.<Class<?>>of(Flag.class, Flags.class, Lexicon.class,
                String.class, Object.class, Integer.class, Long.class, Double.class, Float.class, Short.class,
                Byte.class, Boolean.class, Character.class, Number.class, CharSequence.class, Comparable.class,
                Math.class, StringBuilder.class, IllegalStateException.class, IllegalArgumentException.class,
                java.util.List.class, java.util.ArrayList.class, java.util.LinkedList.class, java.util.Set.class,
                java.util.HashSet.class, java.util.LinkedHashSet.class, java.util.TreeSet.class,
                java.util.SortedSet.class, java.util.Map.class, java.util.HashMap.class,
                java.util.LinkedHashMap.class, java.util.TreeMap.class, java.util.SortedMap.class,
                java.util.Collection.class, java.util.Collections.class, java.util.Objects.class)) {
            m.put(c.getName(), c);
        }
        m.put("java.util.Map.Entry", Map.Entry.class);
        return Map.copyOf(m);
    }

    private static Set<Class<?>> constructors() {
        Set<Class<?>> s = new java.util.HashSet<>(FACTS);
        s.addAll(List.of(java.util.ArrayList.class, java.util.LinkedList.class, java.util.HashSet.class,
                java.util.LinkedHashSet.class, java.util.TreeSet.class, java.util.HashMap.class,
                java.util.LinkedHashMap.class, java.util.TreeMap.class, StringBuilder.class,
                IllegalStateException.class, IllegalArgumentException.class));
        return Set.copyOf(s);
    }

    private static Set<String> instanceMethods() {
        Set<String> s = new TreeSet<>(JDK_INSTANCE_METHODS);
        for (Class<?> c : FACTS) {
            s.addAll(publicMethods(c));
        }
        s.addAll(publicMethods(Flag.class));
        return Set.copyOf(s);
    }

    /** Public instance methods a class declares itself, leaving out any that hands out a class or a loader. */
    private static Set<String> publicMethods(Class<?> c) {
        Set<String> s = new TreeSet<>();
        for (Method m : c.getDeclaredMethods()) {
            if (Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()) && !m.isSynthetic()
                    && !Class.class.isAssignableFrom(m.getReturnType())
                    && !ClassLoader.class.isAssignableFrom(m.getReturnType())) {
                s.add(m.getName());
            }
        }
        return s;
    }

    private static Set<String> properties() {
        Set<String> s = new TreeSet<>();
        for (Class<?> c : FACTS) {
            for (RecordComponent rc : c.getRecordComponents()) {
                s.add(rc.getName());
            }
        }
        for (RecordComponent rc : Flag.class.getRecordComponents()) {
            s.add(rc.getName());
        }
        return Set.copyOf(s);
    }

    /**
     * A class of the allow-list that has a public instance method named {@code name} which leaves the allowed classes
     * (declared by a class off the list, such as {@code Enum.getDeclaringClass} or {@code Throwable.printStackTrace},
     * one of {@code Object}'s own but {@code equals}, {@code hashCode} and {@code toString}, or returning a type off
     * the list); null when none has. A declared field whose accessor has such a name would let the pack call it: the
     * verifier allows instance methods by name.
     */
    static Class<?> methodOwner(String name) {
        Set<Class<?>> allowed = Set.copyOf(CLASSES.values());
        for (Class<?> c : CLASSES.values()) {
            for (Method m : c.getMethods()) {
                if (!m.getName().equals(name) || Modifier.isStatic(m.getModifiers())) {
                    continue;
                }
                Class<?> r = m.getReturnType();
                boolean leaves = !allowed.contains(m.getDeclaringClass())
                        || m.getDeclaringClass() == Object.class && !JDK_INSTANCE_METHODS.contains(name)
                        || !(r.isPrimitive() || allowed.contains(r));
                if (leaves) {
                    return m.getDeclaringClass();
                }
            }
        }
        return null;
    }

    /** The enum constant or allowed static field {@code name} of {@code c}. */
    static boolean staticField(Class<?> c, String name) {
        if (c.isEnum()) {
            for (Object constant : c.getEnumConstants()) {
                if (((Enum<?>) constant).name().equals(name)) {
                    return true;
                }
            }
        }
        return STATIC_FIELDS.getOrDefault(c, Set.of()).contains(name);
    }

    /** Packages whose classes a pack may import one by one (no wildcard outside the facts and model). */
    static String allowedList() {
        return "allowed: org.factlint.facts, the enums of org.factlint.model, Flag, Category, Severity, Flags, "
                + "Lexicon, java.util collections, basic java.lang types";
    }
}
