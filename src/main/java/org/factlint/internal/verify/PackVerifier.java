package org.factlint.internal.verify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.AtomicExprDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.BindingDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ConstraintConnectiveDescr;
import org.drools.drl.ast.descr.EvalDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ForallDescr;
import org.drools.drl.ast.descr.FromDescr;
import org.drools.drl.ast.descr.FunctionDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.MVELExprDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RelationalExprDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.ast.descr.TypeDeclarationDescr;
import org.drools.drl.ast.descr.TypeFieldDescr;
import org.drools.drl.parser.DrlExprParser;
import org.drools.drl.parser.DrlExprParserFactory;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;
import org.factlint.RuleProblem;
import org.kie.internal.builder.conf.LanguageLevelOption;

/**
 * Verifies an untrusted rule pack before anything compiles it (see {@code rules/README.md}, "The untrusted
 * profile"). It reads the pack the way Drools will, with Drools' own DRL parser, and walks the package description:
 * package and imports, declared types, functions, and for each rule its attributes, metadata, every condition
 * (patterns, constraints, {@code from}, {@code collect}, {@code accumulate}, {@code eval}, {@code exists},
 * {@code not}, {@code forall}) and its consequence. Expressions and code are parsed with a Java parser after unicode
 * escapes are expanded and checked by {@link CodeCheck} against the {@link AllowList}; anything this class does not
 * know is refused. Not API.
 */
