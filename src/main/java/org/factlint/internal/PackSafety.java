package org.factlint.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.factlint.RuleProblem;

/**
 * The check behind {@link org.factlint.Trust#CHECKED}: a pack may import only from an allow-list, and its code (rule
 * conditions, consequences, functions; comments and string literals excepted) may not name what reaches outside the
 * engine. A scan, not a sandbox: it closes the doors a rule author could open by accident or a hostile pack by
 * design (process, file, network, reflection, threads, class loading, exit), and a pack that needs more must be
 * trusted explicitly.
 */
public final class PackSafety {
    /** Packages and classes a checked pack may import or name fully qualified. */
    public static final List<String> ALLOWED = List.of(
            "org.factlint.facts.", "org.factlint.model.", "org.factlint.rules.Flags", "org.factlint.rules.Lexicon",
            "org.factlint.Flag", "org.factlint.Category", "org.factlint.Severity",
            "java.util.", "java.time.", "java.math.", "java.text.",
            "java.lang.String", "java.lang.Math", "java.lang.Integer", "java.lang.Long", "java.lang.Double",
            "java.lang.Boolean", "java.lang.Character", "java.lang.Number", "java.lang.Object",
            "java.lang.StringBuilder", "java.lang.CharSequence", "java.lang.Comparable", "java.lang.Iterable");
    /** Sub-packages of allowed ones that are not allowed. */
    private static final List<String> DENIED_UNDER_ALLOWED = List.of("java.util.concurrent", "java.util.jar",
            "java.util.zip", "java.util.prefs", "java.util.logging", "java.util.spi", "java.util.ServiceLoader");

    private record Forbidden(Pattern pattern, String reason) {
    }

    /** Names that need no import (java.lang) or that call out of the engine whatever their package. */
    private static final List<Forbidden> FORBIDDEN = List.of(
            f("\\bSystem\\s*\\.\\s*exit\\b", "System.exit: a pack may not stop the application"),
            f("\\bRuntime\\b|\\bProcess(Builder|Handle)?\\b", "process: a pack may not start or control processes"),
            f("\\bSystem\\s*\\.\\s*(getenv|getProperty|getProperties|setProperty|setProperties|clearProperty|load|loadLibrary|setIn|setOut|setErr|console|inheritedChannel|setSecurityManager)\\b",
                    "environment: a pack may not read or change the process environment"),
            f("\\b(File|Files|Paths|FileInputStream|FileOutputStream|FileReader|FileWriter|RandomAccessFile|FileSystems?)\\b",
                    "file: a pack may not touch files"),
            f("\\b(Socket|ServerSocket|URL|URI|HttpURLConnection|HttpClient|InetAddress|DatagramSocket)\\b",
                    "network: a pack may not open connections"),
            f("\\b(Thread|ThreadGroup|ThreadLocal|InheritableThreadLocal|Executors?|ExecutorService|ForkJoinPool|CompletableFuture|Timer)\\b",
                    "threads: a pack may not start threads"),
            f("\\b(Class|ClassLoader|Module|ModuleLayer|StackWalker|MethodHandles?|Unsafe)\\b|\\bforName\\b|\\bgetClass\\s*\\(|\\bgetClassLoader\\b"
                    + "|\\bgetDeclared\\w*|\\bget(Method|Methods|Field|Fields|Constructor|Constructors)\\s*\\(|\\bsetAccessible\\b|\\bnewInstance\\b|\\binvoke\\s*\\(",
                    "reflection: a pack may not inspect or load classes"),
            f("\\b(ScriptEngine\\w*|InitialContext|ObjectInputStream|ObjectOutputStream)\\b",
                    "reflection: a pack may not evaluate scripts, look up names or deserialize objects"));

