package org.factlint.internal;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AtomicExprDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.BindingDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.ConstraintConnectiveDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RelationalExprDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlExprParser;
import org.drools.drl.parser.DrlExprParserFactory;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;
import org.factlint.RuleProblem;
import org.kie.internal.builder.conf.LanguageLevelOption;

/**
 * Types every constraint of a pack against the fact classes, where Drools' classic compiler lets a mistake through
 * and the rule then never fires or fails at run time: an enum compared with a string ({@code originKind == "social"}),
 * a number or a date field with a string ({@code from == "2023-05-09"}), a boolean with a number, a string with a
 * number, an enum constant that does not exist, a method the fact does not have. Each problem is located at the
 * offending word, names the rule and says what to write instead. Parsed with Drools' own DRL parser; a file that does
 * not parse is left to the compiler, which reports it.
 */
public final class ConstraintTypes {
    private static final Pattern PATH = Pattern.compile("(\\$?[A-Za-z_][\\w]*)((?:\\s*\\.\\s*[A-Za-z_]\\w*)*)");
    private static final Pattern CALL = Pattern.compile("(?<![\\w.$])(\\$?[A-Za-z_]\\w*)\\s*\\.\\s*([A-Za-z_]\\w*)\\s*\\(|(?<![\\w.$\"])([a-z_]\\w*)\\s*\\(");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final java.util.Set<String> KEYWORDS = java.util.Set.of("this", "null", "true", "false", "new",
            "instanceof", "contains", "memberOf", "matches", "soundslike", "in", "not", "excludes", "str", "eval");

    private ConstraintTypes() {
    }

    /** The type problems of the pack's DRL files, by file name relative to the pack. */
    public static List<RuleProblem> check(Map<String, String> drl) {
        return check(drl, new ArrayList<>());
    }

    /**
     * The type problems of the pack's DRL files; adds to {@code warnings} what Drools would only log while building
     * (a join that makes it fall back to class reactivity), located and prefixed {@code warning:}.
     */
    public static List<RuleProblem> check(Map<String, String> drl, List<RuleProblem> warnings) {
        List<RuleProblem> out = new ArrayList<>();
        drl.forEach((file, text) -> out.addAll(checkFile(file, text, warnings)));
        return out;
    }

    private static List<RuleProblem> checkFile(String file, String text, List<RuleProblem> warnings) {
        PackageDescr pkg;
        DrlParser parser = new DrlParser(LanguageLevelOption.DRL6);
        try {
            pkg = parser.parse(false, text);
        } catch (DroolsParserException | RuntimeException e) {
            return List.of();
        }
        if (pkg == null || parser.hasErrors()) {
            return List.of(); // the compiler reports syntax errors, located
        }
        Map<String, Class<?>> imports = imports(pkg);
        // (types declared in DRL are left out: Drools does not warn about them)
        java.util.Set<String> reactive = java.util.Set.of();
        List<RuleProblem> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (RuleDescr rule : pkg.getRules()) {
            Walk walk = new Walk(file, lines, rule.getName(), imports, out);
            walk.reactive = reactive;
            walk.warnings = warnings;
            walk.walk(rule.getLhs());
            if (rule.getAnnotation("message") != null && rule.getAnnotation("code") != null) {
                Object message = rule.getAnnotation("message").getValue();
                String m = message == null ? null : message.toString().strip();
                if (m != null && m.length() >= 2 && m.startsWith("\"") && m.endsWith("\"")) {
                    m = m.substring(1, m.length() - 1);
                }
                out.addAll(MessagePlaceholders.check(file, text, rule.getLine(), rule.getName(), m));
            }
        }
        return out;
    }

    private static Map<String, Class<?>> imports(PackageDescr pkg) {
        Map<String, Class<?>> types = new HashMap<>();
        for (ImportDescr i : pkg.getImports()) {
            String target = i.getTarget();
            if (target.endsWith(".*")) {
                continue;
            }
            load(target).ifPresent(c -> types.put(c.getSimpleName(), c));
        }
        for (Class<?> c : List.of(String.class, Integer.class, Long.class, Double.class, Boolean.class)) {
            types.putIfAbsent(c.getSimpleName(), c);
        }
        return types;
    }

    private static java.util.Optional<Class<?>> load(String name) {
        try {
            return java.util.Optional.of(Class.forName(name, false, ConstraintTypes.class.getClassLoader()));
        } catch (ClassNotFoundException | LinkageError e) {
            return java.util.Optional.empty();
        }
    }