public final class PackVerifier {
    private static final Pattern STRING_LITERAL = Pattern.compile("\"[^\"\\\\\\r\\n]*\"");
    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,9}");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");
    private static final Set<String> PACKAGE_DENIED = Set.of("java", "javax", "jdk", "sun", "com.sun", "org.drools",
            "org.kie", "org.mvel2", "org.factlint", "org.slf4j", "com.fasterxml", "com.github.javaparser",
            "org.antlr", "org.eclipse", "opennlp", "picocli", "org.apache");
    /** Simple names a pack may use without a single-type import (java.lang's, a wildcard import's). */
    private static final Set<String> SHADOWABLE = shadowable();
    private static final Set<String> FLAG_ATTRIBUTES = Set.of("no-loop", "lock-on-active", "auto-focus");
    private static final Set<String> NAME_ATTRIBUTES = Set.of("agenda-group", "activation-group", "ruleflow-group");
    /** Words of the condition language that are not names. */
    private static final Set<String> CONDITION_WORDS = Set.of("null", "true", "false", "this", "new", "instanceof",
            "contains", "memberOf", "not", "in", "from");

    private PackVerifier() {
    }

    private static Set<String> shadowable() {
        Set<String> names = new java.util.TreeSet<>(AllowList.JAVA_LANG);
        AllowList.CLASSES.values().forEach(c -> names.add(c.getSimpleName()));
        return Set.copyOf(names);
    }

    /** Brackets nested deeper than this are refused before any parser reads the file (the bundled pack needs 6). */
    static final int MAX_NESTING = 64;
    /** The stack the verification runs on: deep enough for any file within {@link #MAX_NESTING}. */
    private static final long VERIFY_STACK = 64L * 1024 * 1024;

    /**
     * Every refusal of the pack's DRL files, located; empty when the pack may be compiled. Runs on a thread of its own
     * with a large stack: a file the parsers cannot read without overflowing it is refused, never thrown.
     */
    public static List<RuleProblem> verify(Map<String, String> drlFiles) {
        List<RuleProblem> out = new ArrayList<>();
        Throwable[] failed = new Throwable[1];
        Thread t = new Thread(null, () -> {
            try {
                out.addAll(verifyHere(drlFiles));
            } catch (StackOverflowError e) {
                out.add(new RuleProblem(drlFiles.keySet().stream().sorted().findFirst().orElse("?"), 1, 1,
                        "the pack is nested too deeply to verify (the verifier's stack overflowed): it is not allowed "
                        + "in an untrusted pack"));
            } catch (Throwable e) {
                failed[0] = e;
            }
        }, "factlint-verify", VERIFY_STACK);
        t.setDaemon(true);
        t.start();
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failed[0] instanceof Error e) {
            throw e;
        }
        if (failed[0] instanceof RuntimeException e) {
            throw e;
        }
        if (failed[0] != null) {
            throw new IllegalStateException(failed[0]);
        }
        return out;
    }

    private static List<RuleProblem> verifyHere(Map<String, String> drlFiles) {
        List<RuleProblem> problems = new ArrayList<>();
        List<RuleProblem> syntax = new ArrayList<>();
        Map<String, PackageDescr> parsed = new LinkedHashMap<>();
        for (Map.Entry<String, String> file : drlFiles.entrySet()) {
            if (tooDeep(file.getKey(), file.getValue(), problems)) {
                continue;
            }
            DrlParser parser = new DrlParser(LanguageLevelOption.DRL6);
            try {
                PackageDescr pkg = parser.parse(false, file.getValue());
                // A file that does not parse is reported by the compiler with its syntax errors, and Drools builds
                // nothing of it; it need not (and cannot reliably) be verified.
                if (pkg != null && !parser.hasErrors()) {
                    parsed.put(file.getKey(), pkg);
                }
                for (org.drools.drl.parser.DroolsError error : parser.getErrors()) {
                    syntax.add(syntaxError(file.getKey(), error));
                }
            } catch (DroolsParserException | RuntimeException e) {
                problems.add(new RuleProblem(file.getKey(), 1, 1, "the DRL parser failed: " + e.getMessage()));
            }
        }
        Declarations declared = new Declarations();
        for (Map.Entry<String, PackageDescr> e : parsed.entrySet()) {
            declared.collect(e.getKey(), e.getValue(), drlFiles.get(e.getKey()), problems);
        }
        for (Map.Entry<String, PackageDescr> e : parsed.entrySet()) {
            try {
                new FileCheck(e.getKey(), drlFiles.get(e.getKey()), e.getValue(), declared, problems).run();
            } catch (RuntimeException unknown) {
                // deny by default: what the verifier cannot walk is refused, never thrown
                problems.add(new RuleProblem(e.getKey(), 1, 1, "the verifier cannot read this file ("
                        + unknown.getClass().getSimpleName() + "): it uses DRL that is not allowed in an untrusted "
                        + "pack"));
            }
        }
        if (!problems.isEmpty()) {
            problems.addAll(syntax); // the pack is not compiled: its syntax errors are reported here with the rest
        }
        return problems;
    }

    /** The files nested deeper than {@link #MAX_NESTING}: no parser may read them (each would overflow its stack). */
    public static Set<String> tooDeep(Map<String, String> drlFiles) {
        Set<String> out = new HashSet<>();
        drlFiles.forEach((file, text) -> {
            if (tooDeep(file, text, new ArrayList<>())) {
                out.add(file);
            }
        });
        return out;
    }

    /** Brackets nested deeper than {@link #MAX_NESTING}, as written or with unicode escapes expanded: refused. */
    private static boolean tooDeep(String file, String text, List<RuleProblem> problems) {
        for (String reading : List.of(text, Escapes.expand(text))) {
            int at = Brackets.deeperThan(reading, MAX_NESTING);
            boolean angles = false;
            if (at < 0) {
                at = Brackets.anglesDeeperThan(reading, MAX_NESTING);
                angles = at >= 0;
            }
            if (at >= 0) {
                int line = 1;
                int lineStart = 0;
                for (int i = 0; i < at && reading == text; i++) {
                    if (text.charAt(i) == '\n') {
                        line++;
                        lineStart = i + 1;
                    }
                }
                problems.add(new RuleProblem(file, line, reading == text ? at - lineStart + 1 : 1,
                        (angles ? "type arguments" : "brackets") + " nested more than " + MAX_NESTING
                        + " deep are not allowed in an untrusted pack"));
                return true;
            }
        }
        return false;
    }

    /** A DRL syntax error as the compiler would give it: "Line 8:26 no viable alternative ...", column 0-based. */
    private static RuleProblem syntaxError(String file, org.drools.drl.parser.DroolsError error) {
        String text = error.getMessage() == null ? "syntax error" : error.getMessage().strip().replaceAll("\\s+", " ");
        java.util.regex.Matcher at = Pattern.compile("Line (\\d+):(\\d+)").matcher(text);
        int line = error.getLines() != null && error.getLines().length > 0 ? error.getLines()[0] : 1;
        int column = 1;
        if (at.find()) {
            line = Integer.parseInt(at.group(1));
            column = Integer.parseInt(at.group(2)) + 1;
            text = text.replaceFirst("^\\[ERR \\d+\\] Line \\d+:\\d+ ", "");
        }
        return new RuleProblem(file, line, column, text);
    }

    /** Declared types and functions of the whole pack (they are visible across the files of a package). */
    private static final class Declarations {
        final Map<String, List<String>> types = new HashMap<>();
        final Set<String> functions = new HashSet<>();
        final Set<String> fields = new HashSet<>();
        final Set<String> methods = new HashSet<>();

        void collect(String file, PackageDescr pkg, String text, List<RuleProblem> problems) {
            for (TypeDeclarationDescr t : pkg.getTypeDeclarations()) {
                List<String> names = new ArrayList<>(t.getFields().keySet());
                types.put(t.getTypeName(), names);
                for (String f : names) {
                    fields.add(f);
                    String cap = f.isEmpty() ? f : Character.toUpperCase(f.charAt(0)) + f.substring(1);
                    methods.add("get" + cap);
                    methods.add("set" + cap);
                    methods.add("is" + cap);
                }
            }
            for (FunctionDescr f : pkg.getFunctions()) {
                functions.add(f.getName());
            }
        }
    }

    /** One file: its name resolution, declarations and rules. */
    private static final class FileCheck implements CodeCheck.PackContext {
        private final String file;
        private final String text;
        private final PackageDescr pkg;
        private final Declarations declared;
        private final List<RuleProblem> problems;
        private final Map<String, Class<?>> simpleNames = new HashMap<>();

        FileCheck(String file, String text, PackageDescr pkg, Declarations declared, List<RuleProblem> problems) {
            this.file = file;
            this.text = text;
            this.pkg = pkg;
            this.declared = declared;
            this.problems = problems;
        }

        private Where at(BaseDescr d, String rule) {
            return new Where(file, rule, d.getLine(), d.getColumn() + 1, 0, problems);
        }

        private void refuse(BaseDescr d, String rule, String what) {
            at(d, rule).refuse(0, 0, what + " is not allowed in an untrusted pack");
        }

        void run() {
            for (String name : AllowList.JAVA_LANG) {
                simpleNames.put(name, AllowList.CLASSES.get("java.lang." + name));
            }
            checkPackage();
            for (ImportDescr i : pkg.getImports()) {
                checkImport(i);
            }
            pkg.getFunctionImports().forEach(i -> refuse(i, null, "the function import '" + i.getTarget() + "'"));
            pkg.getAccumulateImports().forEach(i -> refuse(i, null, "the accumulate import '" + i.getTarget()
                    + "'"));
            pkg.getGlobals().forEach(g -> refuse(g, null, "the global '" + g.getIdentifier()
                    + "': a pack may not share state with the application"));
            pkg.getEntryPointDeclarations().forEach(e -> refuse(e, null, "an entry point declaration"));
            pkg.getWindowDeclarations().forEach(w -> refuse(w, null, "a window declaration"));
            pkg.getEnumDeclarations().forEach(e -> refuse(e, null, "an enum declaration"));
            if (pkg.getUnit() != null) {
                refuse(pkg.getUnit(), null, "a rule unit");
            }
            for (AttributeDescr a : pkg.getAttributes()) {
                attribute(a, null);
            }
            for (TypeDeclarationDescr t : pkg.getTypeDeclarations()) {
                checkType(t);
            }
            for (FunctionDescr f : pkg.getFunctions()) {
                checkFunction(f);
            }
            for (RuleDescr r : pkg.getRules()) {
                checkRule(r);
            }
        }

        // ------------------------------------------------------------ package, imports, declarations

        private void checkPackage() {
            String name = pkg.getName() == null ? "" : pkg.getName();
            if (name.equals("org.factlint.rules")) {
                simpleNames.put("Flags", org.factlint.rules.Flags.class);
                simpleNames.put("Lexicon", org.factlint.rules.Lexicon.class);
                return;
            }
            for (String denied : PACKAGE_DENIED) {
                if (name.equals(denied) || name.startsWith(denied + ".")) {
                    problems.add(new RuleProblem(file, lineOf("package"), 1, "the package '" + name + "' is not "
                            + "allowed in an untrusted pack: its classes would be in scope without an import (use "
                            + "org.factlint.rules or a package of your own)"));
                    return;
                }
            }
            // A package of the class path puts its classes in scope under the allowed simple names: in Java a class
            // of the pack's own package hides java.lang's and those of every wildcard import (org.flywaydb.core.api
            // has a Location, which the verifier would read as the fact's).
            for (String simple : SHADOWABLE) {
                try {
                    Class<?> there = Class.forName(name.isEmpty() ? simple : name + "." + simple, false,
                            PackVerifier.class.getClassLoader());
                    Class<?> allowed = AllowList.JAVA_LANG.contains(simple) ? AllowList.CLASSES.get("java.lang."
                            + simple) : AllowList.CLASSES.values().stream().filter(c -> c.getSimpleName()
                            .equals(simple)).findFirst().orElse(there);
                    problems.add(new RuleProblem(file, lineOf("package"), 1, (name.isEmpty() ? "no package"
                            : "the package '" + name + "'") + " is not allowed in an untrusted pack: its class "
                            + simple + " would hide "
                            + allowed.getName().replace('$', '.')));
                    return;
                } catch (ClassNotFoundException | LinkageError expected) {
                    // not there: good
                }
            }
        }

        /** The 1-based column of {@code word} on {@code line}, searched from {@code from}; {@code from} if absent. */
        private int column(int line, int from, String word) {
            int[] starts = lineStarts();
            if (word == null || line < 1 || line > starts.length) {
                return from;
            }
            int end = line < starts.length ? starts[line] - 1 : text.length();
            int i = text.substring(starts[line - 1], end).indexOf(word, Math.max(from - 1, 0));
            return i < 0 ? from : i + 1;
        }

        private int[] lineStarts;

        /** The offset of each line's first character, computed once: locating stays linear in the file's size. */
        private int[] lineStarts() {
            if (lineStarts == null) {
                List<Integer> starts = new ArrayList<>();
                starts.add(0);
                for (int i = 0; i < text.length(); i++) {
                    if (text.charAt(i) == '\n') {
                        starts.add(i + 1);
                    }
                }
                lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
            }
            return lineStarts;
        }

        /** The 1-based line of a character offset. */
        private int lineAt(int offset) {
            int i = java.util.Arrays.binarySearch(lineStarts(), offset);
            return i >= 0 ? i + 1 : -i - 1;
        }

        private int lineOf(String keyword) {
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].strip().startsWith(keyword + " ")) {
                    return i + 1;
                }
            }
            return 1;
        }

        private void checkImport(ImportDescr i) {
            String target = i.getTarget().replaceAll("\\s+", "");
            if (target.endsWith(".*")) {
                String prefix = target.substring(0, target.length() - 1);
                boolean any = false;
                for (Map.Entry<String, Class<?>> c : AllowList.CLASSES.entrySet()) {
                    String rest = c.getKey().startsWith(prefix) ? c.getKey().substring(prefix.length()) : null;
                    if (rest != null && !rest.contains(".")) {
                        simpleNames.put(rest, c.getValue());
                        any = true;
                    }
                }
                if (!any) {
                    refuse(i, null, "the import '" + target + "' (" + AllowList.allowedList() + ")");
                }
                return;
            }
            Class<?> c = AllowList.CLASSES.get(target);
            if (c == null) {
                refuse(i, null, "the import '" + target + "' (" + AllowList.allowedList() + ")");
                return;
            }
            simpleNames.put(target.substring(target.lastIndexOf('.') + 1), c);
        }

        private void checkType(TypeDeclarationDescr t) {
            String name = t.getTypeName();
            if (simpleNames.containsKey(name) || AllowList.CLASSES.keySet().stream().anyMatch(k -> k.endsWith("." + name))) {
                refuse(t, null, "the declared type '" + name + "', which would hide an allowed class of that name");
            }
            String namespace = t.getNamespace() == null ? "" : t.getNamespace().strip();
            String pkgName = pkg.getName() == null ? "" : pkg.getName();
            if (!namespace.isEmpty() && !namespace.equals(pkgName)) {
                // 'declare java.io.FileOutputStream end' names an existing class: the pack could then use it as its own
                refuse(t, null, "the declared type '" + namespace + "." + name + "' outside the pack's package "
                        + "(a declaration of an existing class)");
            } else if (existingClass(pkgName, name)) {
                refuse(t, null, "the declared type '" + name + "', which names an existing class");
            }
            if (t.isTrait()) {
                refuse(t, null, "the trait '" + name + "'");
            }
            if (!t.getSuperTypes().isEmpty()) {
                refuse(t, null, "the declared type '" + name + "' extending '" + t.getSuperTypeName() + "'");
            }
            t.getAnnotations().forEach(a -> refuse(t, null, "the annotation @" + a.getName() + " on declared type '"
                    + name + "'"));
            for (TypeFieldDescr f : t.getFields().values()) {
                accessorClash(f, name);
                String type = f.getPattern() == null ? "?" : f.getPattern().getObjectType();
                if (!fieldType(type)) {
                    refuse(f, null, "the field type '" + type + "' of " + name + "." + f.getFieldName() + " ("
                            + AllowList.allowedList() + ")");
                }
                if (f.getInitExpr() != null) {
                    refuse(f, null, "the initial value of " + name + "." + f.getFieldName()
                            + " (MVEL would evaluate it while compiling)");
                }
                f.getAnnotations().forEach(a -> refuse(f, null, "the annotation @" + a.getName() + " on field "
                        + name + "." + f.getFieldName()));
            }
        }

        /** A class of that name in java.lang or in the pack's package already exists on the class path. */
        private static boolean existingClass(String pkgName, String name) {
            for (String prefix : List.of("java.lang.", pkgName.isEmpty() ? "" : pkgName + ".")) {
                try {
                    Class.forName(prefix + name, false, PackVerifier.class.getClassLoader());
                    return true;
                } catch (ClassNotFoundException | LinkageError expected) {
                    // not there: good
                }
            }
            return false;
        }

        /**
         * A declared field's accessors ({@code name}, {@code getName}, {@code isName}, {@code setName}) become method
         * and property names the pack may use, and the verifier does not infer types: a field {@code declaringClass}
         * would let {@code Polarity.AFFIRMED.getDeclaringClass()} through. Such a field is refused when an accessor
         * is a public method of an allowed class and not itself an allowed method.
         */
        private void accessorClash(TypeFieldDescr f, String type) {
            String field = f.getFieldName();
            String cap = field.isEmpty() ? field : Character.toUpperCase(field.charAt(0)) + field.substring(1);
            for (String accessor : List.of(field, "get" + cap, "is" + cap, "set" + cap)) {
                if (AllowList.INSTANCE_METHODS.contains(accessor)) {
                    continue;
                }
                Class<?> owner = AllowList.methodOwner(accessor);
                if (owner != null) {
                    refuse(f, null, "the field '" + field + "' of " + type + " (its accessor " + accessor + " is also "
                            + "a method of " + owner.getName() + ")");
                    return;
                }
            }
        }

        private boolean fieldType(String type) {
            if (type.chars().filter(ch -> ch == '<').count() > 0) {
                // every type named in the generic arguments must be allowed too: List<java.io.File> is refused
                for (String part : type.split("[<>,\\s]+")) {
                    if (!part.isEmpty() && !fieldType(part)) {
                        return false;
                    }
                }
                return true;
            }
            String raw = type.strip();
            return AllowList.PRIMITIVES.contains(raw) || resolve(raw).isPresent() || AllowList.CLASSES.containsKey(raw)
                    || declared.types.containsKey(raw);
        }

        private void checkFunction(FunctionDescr f) {
            Where where = codeAt(f.getBody(), f.getLine(), f.getColumn() + 1, "function " + f.getName()).block();
            if (AllowList.methodOwner(f.getName()) != null && !AllowList.INSTANCE_METHODS.contains(f.getName())) {
                // MVEL reads an unqualified call in a condition on the pattern's fact first: a function named
                // getDeclaringClass would let Polarity( getDeclaringClass() ... ) through
                refuse(f, null, "the function name '" + f.getName() + "' (also a method of "
                        + AllowList.methodOwner(f.getName()).getName() + ")");
            }
            if (f.getDialect() != null && !f.getDialect().equals("java")) {
                refuse(f, null, "the dialect \"" + f.getDialect() + "\" of function " + f.getName());
            }
            Set<String> params = new HashSet<>(f.getParameterNames());
            CodeCheck check = new CodeCheck(this, where, CodeCheck.Mode.FUNCTION, params);
            // The signature's types, checked as a throwaway declaration list.
            StringBuilder decl = new StringBuilder();
            if (f.getReturnType() != null && !f.getReturnType().equals("void")) {
                decl.append(f.getReturnType()).append(" r__;");
            }
            int k = 0;
            for (String p : f.getParameterTypes()) {
                decl.append(p).append(" p").append(k++).append("__;");
            }
            new CodeCheck(this, at(f, "function " + f.getName()), CodeCheck.Mode.FUNCTION, Set.of())
                    .block(decl.toString());
            check.block(f.getBody());
        }

        // ------------------------------------------------------------ rules

        private void checkRule(RuleDescr r) {
            String rule = r.getName();
            if (r.isQuery()) {
                refuse(r, rule, "a query");
                return;
            }
            if (r.getUnit() != null) {
                refuse(r, rule, "a rule unit");
            }
            if (rule.chars().anyMatch(ch -> ch == '\\' || ch == '"' || Character.isISOControl(ch)
                    || Character.getType(ch) == Character.FORMAT || Character.isSurrogate((char) ch))) {
                // the name goes into generated code and reports: plain text only
                refuse(r, null, "the rule name '" + Where.cut(rule) + "' (a backslash, quote, control or format "
                        + "character)");
            }
            for (AttributeDescr a : r.getAttributes().values()) {
                attribute(a, rule);
            }
            for (AnnotationDescr a : r.getAnnotations()) {
                annotation(a, rule);
            }
            if (!r.getNamedConsequences().isEmpty()) {
                refuse(r, rule, "a named consequence ('then[...]')");
            }
            Set<String> bindings = new HashSet<>();
            if (r.getLhs() != null) {
                collectBindings(r.getLhs(), bindings);
                for (String b : new java.util.TreeSet<>(bindings)) {
                    if (!b.startsWith("$")) {
                        // MVEL reads java.sql.DriverManager as the class even where 'java' is a binding
                        refuse(r, rule, "the binding '" + b + "' (bindings start with $: MVEL would read a plain name"
                                + " such as java or org as a package)");
                    }
                }
                lhs(r.getLhs(), rule, bindings);
            }
            Object consequence = r.getConsequence();
            if (consequence instanceof String code && !code.isBlank()) {
                Where where = codeAt(code, r.getConsequenceLine(), 1, rule).block();
                new CodeCheck(this, where, CodeCheck.Mode.CONSEQUENCE, bindings).block(modifyBlocks(code, where,
                        bindings));
            } else if (consequence != null && !(consequence instanceof String)) {
                refuse(r, rule, "a consequence of type " + consequence.getClass().getSimpleName());
            }
        }

        private void attribute(AttributeDescr a, String rule) {
            String name = a.getName();
            String value = a.getValue() == null ? "" : a.getValue().strip();
            if (name.equals("dialect")) {
                if (!value.equals("java") && !value.equals("\"java\"")) {
                    refuse(a, rule, "the dialect \"" + value.replace("\"", "") + "\" (MVEL evaluates code the "
                            + "verifier cannot follow; write Java)");
                }
            } else if (name.equals("salience")) {
                if (!INTEGER.matcher(value).matches()) {
                    refuse(a, rule, "the salience '" + Where.cut(value) + "' (an integer only)");
                }
            } else if (FLAG_ATTRIBUTES.contains(name)) {
                if (!value.isEmpty() && !value.equals("true") && !value.equals("false")) {
                    refuse(a, rule, "the value '" + Where.cut(value) + "' of " + name + " (true or false only)");
                }
            } else if (NAME_ATTRIBUTES.contains(name)) {
                if (!STRING_LITERAL.matcher(value).matches() && !IDENTIFIER.matcher(value).matches()) {
                    refuse(a, rule, "the value '" + Where.cut(value) + "' of " + name + " (a literal string only)");
                }
            } else {
                refuse(a, rule, "the attribute '" + name + "'");
            }
        }

        private void annotation(AnnotationDescr a, String rule) {
            if (!AllowList.RULE_ANNOTATIONS.contains(a.getName()) || a.getFullyQualifiedName() != null) {
                refuse(a, rule, "the annotation @" + a.getName() + " (rules take @code, @category, @severity, "
                        + "@message and @description)");
                return;
            }
            Map<String, Object> values = a.getValueMap();
            boolean literal = values.size() == 1 && values.containsKey(AnnotationDescr.VALUE)
                    && values.get(AnnotationDescr.VALUE) instanceof String s && STRING_LITERAL.matcher(s).matches();
            if (!literal) {
                at(a, rule).refuse(0, 0, "@" + a.getName() + "(" + Where.cut(String.valueOf(values.size() == 1
                        ? values.values().iterator().next() : values)) + ") is not allowed in an untrusted pack: "
                        + "metadata takes one literal string, without backslashes (Drools evaluates anything else "
                        + "with MVEL while compiling)");
            }
        }

        /** Every name a rule's conditions bind: patterns, constraint bindings, accumulate results. */
        private void collectBindings(BaseDescr d, Set<String> out) {
            if (d instanceof PatternDescr p) {
                if (p.getIdentifier() != null) {
                    out.add(p.getIdentifier());
                }
                for (BaseDescr c : p.getDescrs()) {
                    if (c instanceof ExprConstraintDescr e) {
                        ConstraintConnectiveDescr parsed = parseConstraint(e.getExpression());
                        if (parsed != null) {
                            collectConstraintBindings(parsed, out);
                        }
                    }
                }
                if (p.getSource() != null) {
                    collectBindings(p.getSource(), out);
                }
            } else if (d instanceof AccumulateDescr a) {
                for (AccumulateDescr.AccumulateFunctionCallDescr f : a.getFunctions()) {
                    if (f.getBind() != null) {
                        out.add(f.getBind());
                    }
                }
                if (a.getInput() != null) {
                    collectBindings(a.getInput(), out);
                }
            } else if (d instanceof CollectDescr c) {
                collectBindings(c.getInputPattern(), out);
            } else if (d instanceof ForallDescr f) {
                f.getDescrs().forEach(x -> collectBindings(x, out));
            } else if (d instanceof org.drools.drl.ast.descr.ConditionalElementDescr ce) {
                for (Object child : ce.getDescrs()) {
                    collectBindings((BaseDescr) child, out);
                }
            }
        }

        private void collectConstraintBindings(BaseDescr d, Set<String> out) {
            if (d instanceof BindingDescr b) {
                out.add(b.getVariable());
            } else if (d instanceof RelationalExprDescr r) {
                collectConstraintBindings(r.getLeft(), out);
                collectConstraintBindings(r.getRight(), out);
            } else if (d instanceof ConstraintConnectiveDescr c) {
                c.getDescrs().forEach(x -> collectConstraintBindings(x, out));
            }
        }

        private static ConstraintConnectiveDescr parseConstraint(String expression) {
            DrlExprParser parser = DrlExprParserFactory.getDrlExprParser(LanguageLevelOption.DRL6);
            ConstraintConnectiveDescr d = parser.parse(expression);
            return parser.hasErrors() ? null : d;
        }

        private void lhs(BaseDescr d, String rule, Set<String> bindings) {
            Class<?> k = d.getClass(); // exact classes: a subclass may carry parts this walk does not read
            if (k == AndDescr.class || k == OrDescr.class || k == NotDescr.class || k == ExistsDescr.class) {
                for (Object child : ((org.drools.drl.ast.descr.ConditionalElementDescr) d).getDescrs()) {
                    lhs((BaseDescr) child, rule, bindings);
                }
            } else if (k == ForallDescr.class) {
                ((ForallDescr) d).getDescrs().forEach(x -> lhs(x, rule, bindings));
            } else if (k == PatternDescr.class) {
                pattern((PatternDescr) d, rule, bindings);
            } else if (k == EvalDescr.class) {
                EvalDescr e = (EvalDescr) d;
                condition(String.valueOf(e.getContent()), at(e, rule), bindings);
            } else {
                refuse(d, rule, "the condition element '" + d.getClass().getSimpleName().replace("Descr", "") + "'");
            }
        }

        private static String simple(String type) {
            return type == null ? null : type.substring(type.lastIndexOf('.') + 1);
        }

        private void pattern(PatternDescr p, String rule, Set<String> bindings) {
            String type = p.getObjectType();
            if (type == null || !(resolve(type).isPresent() || AllowList.CLASSES.containsKey(type)
                    || declared.types.containsKey(type))) {
                Where where = new Where(file, null, p.getLine(), column(p.getLine(), p.getColumn() + 1, simple(type)),
                        0, problems);
                if (type != null && !type.contains(".")) {
                    where.refuse(0, 0, "unknown fact type '" + type + "': no such class is imported or declared");
                } else {
                    where.refuse(0, 0, "rule \"" + rule + "\": a pattern on '" + type + "' is not allowed in an "
                            + "untrusted pack (" + AllowList.allowedList() + ")");
                }
            }
            p.getAnnotations().forEach(a -> refuse(p, rule, "the annotation @" + a.getName() + " on a pattern"));
            if (!p.getBehaviors().isEmpty()) {
                refuse(p, rule, "a sliding window");
            }
            for (BaseDescr c : p.getDescrs()) {
                if (c instanceof ExprConstraintDescr e) {
                    constraint(e, rule, bindings, simple(p.getObjectType()));
                } else {
                    refuse(c, rule, "the constraint '" + c + "'");
                }
            }
            BaseDescr source = p.getSource();
            if (source == null) {
                return;
            }
            if (source.getClass() != FromDescr.class && source.getClass() != CollectDescr.class
                    && source.getClass() != AccumulateDescr.class) {
                // groupby is an AccumulateDescr with a grouping key the walk below would not read: deny by default
                refuse(source, rule, "the source '" + source.getClass().getSimpleName().replace("Descr", "")
                        + "' (entry points and windows are not part of the profile)");
                return;
            }
            if (source instanceof FromDescr f) {
                if (f.getDataSource() instanceof MVELExprDescr m) {
                    condition(m.getExpression(), at(f, rule), bindings);
                } else {
                    refuse(f, rule, "this 'from' source");
                }
            } else if (source instanceof CollectDescr c) {
                lhs(c.getInputPattern(), rule, bindings);
            } else if (source instanceof AccumulateDescr a) {
                accumulate(a, rule, bindings);
            } else {
                refuse(source, rule, "the source '" + source.getClass().getSimpleName().replace("Descr", "")
                        + "' (entry points and windows are not part of the profile)");
            }
        }

        private void accumulate(AccumulateDescr a, String rule, Set<String> bindings) {
            if (a.getInitCode() != null || a.getActionCode() != null || a.getReverseCode() != null
                    || a.getResultCode() != null || a.getClassName() != null) {
                refuse(a, rule, "inline accumulate code (init/action/reverse/result)");
            }
            for (AccumulateDescr.AccumulateFunctionCallDescr f : a.getFunctions()) {
                if (!AllowList.ACCUMULATE_FUNCTIONS.contains(f.getFunction())) {
                    refuse(a, rule, "the accumulate function '" + f.getFunction() + "' (allowed: "
                            + String.join(", ", new java.util.TreeSet<>(AllowList.ACCUMULATE_FUNCTIONS)) + ")");
                }
                for (String param : f.getParams()) {
                    condition(param, at(a, rule), bindings);
                }
            }
            if (a.getInput() != null) {
                lhs(a.getInput(), rule, bindings);
            }
        }

        private void constraint(ExprConstraintDescr e, String rule, Set<String> bindings, String type) {
            String expression = e.getExpression();
            Where where = at(e, rule);
            ConstraintConnectiveDescr parsed = parseConstraint(expression);
            if (parsed == null) {
                where.refuse(0, 0, "the constraint '" + Where.cut(expression) + "' is not readable: it is not "
                        + "allowed in an untrusted pack");
                return;
            }
            int before = problems.size();
            constraintPart(parsed, expression, where, bindings, type);
            if (problems.size() == before) {
                names(expression, where, bindings);
            }
        }

        private void constraintPart(BaseDescr d, String whole, Where where, Set<String> bindings, String type) {
            if (d instanceof ConstraintConnectiveDescr c) {
                c.getDescrs().forEach(x -> constraintPart(x, whole, where, bindings, type));
            } else if (d instanceof RelationalExprDescr r) {
                if (!AllowList.OPERATORS.contains(r.getOperator()) || r.getParameters() != null
                        && !r.getParameters().isEmpty()) {
                    where.refuse(0, 0, "the operator '" + r.getOperator() + "'"
                            + (r.getOperator().equals("matches") || r.getOperator().equals("soundslike")
                            ? " (a regular expression can take exponential time)" : "")
                            + " is not allowed in an untrusted pack (allowed: "
                            + String.join(" ", new java.util.TreeSet<>(AllowList.OPERATORS)) + ")");
                }
                constraintPart(r.getLeft(), whole, where, bindings, type);
                constraintPart(r.getRight(), whole, where, bindings, type);
            } else if (d instanceof BindingDescr b) {
                condition(b.getExpression(), within(where, whole, b.getExpression()), bindings, type, whole);
            } else if (d instanceof AtomicExprDescr a) {
                condition(a.getExpression(), within(where, whole, a.getExpression()), bindings, type, whole);
            } else if (d != null) {
                where.refuse(0, 0, "the constraint part '" + d + "' is not allowed in an untrusted pack");
            }
        }

        /** The position of {@code part} inside a constraint written on one line, else the constraint's own. */
        private static Where within(Where where, String whole, String part) {
            int i = part == null ? -1 : whole.indexOf(part.strip());
            return i < 0 || whole.substring(0, i).indexOf('\n') >= 0 ? where : where.shifted(i);
        }

        private void condition(String code, Where where, Set<String> bindings) {
            condition(code, where, bindings, null, null);
        }

        /** A condition's expression: the Java parser's check, then (when that found nothing) the names backstop. */
        private void condition(String code, Where where, Set<String> bindings, String patternType, String source) {
            CodeCheck check = new CodeCheck(this, where, CodeCheck.Mode.CONDITION, bindings, patternType, source);
            check.expression(code);
            if (check.refusals() == 0) {
                names(code, where, bindings);
            }
        }

        /**
         * A backstop that does not depend on how any parser splits a condition: every identifier of the text
         * (outside string literals) must be a name the pack may use.
         */
        private void names(String code, Where where, Set<String> bindings) {
            for (String raw : List.of(code, Escapes.expand(code))) {
                java.util.regex.Matcher m = IDENTIFIER.matcher(blankStrings(raw));
                while (m.find()) {
                    String id = m.group();
                    if (!knownName(id, bindings)) {
                        where.refuse(0, 0, "the name '" + id + "' in '" + Where.cut(code) + "' is not allowed in an "
                                + "untrusted pack");
                        return;
                    }
                }
            }
        }

        private boolean knownName(String id, Set<String> bindings) {
            if (Character.isDigit(id.charAt(0)) || CONDITION_WORDS.contains(id) || bindings.contains(id)
                    || property(id) || AllowList.INSTANCE_METHODS.contains(id) || function(id)
                    || resolve(id).isPresent() || declared.types.containsKey(id) || declared.methods.contains(id)) {
                return true;
            }
            for (Map.Entry<Class<?>, Set<String>> e : AllowList.STATIC_METHODS.entrySet()) {
                if (e.getValue().contains(id)) {
                    return true;
                }
            }
            for (Map.Entry<String, Class<?>> c : AllowList.CLASSES.entrySet()) {
                if (List.of(c.getKey().split("\\.")).contains(id) || AllowList.staticField(c.getValue(), id)) {
                    return true;
                }
            }
            return false;
        }

        /** String and character literals blanked (numbers with exponents or suffixes start with a digit). */
        private static String blankStrings(String s) {
            StringBuilder out = new StringBuilder(s.length());
            int i = 0;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == '"' || c == '\'') {
                    int j = i + 1;
                    while (j < s.length() && s.charAt(j) != c) {
                        j += s.charAt(j) == '\\' ? 2 : 1;
                    }
                    out.append(' ');
                    for (int k = i + 1; k < Math.min(j + 1, s.length()); k++) {
                        out.append(' ');
                    }
                    i = j + 1;
                } else if (Character.isDigit(c) && (i == 0 || !Character.isJavaIdentifierPart(s.charAt(i - 1)))) {
                    while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_'
                            || s.charAt(i) == '.')) {
                        out.append(' ');
                        i++;
                    }
                } else {
                    out.append(c);
                    i++;
                }
            }
            return out.toString();
        }

        /**
         * Drools' {@code modify( $x ) { setA( .. ), setB( .. ) }} is not Java: each part is checked as a call on a
         * declared type and the block is blanked for the Java parser. Anything unreadable is left for the parser to
         * refuse.
         */
        private String modifyBlocks(String code, Where where, Set<String> bindings) {
            String expanded = Escapes.expand(code);
            if (!expanded.equals(code) || !expanded.contains("modify")) {
                return code;
            }
            StringBuilder out = new StringBuilder(code);
            java.util.regex.Matcher m = Pattern.compile("\\bmodify\\s*\\(").matcher(code);
            while (m.find()) {
                if (inLiteralOrComment(code, m.start())) {
                    continue;
                }
                int open = m.end() - 1;
                int close = Brackets.match(code, open);
                if (close < 0) {
                    return code;
                }
                int brace = skipSpace(code, close + 1);
                if (brace >= code.length() || code.charAt(brace) != '{') {
                    return code;
                }
                int end = Brackets.match(code, brace);
                if (end < 0) {
                    return code;
                }
                String target = code.substring(open + 1, close).strip();
                if (!bindings.contains(target)) {
                    where.refuse(0, 0, "modify of '" + Where.cut(target) + "' (a bound fact of a declared type only)"
                            + " is not allowed in an untrusted pack");
                }
                if (code.substring(brace + 1, end).isBlank()) {
                    // an empty modify is an update: it re-fires every rule on any bound fact (a flag, a claim)
                    where.refuse(0, 0, "modify of '" + Where.cut(target) + "' without a setter (an update of the fact)"
                            + " is not allowed in an untrusted pack");
                }
                for (String part : Brackets.splitTopLevel(code.substring(brace + 1, end))) {
                    if (part.isBlank()) {
                        continue;
                    }
                    String call = part.strip();
                    int paren = call.indexOf('(');
                    String method = paren < 0 ? call : call.substring(0, paren).strip();
                    if (!declared.methods.contains(method) || !method.startsWith("set")) {
                        where.refuse(0, 0, "'" + Where.cut(call) + "' in a modify block (setters of declared types"
                                + " only) is not allowed in an untrusted pack");
                        continue;
                    }
                    // the setter call with its arguments, as Drools writes it: a call on the target in the consequence
                    // (its arguments are consequence code: no 'this', no bare calls of the generated class's methods)
                    new CodeCheck(this, where, CodeCheck.Mode.CONSEQUENCE, bindings).expression(target + "." + call);
                }
                for (int k = m.start(); k <= end; k++) {
                    if (out.charAt(k) != '\n') {
                        out.setCharAt(k, ' ');
                    }
                }
                out.setCharAt(m.start(), ';');
            }
            return out.toString();
        }

        private static int skipSpace(String s, int i) {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            return i;
        }

        private static boolean inLiteralOrComment(String s, int at) {
            return Brackets.stateAt(s, at) != 0;
        }

        /** Where a piece of code (a consequence, a function body) starts in the file, searched from a line. */
        private Where codeAt(String code, int fromLine, int column, String rule) {
            String first = code.strip();
            int nl = first.indexOf('\n');
            first = nl < 0 ? first : first.substring(0, nl).strip();
            int[] starts = lineStarts();
            int offset = Math.max(fromLine, 1) <= starts.length ? starts[Math.max(fromLine, 1) - 1] : -1;
            int found = first.isEmpty() || offset < 0 ? -1 : text.indexOf(first, offset);
            if (found < 0) {
                return new Where(file, rule, fromLine, column, 0, problems);
            }
            int line = lineAt(found);
            int lineStart = starts[line - 1];
            // The code's text starts at its first non-blank character; lines below keep their columns.
            int lead = code.indexOf(first);
            int codeLine = line - (int) code.substring(0, Math.max(lead, 0)).chars().filter(ch -> ch == '\n').count();
            int col = codeLine == line ? found - lineStart + 1 - (lead - (code.lastIndexOf('\n', lead) + 1)) : 1;
            return new Where(file, rule, codeLine, Math.max(col, 1), 0, problems);
        }

        // ------------------------------------------------------------ CodeCheck.PackContext

        @Override
        public Optional<Class<?>> resolve(String simpleName) {
            return Optional.ofNullable(simpleNames.get(simpleName));
        }

        @Override
        public boolean property(String name) {
            return AllowList.PROPERTIES.contains(name) || declared.fields.contains(name);
        }

        @Override
        public boolean propertyOf(String type, String name) {
            if (type == null) {
                return false;
            }
            List<String> fields = declared.types.get(type);
            if (fields != null) {
                return fields.contains(name);
            }
            Class<?> c = resolve(type).orElse(AllowList.CLASSES.get(type));
            if (c == null) {
                return property(name); // an unknown type, refused as such: its fields are not refused a second time
            }
            if (!c.isRecord()) {
                return false;
            }
            for (java.lang.reflect.RecordComponent rc : c.getRecordComponents()) {
                if (rc.getName().equals(name)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public boolean function(String name) {
            return declared.functions.contains(name);
        }

        @Override
        public boolean declaredType(String name) {
            return declared.types.containsKey(name);
        }

        @Override
        public boolean declaredMethod(String name) {
            return declared.methods.contains(name);
        }

        @Override
        public Map<String, List<String>> declaredFields() {
            return declared.types;
        }
    }
}
