package org.factlint.internal.verify;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParseStart;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Providers;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.InstanceOfExpr;
import com.github.javaparser.ast.expr.LiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.EmptyStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.PrimitiveType;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.VoidType;
import com.github.javaparser.ast.type.WildcardType;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks one piece of a pack's code (a condition's expression, a consequence, a function body) with a real Java
 * parser: every construct, name, type, constructor, method and field must be on the {@link AllowList} or belong to
 * the pack (its bindings, locals, declared types, functions). Deny by default: a construct this class does not know
 * is refused.
 */
final class CodeCheck {
    /** Where a piece of code is, and what it may see. */
    enum Mode { CONDITION, CONSEQUENCE, FUNCTION }

    /** Names of the engine's runtime that a consequence sees: none may be used (kcontext only to build a flag). */
    private static final Set<String> RUNTIME = Set.of("kcontext", "drools", "kieRuntime", "kieSession", "context");
    private static final Set<String> CONSEQUENCE_CALLS = Set.of("insert", "insertLogical");
    private static final Set<String> ENGINE_CALLS = Set.of("update", "modify", "delete", "retract",
            "insertLogicalRef", "halt", "getKieRuntime", "getKnowledgeRuntime", "getRule", "getMatch");

    private final PackContext pack;
    private final Where where;
    private final Mode mode;
    private final Set<String> names;
    private final String patternType;
    private final String source;
    /** Refusals so far: a call on a refused scope is not refused a second time for its method. */
    private int refusals;
    private final JavaParser parser = new JavaParser(new ParserConfiguration()
            .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17));

    /**
     * @param names bindings, parameters and other names the code may use as values; locals are added as declared
     */
    CodeCheck(PackContext pack, Where where, Mode mode, Set<String> names) {
        this(pack, where, mode, names, null, null);
    }

    /** A check of part of a constraint on a pattern of {@code patternType}, written as {@code source}. */
    CodeCheck(PackContext pack, Where where, Mode mode, Set<String> names, String patternType, String source) {
        this.patternType = patternType;
        this.source = source;
        this.pack = pack;
        this.where = where;
        this.mode = mode;
        this.names = new HashSet<>(names);
    }

    /** A condition expression (also {@code from}, {@code eval} and accumulate arguments). */
    void expression(String code) {
        for (String text : readings(code)) {
            ParseResult<Expression> r = parser.parse(ParseStart.EXPRESSION, Providers.provider(text));
            if (!r.isSuccessful() || r.getResult().isEmpty()) {
                where.refuse(0, 0, "'" + Where.cut(code) + "' is not a plain expression: "
                        + firstLine(r.getProblems().isEmpty() ? "unreadable" : r.getProblem(0).getMessage()));
                return;
            }
            if (!tooDeep(r.getResult().get())) {
                expr(r.getResult().get());
            }
        }
    }

    /** A block of statements: a consequence or a function's body. */
    void block(String code) {
        for (String text : readings(code)) {
            ParseResult<BlockStmt> r = parser.parse(ParseStart.BLOCK, Providers.provider("{" + text + "\n}"));
            if (!r.isSuccessful() || r.getResult().isEmpty()) {
                where.refuse(0, 0, "the " + (mode == Mode.FUNCTION ? "function body" : "consequence")
                        + " is not plain Java: " + firstLine(r.getProblems().isEmpty() ? "unreadable"
                        : r.getProblem(0).getMessage()));
                return;
            }
            if (!tooDeep(r.getResult().get())) {
                stmt(r.getResult().get());
            }
        }
    }

    /** The deepest a checked piece of code may nest (operators, calls, blocks), so that no compiler overflows on it. */
    static final int MAX_DEPTH = 100;

    /** Code nested deeper than {@link #MAX_DEPTH} is refused (measured without recursion: it may be very deep). */
    private boolean tooDeep(Node root) {
        java.util.ArrayDeque<Node> nodes = new java.util.ArrayDeque<>();
        java.util.ArrayDeque<Integer> depths = new java.util.ArrayDeque<>();
        nodes.push(root);
        depths.push(1);
        while (!nodes.isEmpty()) {
            Node n = nodes.pop();
            int d = depths.pop();
            if (d > MAX_DEPTH) {
                refuse(n, "code nested more than " + MAX_DEPTH + " levels deep");
                return true;
            }
            for (Node child : n.getChildNodes()) {
                nodes.push(child);
                depths.push(d + 1);
            }
        }
        return false;
    }

    /**
     * The texts to check: as written, and with unicode escapes expanded (what the Java compiler reads). Other readers
     * of the pack (MVEL, the DRL parser) see the text as written: both must pass.
     */
    private static List<String> readings(String code) {
        String expanded = Escapes.expand(code);
        return expanded.equals(code) ? List.of(code) : List.of(expanded, code);
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }

    // ---------------------------------------------------------------- statements

    private void stmt(Statement s) {
        if (s instanceof BlockStmt b) {
            b.getStatements().forEach(this::stmt);
        } else if (s instanceof ExpressionStmt e) {
            expr(e.getExpression());
        } else if (s instanceof IfStmt i) {
            expr(i.getCondition());
            stmt(i.getThenStmt());
            i.getElseStmt().ifPresent(this::stmt);
        } else if (s instanceof EmptyStmt) {
            // nothing
        } else if (s instanceof ReturnStmt r) {
            r.getExpression().ifPresent(this::expr);
        } else if (s instanceof ThrowStmt t) {
            if (t.getExpression() instanceof ObjectCreationExpr) {
                expr(t.getExpression()); // only the allowed exceptions can be constructed
            } else {
                refuse(s, "'throw' of anything but a new IllegalStateException or IllegalArgumentException");
            }
        } else {
            refuse(s, describe(s));
        }
    }

    private static String describe(Statement s) {
        String kind = s.getClass().getSimpleName().replace("Stmt", "");
        return switch (kind) {
            case "For", "ForEach", "While", "Do" -> "a loop ('" + keyword(s) + "'): the untrusted profile cannot loop";
            case "Try" -> "'try': an untrusted pack may not catch what stops it";
            case "Synchronized" -> "'synchronized': an untrusted pack may not lock";
            case "LocalClassDeclaration", "LocalRecordDeclaration" -> "a local class";
            default -> "the statement '" + keyword(s) + "'";
        };
    }

    private static String keyword(Node n) {
        String text = n.toString().strip();
        int end = 0;
        while (end < text.length() && Character.isJavaIdentifierPart(text.charAt(end))) {
            end++;
        }
        return end == 0 ? Where.cut(text) : text.substring(0, end);
    }

    // ---------------------------------------------------------------- expressions

    private void expr(Expression e) {
        if (e instanceof com.github.javaparser.ast.expr.TextBlockLiteralExpr && mode == Mode.CONDITION) {
            // MVEL reads conditions and knows no text blocks: it sees strings and code where Java sees one literal.
            refuse(e, "a text block in a condition (MVEL reads it as strings and code)");
            return;
        }
        if (e instanceof LiteralExpr) {
            return; // strings, text blocks in Java code, numbers, chars, booleans, null
        }
        if (e instanceof NameExpr n) {
            name(n);
        } else if (e instanceof FieldAccessExpr f) {
            field(f);
        } else if (e instanceof MethodCallExpr m) {
            call(m);
        } else if (e instanceof ObjectCreationExpr o) {
            create(o);
        } else if (e instanceof BinaryExpr b) {
            expr(b.getLeft());
            expr(b.getRight());
        } else if (e instanceof UnaryExpr u) {
            expr(u.getExpression());
        } else if (e instanceof EnclosedExpr en) {
            expr(en.getInner());
        } else if (e instanceof ConditionalExpr c) {
            expr(c.getCondition());
            expr(c.getThenExpr());
            expr(c.getElseExpr());
        } else if (e instanceof CastExpr c) {
            type(c.getType(), c);
            expr(c.getExpression());
        } else if (e instanceof InstanceOfExpr i) {
            expr(i.getExpression());
            type(i.getType(), i);
            i.getPattern().ifPresent(p -> refuse(p, "a pattern in 'instanceof'"));
        } else if (e instanceof ThisExpr t) {
            if (mode != Mode.CONDITION || t.getTypeName().isPresent()) {
                refuse(t, "'this' outside a condition: it is the engine's generated code");
            } else if (patternType == null) {
                // in eval, from and accumulate arguments 'this' is no fact: the compiler's static method or MVEL's
                refuse(t, "'this' outside a pattern's constraints (in eval, from or accumulate it is no fact)");
            }
        } else if (e instanceof VariableDeclarationExpr v) {
            if (mode == Mode.CONDITION) {
                refuse(v, "a variable declaration in a condition");
                return;
            }
            for (VariableDeclarator d : v.getVariables()) {
                type(d.getType(), d);
                d.getInitializer().ifPresent(this::expr);
                names.add(d.getNameAsString());
            }
        } else if (e instanceof AssignExpr a) {
            if (mode == Mode.CONDITION) {
                refuse(a, "an assignment in a condition");
            } else if (!(a.getTarget() instanceof NameExpr target) || !names.contains(target.getNameAsString())
                    || RUNTIME.contains(target.getNameAsString())) {
                refuse(a, "an assignment to anything but a local variable");
            } else {
                expr(a.getValue());
            }
        } else {
            refuse(e, construct(e));
        }
    }

    private static String construct(Expression e) {
        return switch (e.getClass().getSimpleName()) {
            case "LambdaExpr" -> "a lambda: the untrusted profile passes no code around";
            case "MethodReferenceExpr" -> "a method reference ('" + e + "'): the untrusted profile passes no code around";
            case "ClassExpr" -> "a class literal ('" + Where.cut(e.toString()) + "'): reflection";
            case "ArrayCreationExpr", "ArrayInitializerExpr" -> "an array";
            case "ArrayAccessExpr" -> "an array access";
            case "SuperExpr" -> "'super'";
            case "SwitchExpr" -> "a switch expression";
            default -> "the construct '" + Where.cut(e.toString()) + "'";
        };
    }

    private void name(NameExpr n) {
        String id = n.getNameAsString();
        if (RUNTIME.contains(id)) {
            if (id.equals("kcontext") && flagArgument(n)) {
                return;
            }
            refuse(n, "'" + id + "': the engine's runtime is out of reach of an untrusted pack (kcontext may only be"
                    + " passed to Flags.flag)");
            return;
        }
        if (names.contains(id)) {
            return;
        }
        if (mode == Mode.CONDITION && pack.propertyOf(patternType, id)) {
            return; // a field of the pattern's own fact (MVEL would read any other name as a class or a package)
        }
        if (mode == Mode.CONDITION && patternType != null && n.getParentNode().filter(p -> p instanceof Expression)
                .isEmpty()) {
            refusals++;
            where.refuse(0, 0, patternType + " has no field '" + id + "'" + (source == null ? ""
                    : " (in: " + Where.cut(source) + ")"));
            return;
        }
        if (pack.resolve(id).isPresent()) {
            refuse(n, "the class '" + id + "' used as a value");
            return;
        }
        refuse(n, "the name '" + id + "': it is neither a binding, a local variable, a field of a fact nor an allowed"
                + " class");
    }

    /** {@code kcontext} as the first argument of {@code Flags.flag(...)}. */
    private boolean flagArgument(NameExpr n) {
        Optional<Node> parent = n.getParentNode();
        if (parent.isPresent() && parent.get() instanceof MethodCallExpr call && call.getNameAsString().equals("flag")
                && !call.getArguments().isEmpty() && call.getArgument(0) == n && call.getScope().isPresent()) {
            return staticScope(call.getScope().get()).filter(c -> c == org.factlint.rules.Flags.class).isPresent();
        }
        return false;
    }

    /** The allowed class an expression names ({@code Flags}, {@code java.util.List}), when it names one. */
    private Optional<Class<?>> staticScope(Expression scope) {
        String qualified = qualifiedName(scope);
        if (qualified == null) {
            return Optional.empty();
        }
        String first = qualified.contains(".") ? qualified.substring(0, qualified.indexOf('.')) : qualified;
        if (names.contains(first) || RUNTIME.contains(first)) {
            return Optional.empty(); // a value, not a class
        }
        if (!qualified.contains(".")) {
            return pack.resolve(qualified);
        }
        Class<?> full = AllowList.CLASSES.get(qualified);
        if (full != null) {
            return Optional.of(full);
        }
        // Map.Entry: an allowed simple name, then a nested class
        String outer = qualified.substring(0, qualified.lastIndexOf('.'));
        Optional<Class<?>> o = pack.resolve(outer);
        if (o.isPresent()) {
            return Optional.ofNullable(AllowList.CLASSES.get(o.get().getName() + qualified.substring(outer.length())));
        }
        return Optional.empty();
    }

    /** "a.b.C" for a chain of names, null for anything else. */
    private static String qualifiedName(Expression e) {
        if (e instanceof NameExpr n) {
            return n.getNameAsString();
        }
        if (e instanceof FieldAccessExpr f && f.getTypeArguments().isEmpty()) {
            String scope = qualifiedName(f.getScope());
            return scope == null ? null : scope + "." + f.getNameAsString();
        }
        return null;
    }

    private void field(FieldAccessExpr f) {
        Optional<Class<?>> owner = staticScope(f.getScope());
        if (owner.isPresent()) {
            if (!AllowList.staticField(owner.get(), f.getNameAsString())) {
                refuse(f, "the field '" + owner.get().getSimpleName() + "." + f.getNameAsString() + "'");
            }
            return;
        }
        if (staticScope(f).isPresent()) {
            refuse(f, "the class '" + f + "' used as a value");
            return;
        }
        String qualified = qualifiedName(f);
        if (qualified != null && looksLikePackage(qualified, f)) {
            refuse(f, "the class '" + qualified + "' (" + AllowList.allowedList() + ")");
            return;
        }
        expr(f.getScope());
        if (!pack.property(f.getNameAsString())) {
            refuse(f, "the property '" + f.getNameAsString() + "'");
        }
    }

    /**
     * A dotted name that is neither a value's fields nor a static field of an allowed class ({@code Polarity.AFFIRMED}):
     * a class or package name the allow-list does not have.
     */
    private boolean looksLikePackage(String qualified, Node at) {
        String first = qualified.substring(0, qualified.indexOf('.'));
        if (names.contains(first) || mode == Mode.CONDITION && pack.propertyOf(patternType, first)
                || RUNTIME.contains(first)) {
            return false;
        }
        String[] parts = qualified.split("\\.");
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < parts.length - 1; i++) {
            prefix.append(i == 0 ? "" : ".").append(parts[i]);
            String p = prefix.toString();
            Optional<Class<?>> c = p.contains(".") ? Optional.ofNullable(AllowList.CLASSES.get(p)) : pack.resolve(p);
            if (c.isPresent()) {
                return false; // a class, then its static field
            }
        }
        return true;
    }

    private void call(MethodCallExpr m) {
        String method = m.getNameAsString();
        m.getTypeArguments().ifPresent(args -> args.forEach(t -> type(t, m)));
        if (m.getScope().isEmpty()) {
            if (mode == Mode.CONSEQUENCE && CONSEQUENCE_CALLS.contains(method)) {
                // insert / insertLogical of a fact built with an allowed constructor, a flag or a named fact
                if (m.getArguments().size() != 1 || !insertable(m.getArgument(0))) {
                    refuse(m, "'" + method + "' of anything but one new fact, a Flags.flag(...) or a variable");
                }
            } else if (pack.function(method)) {
                if (mode == Mode.FUNCTION) {
                    refuse(m, "a function calling a function ('" + method + "'): the untrusted profile cannot recurse");
                }
            } else if (mode == Mode.CONDITION && (AllowList.INSTANCE_METHODS.contains(method)
                    || pack.declaredMethod(method))) {
                // a helper of the pattern's fact: compatibleTime( $a )
            } else if (ENGINE_CALLS.contains(method)) {
                refuse(m, "'" + method + "(...)': an untrusted pack only inserts facts and flags");
            } else {
                refuse(m.getName(), "the method '" + method + "(...)'");
            }
            m.getArguments().forEach(this::expr);
            return;
        }
        Expression scope = m.getScope().get();
        Optional<Class<?>> owner = staticScope(scope);
        if (owner.isPresent()) {
            if (!AllowList.STATIC_METHODS.getOrDefault(owner.get(), Set.of()).contains(method)) {
                refuse(m.getName(), "the method '" + owner.get().getSimpleName() + "." + method + "(...)'");
            }
        } else {
            String qualified = qualifiedName(scope);
            if (qualified != null && qualified.contains(".") && looksLikePackage(qualified, scope)) {
                refuse(scope, "the class '" + qualified + "' (" + AllowList.allowedList() + ")");
            } else if (qualified != null && !qualified.contains(".") && !names.contains(qualified)
                    && !RUNTIME.contains(qualified) && !(mode == Mode.CONDITION && pack.propertyOf(patternType, qualified))) {
                refuse(scope, "the class '" + qualified + "' (" + AllowList.allowedList() + ")");
            } else {
                int before = refusals;
                expr(scope);
                if (refusals == before && !AllowList.INSTANCE_METHODS.contains(method)
                        && !pack.declaredMethod(method)) {
                    refuse(m.getName(), "the method '" + method + "(...)'");
                }
            }
        }
        m.getArguments().forEach(this::expr);
    }

    /** What a consequence may insert: {@code new Fact(..)}, {@code Flags.flag(..)}, a local variable or binding. */
    private boolean insertable(Expression e) {
        if (e instanceof ObjectCreationExpr || e instanceof NameExpr n && names.contains(n.getNameAsString())) {
            return true;
        }
        return e instanceof MethodCallExpr call && call.getNameAsString().equals("flag") && call.getScope()
                .flatMap(this::staticScope).filter(c -> c == org.factlint.rules.Flags.class).isPresent();
    }

    private void create(ObjectCreationExpr o) {
        if (o.getScope().isPresent()) {
            refuse(o, "an inner class instance");
        }
        if (o.getAnonymousClassBody().isPresent()) {
            refuse(o, "an anonymous class: the untrusted profile passes no code around");
            return;
        }
        ClassOrInterfaceType t = o.getType();
        Optional<Class<?>> c = typeClass(t);
        boolean declared = c.isEmpty() && pack.declaredType(t.getNameWithScope());
        if (declared || c.isPresent() && AllowList.CONSTRUCTORS.contains(c.get())) {
            t.getTypeArguments().ifPresent(args -> args.forEach(a -> type(a, o)));
        } else {
            refuse(o, "the constructor 'new " + t.getNameWithScope() + "(...)'");
        }
        o.getArguments().forEach(this::expr);
    }

    private Optional<Class<?>> typeClass(ClassOrInterfaceType t) {
        String name = t.getNameWithScope();
        if (!name.contains(".")) {
            return pack.resolve(name);
        }
        Class<?> full = AllowList.CLASSES.get(name);
        if (full != null) {
            return Optional.of(full);
        }
        String outer = name.substring(0, name.lastIndexOf('.'));
        return pack.resolve(outer).map(o -> AllowList.CLASSES.get(o.getName() + name.substring(outer.length())));
    }

    /** Every type written in the code (declarations, casts, generics) must be allowed. */
    void type(Type t, Node at) {
        if (t instanceof PrimitiveType || t instanceof VoidType) {
            return;
        }
        if (t instanceof WildcardType w) {
            w.getExtendedType().ifPresent(x -> type(x, at));
            w.getSuperType().ifPresent(x -> type(x, at));
            return;
        }
        if (t instanceof ClassOrInterfaceType c) {
            if (typeClass(c).isEmpty() && !pack.declaredType(c.getNameWithScope())) {
                refuse(t, "the type '" + c.getNameWithScope() + "' (" + AllowList.allowedList() + ")");
                return;
            }
            c.getTypeArguments().ifPresent((NodeList<Type> args) -> args.forEach(a -> type(a, at)));
            return;
        }
        refuse(t, "the type '" + t + "'" + (t.isVarType() ? ": write the type out" : ""));
    }

    /** How many refusals this check made. */
    int refusals() {
        return refusals;
    }

    private void refuse(Node n, String what) {
        refusals++;
        int line = n.getBegin().map(p -> p.line).orElse(0);
        int column = n.getBegin().map(p -> p.column).orElse(0);
        where.refuse(line, column, what + " is not allowed in an untrusted pack");
    }

    /** The pack's declarations the code may use, and its name resolution. */
    interface PackContext {
        /** The allowed class a simple name stands for in this file (imports, java.lang, the package). */
        Optional<Class<?>> resolve(String simpleName);

        /** A field name of some fact or declared type: the name after a dot. */
        boolean property(String name);

        /**
         * A field of the fact type {@code type} (a simple name; null outside a pattern's constraint): the first name
         * of a condition. MVEL reads a first name that is not a field of the pattern's fact as a class or a package,
         * so a field of another type must not pass here.
         */
        boolean propertyOf(String type, String name);

        boolean function(String name);

        boolean declaredType(String name);

        /** A getter or setter of a declared type. */
        boolean declaredMethod(String name);

        Map<String, List<String>> declaredFields();
    }
}