    /** One rule's conditions, with the bindings seen so far. */
    private static final class Walk {
        final String file;
        final String[] lines;
        final String rule;
        final Map<String, Class<?>> imports;
        final List<RuleProblem> out;
        final Map<String, Class<?>> bindings = new HashMap<>();
        final DrlExprParser exprParser = DrlExprParserFactory.getDrlExprParser(LanguageLevelOption.DRL6);
        java.util.Set<String> reactive = java.util.Set.of();
        List<RuleProblem> warnings = new ArrayList<>();

        Walk(String file, String[] lines, String rule, Map<String, Class<?>> imports, List<RuleProblem> out) {
            this.file = file;
            this.lines = lines;
            this.rule = rule;
            this.imports = imports;
            this.out = out;
        }

        void walk(BaseDescr d) {
            if (d instanceof PatternDescr p) {
                pattern(p);
                return;
            }
            if (d instanceof AccumulateDescr acc && acc.getInput() != null) {
                walk(acc.getInput());
            } else if (d instanceof CollectDescr col && col.getInputPattern() != null) {
                walk(col.getInputPattern());
            } else if (d instanceof ConditionalElementDescr ce) {
                for (BaseDescr child : ce.getDescrs()) {
                    walk(child);
                }
            }
        }

        void pattern(PatternDescr p) {
            if (p.getSource() instanceof AccumulateDescr || p.getSource() instanceof CollectDescr) {
                walk((BaseDescr) p.getSource());
            }
            if (reactive.contains(p.getObjectType()) || propertyReactive(imports.get(p.getObjectType()))) {
                reactivity(p);
            }
            Class<?> type = imports.get(p.getObjectType());
            if (type == null) {
                return; // a declared type, or one the compiler reports as unknown
            }
            if (p.getIdentifier() != null) {
                bindings.put(p.getIdentifier(), type);
            }
            for (BaseDescr c : p.getDescrs()) {
                if (c instanceof ExprConstraintDescr e) {
                    constraint(e, type);
                } else if (c instanceof BindingDescr b) {
                    Class<?> t = typeOf(b.getExpression(), type);
                    if (t != null) {
                        bindings.put(b.getVariable(), t);
                    }
                }
            }
        }

        /**
         * Drools' "$a is not relevant to this pattern, so it causes class reactivity", which it only logs: a
         * constraint that uses another pattern's binding other than as the value a field of this one is compared
         * with. The pattern then wakes on every change of its fact, not only of the fields it reads.
         */
        void reactivity(PatternDescr p) {
            java.util.Set<String> own = new java.util.HashSet<>();
            if (p.getIdentifier() != null) {
                own.add(p.getIdentifier());
            }
            for (BaseDescr c : p.getDescrs()) {
                if (!(c instanceof ExprConstraintDescr e)) {
                    continue;
                }
                String expr = e.getExpression().replaceFirst("^\\s*(\\$\\w+)\\s*:\\s*", "");
                Matcher bound = Pattern.compile("^\\s*(\\$\\w+)\\s*:").matcher(e.getExpression());
                if (bound.find()) {
                    own.add(bound.group(1));
                }
                if (expr.isBlank() || expr.matches("\\s*\\w+(\\s*\\.\\s*\\w+)*\\s*(==|!=|<=|>=|<|>)\\s*\\$\\w+(\\s*\\.\\s*\\w+)*\\s*")) {
                    continue; // field op $x.y: the join Drools indexes, reactive on the field
                }
                Matcher v = Pattern.compile("\\$\\w+").matcher(blankStrings(expr));
                while (v.find()) {
                    if (!own.contains(v.group())) {
                        String var = v.group();
                        int at = 0;
                        int ln = Math.max(e.getLine(), 1);
                        for (int i = ln - 1; i < Math.min(lines.length, ln + 20); i++) {
                            int idx = lines[i].indexOf(expr.strip().split("\\s+")[0]);
                            if (idx >= 0) {
                                ln = i + 1;
                                at = idx + 1;
                                break;
                            }
                        }
                        warnings.add(new RuleProblem(file, ln, at, "warning: rule \"" + rule + "\": " + var
                                + " is not relevant to this pattern, so Drools falls back to class reactivity (the "
                                + p.getObjectType() + " pattern wakes on any change of its fact): join on a field"
                                + " (field == " + var + ".field), or annotate the class @ClassReactive (in: "
                                + expr.strip() + ")"));
                        break;
                    }
                }
            }
        }