    /** A fully qualified name in code: package segments in lower case, then a class name. */
    private static final Pattern QUALIFIED = Pattern.compile("\\b([a-z_][a-z0-9_]*(?:\\.[a-z_][a-z0-9_]*)+\\.[A-Z]\\w*)");
    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(?:static\\s+|function\\s+|accumulate\\s+)?([\\w.*]+)",
            Pattern.MULTILINE);

    private PackSafety() {
    }

    private static Forbidden f(String regex, String reason) {
        return new Forbidden(Pattern.compile(regex), reason);
    }

    /** Every unsafe construct of the DRL files, located. */
    public static List<RuleProblem> check(Map<String, String> drlFiles) {
        List<RuleProblem> problems = new ArrayList<>();
        for (Map.Entry<String, String> file : drlFiles.entrySet()) {
            check(file.getKey(), file.getValue(), problems);
        }
        return problems;
    }

    private static void check(String file, String drl, List<RuleProblem> problems) {
        String code = blankCommentsAndStrings(drl);
        Matcher imp = IMPORT.matcher(code);
        while (imp.find()) {
            String name = imp.group(1);
            if (!allowed(name)) {
                problems.add(at(file, code, imp.start(1), "import '" + name + "' is not allowed in an untrusted pack: "
                        + reason(name) + " (allowed: org.factlint.facts, org.factlint.model, org.factlint.rules.Flags, "
                        + "java.util, java.time, java.math, java.text and basic java.lang types)"));
            }
        }
        // Outside imports: fully qualified names must be allowed too, and no forbidden name may appear.
        String body = IMPORT.matcher(code).replaceAll(m -> " ".repeat(m.group().length()));
        Matcher q = QUALIFIED.matcher(body);
        while (q.find()) {
            String name = q.group(1);
            if (!allowed(name) && !name.startsWith("org.factlint.rules.") && !isPackageDeclaration(body, q.start())) {
                problems.add(at(file, code, q.start(1), "'" + name + "' is not allowed in an untrusted pack: "
                        + reason(name)));
            }
        }
        for (Forbidden f : FORBIDDEN) {
            Matcher m = f.pattern.matcher(body);
            while (m.find()) {
                problems.add(at(file, code, m.start(), "'" + m.group().strip() + "' is not allowed in an untrusted pack: "
                        + f.reason));
            }
        }
        problems.sort((a, b) -> a.line() != b.line() ? Integer.compare(a.line(), b.line())
                : Integer.compare(a.column(), b.column()));
    }

    private static boolean isPackageDeclaration(String body, int at) {
        int lineStart = body.lastIndexOf('\n', at) + 1;
        return body.substring(lineStart, at).strip().equals("package");
    }

    static boolean allowed(String name) {
        for (String denied : DENIED_UNDER_ALLOWED) {
            if (name.startsWith(denied)) {
                return false;
            }
        }
        for (String ok : ALLOWED) {
            if (ok.endsWith(".") ? name.startsWith(ok) : name.equals(ok) || name.startsWith(ok + ".")) {
                return true;
            }
        }
        return false;
    }

    private static String reason(String name) {
        if (name.startsWith("java.io") || name.startsWith("java.nio")) {
            return "file access";
        }
        if (name.startsWith("java.net") || name.startsWith("javax.net") || name.startsWith("java.net.http")) {
            return "network access";
        }
        if (name.startsWith("java.lang.reflect") || name.startsWith("java.lang.invoke") || name.equals("java.lang.Class")
                || name.equals("java.lang.ClassLoader")) {
            return "reflection";
        }
        if (name.startsWith("java.util.concurrent") || name.equals("java.lang.Thread")) {
            return "threads";
        }
        if (name.equals("java.lang.Runtime") || name.startsWith("java.lang.Process")) {
            return "process control";
        }
        if (name.equals("java.lang.System")) {
            return "process environment and System.exit";
        }
        return "outside the allow-list";
    }

    private static RuleProblem at(String file, String text, int offset, String message) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new RuleProblem(file, line, offset - lineStart + 1, message);
    }

    /**
     * The text with comments and string literals replaced by spaces (newlines kept), so offsets and lines still
     * match: a rule's name or message may say "Thread" or "File" without harm.
     */
    static String blankCommentsAndStrings(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '/' || c == '#' && lineStartsWith(s, i)) {
                while (i < s.length() && s.charAt(i) != '\n') {
                    out.append(' ');
                    i++;
                }
            } else if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '*') {
                int end = s.indexOf("*/", i + 2);
                end = end < 0 ? s.length() : end + 2;
                blank(s, i, end, out);
                i = end;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < s.length() && s.charAt(j) != c && s.charAt(j) != '\n') {
                    j += s.charAt(j) == '\\' ? 2 : 1;
                }
                int end = Math.min(j + 1, s.length());
                out.append(c);
                blank(s, i + 1, end - 1, out);
                if (end - 1 > i) {
                    out.append(s.charAt(end - 1) == c ? c : ' ');
                }
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static boolean lineStartsWith(String s, int i) {
        int lineStart = s.lastIndexOf('\n', i - 1) + 1;
        return s.substring(lineStart, i).isBlank();
    }

    private static void blank(String s, int from, int to, StringBuilder out) {
        for (int k = from; k < to && k < s.length(); k++) {
            out.append(s.charAt(k) == '\n' ? '\n' : ' ');
        }
    }
}