        void constraint(ExprConstraintDescr e, Class<?> type) {
            String expr = e.getExpression();
            // a binding inside the constraint: "$k : subjectKey" or "$k : subjectKey == ..."
            Matcher bind = Pattern.compile("^\\s*(\\$\\w+)\\s*:\\s*(.*)$", Pattern.DOTALL).matcher(expr);
            if (bind.matches()) {
                String rest = bind.group(2);
                Matcher path = PATH.matcher(rest.strip());
                if (path.lookingAt()) {
                    Class<?> t = typeOf(path.group(), type);
                    if (t != null) {
                        bindings.put(bind.group(1), t);
                    }
                }
                expr = rest;
            }
            methods(expr, type, e.getLine());
            ConstraintConnectiveDescr tree;
            try {
                tree = exprParser.parse(expr);
            } catch (RuntimeException ex) {
                return;
            }
            if (tree == null || exprParser.hasErrors()) {
                return;
            }
            relations(tree, type, e.getLine(), expr);
        }

        void relations(BaseDescr d, Class<?> type, int line, String expr) {
            if (d instanceof ConstraintConnectiveDescr cc) {
                cc.getDescrs().forEach(child -> relations(child, type, line, expr));
            } else if (d instanceof RelationalExprDescr r && r.getLeft() instanceof AtomicExprDescr left
                    && r.getRight() instanceof AtomicExprDescr right && !left.isLiteral()) {
                String op = r.getOperator();
                if (List.of("==", "!=", "<", ">", "<=", ">=").contains(op)) {
                    compare(left.getExpression().strip(), right, type, line, expr);
                }
            }
        }

        void compare(String leftText, AtomicExprDescr right, Class<?> type, int line, String expr) {
            Class<?> left = typeOf(leftText, type);
            if (left == null) {
                return;
            }
            String field = leftText.replaceAll("\\s+", "");
            String r = right.getExpression().strip();
            String literal = right.isLiteral() || r.startsWith("\"") || r.startsWith("'") ? r : null;
            Class<?> rightType = literal != null ? literalType(literal) : typeOfConstant(r);
            if (rightType == null || r.equals("null")) {
                return;
            }
            String problem = null;
            Class<?> boxed = box(left);
            if (left.isEnum()) {
                if (rightType != left) {
                    problem = field + " is a " + left.getSimpleName() + "; write " + suggestion(left, literal)
                            + (rightType.isEnum() ? " (not a " + rightType.getSimpleName() + ")" : "");
                } else if (literal == null && !constantExists(left, r)) {
                    problem = left.getSimpleName() + " has no constant '" + r.substring(r.lastIndexOf('.') + 1)
                            + "'; write one of " + constants(left);
                }
            } else if (Number.class.isAssignableFrom(boxed) && rightType == String.class) {
                String value = unquote(literal);
                problem = ISO_DATE.matcher(value).matches() && (field.endsWith("from") || field.endsWith("to"))
                        ? field + " is a " + boxed.getSimpleName() + " (a day number, not a date); write "
                        + "LocalDate.parse(\"" + value + "\").toEpochDay() (import java.time.LocalDate)"
                        : field + " is a " + boxed.getSimpleName() + " (a number); write a number, not \"" + value + "\"";
            } else if (Number.class.isAssignableFrom(boxed) && (rightType == Boolean.class || rightType.isEnum())) {
                problem = field + " is a " + boxed.getSimpleName() + " (a number); write a number";
            } else if (boxed == Boolean.class && rightType != Boolean.class) {
                problem = field + " is a boolean; write true or false";
            } else if (boxed == String.class && rightType != String.class) {
                problem = field + " is a String; write \"" + (literal == null ? r : literal) + "\"";
            }
            if (problem != null) {
                report(line, leftText.split("[\\s.]+")[leftText.startsWith("$") && leftText.contains(".") ? 1 : 0],
                        problem + " (in: " + expr.strip() + ")");
            }
        }

        /** Calls of methods the receiver does not have: {@code sameTimes($a)}, {@code $c.quoted()}. */
        void methods(String expr, Class<?> type, int line) {
            Matcher m = CALL.matcher(blankStrings(expr));
            while (m.find()) {
                Class<?> receiver;
                String name;
                if (m.group(3) != null) {
                    receiver = type;
                    name = m.group(3);
                } else {
                    receiver = m.group(1).startsWith("$") ? bindings.get(m.group(1)) : typeOf(m.group(1), type);
                    name = m.group(2);
                }
                if (receiver == null || KEYWORDS.contains(name)) {
                    continue;
                }
                boolean exists = Arrays.stream(receiver.getMethods()).anyMatch(x -> x.getName().equals(name));
                if (!exists) {
                    TreeSet<String> own = new TreeSet<>();
                    for (Method x : receiver.getDeclaredMethods()) {
                        if (Modifier.isPublic(x.getModifiers()) && !Modifier.isStatic(x.getModifiers())
                                && x.getParameterCount() > 0 && !x.getName().equals("equals")) {
                            own.add(x.getName());
                        }
                    }
                    report(line, name, receiver.getSimpleName() + " has no method '" + name + "'"
                            + (own.isEmpty() ? "" : " (its methods: " + String.join(", ", own) + ")"));
                }
            }
        }

        /** The type of a field path: {@code originKind}, {@code $c.from}, {@code this}; null when not plain. */
        Class<?> typeOf(String text, Class<?> type) {
            Matcher m = PATH.matcher(text.strip());
            if (!m.matches()) {
                return null;
            }
            String[] parts = m.group().replaceAll("\\s+", "").split("\\.");
            Class<?> t;
            int i = 1;
            if (parts[0].startsWith("$")) {
                t = bindings.get(parts[0]);
            } else if (parts[0].equals("this")) {
                t = type;
            } else {
                t = property(type, parts[0]);
            }
            for (; t != null && i < parts.length; i++) {
                t = property(t, parts[i]);
            }
            return t;
        }

        /** {@code SourceKind.SOCIAL} names an enum type: its class; else null. */
        Class<?> typeOfConstant(String text) {
            Matcher m = Pattern.compile("([A-Z]\\w*)\\.([A-Za-z_]\\w*)").matcher(text);
            if (!m.matches()) {
                return null;
            }
            Class<?> c = imports.get(m.group(1));
            return c != null && c.isEnum() ? c : null;
        }

        void report(int line, String word, String message) {
            int at = 0;
            int ln = Math.max(line, 1);
            for (int i = ln - 1; i < Math.min(lines.length, ln + 20); i++) {
                Matcher w = Pattern.compile("\\b" + Pattern.quote(word) + "\\b").matcher(lines[i]);
                if (w.find()) {
                    ln = i + 1;
                    at = w.start() + 1;
                    break;
                }
            }
            out.add(new RuleProblem(file, ln, at, "rule \"" + rule + "\": " + message));
        }
    }

    /** True for an imported class Drools treats as property reactive (the default, unless it says otherwise). */
    private static boolean propertyReactive(Class<?> type) {
        return type != null && !type.isAnnotationPresent(org.kie.api.definition.type.ClassReactive.class)
                && type.getPackageName().startsWith("org.factlint");
    }

    /** A field of a fact: a record component, a getter or an {@code isX()}; null when there is none. */
    static Class<?> property(Class<?> type, String name) {
        if (type.isRecord()) {
            for (RecordComponent c : type.getRecordComponents()) {
                if (c.getName().equals(name)) {
                    return c.getType();
                }
            }
        }
        String cap = name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
        for (String m : List.of("get" + cap, "is" + cap, name)) {
            try {
                Method method = type.getMethod(m);
                if (method.getReturnType() != void.class) {
                    return method.getReturnType();
                }
            } catch (NoSuchMethodException e) {
                // next form
            }
        }
        return null;
    }

    private static Class<?> literalType(String literal) {
        if (literal.startsWith("\"") || literal.startsWith("'")) {
            return String.class;
        }
        if (literal.equals("true") || literal.equals("false")) {
            return Boolean.class;
        }
        if (literal.equals("null")) {
            return Object.class;
        }
        return literal.matches("-?\\d[\\d_]*(\\.\\d+)?[lLdDfFbBiI]?") ? Number.class : null;
    }

    private static String suggestion(Class<?> enumType, String literal) {
        if (literal != null) {
            String wanted = unquote(literal).strip().toUpperCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
            for (Object c : enumType.getEnumConstants()) {
                if (((Enum<?>) c).name().equals(wanted)) {
                    return enumType.getSimpleName() + "." + wanted;
                }
            }
        }
        return "one of " + constants(enumType);
    }

    private static String constants(Class<?> enumType) {
        return String.join(", ", Arrays.stream(enumType.getEnumConstants())
                .map(c -> enumType.getSimpleName() + "." + ((Enum<?>) c).name()).toList());
    }

    private static boolean constantExists(Class<?> enumType, String text) {
        String name = text.substring(text.lastIndexOf('.') + 1);
        return Arrays.stream(enumType.getEnumConstants()).anyMatch(c -> ((Enum<?>) c).name().equals(name));
    }

    private static String unquote(String s) {
        return s.length() >= 2 ? s.substring(1, s.length() - 1) : s;
    }

    private static Class<?> box(Class<?> c) {
        if (!c.isPrimitive()) {
            return c;
        }
        return c == boolean.class ? Boolean.class : c == char.class ? Character.class : Number.class;
    }

    private static String blankStrings(String s) {
        return s.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"");
    }
}
