package org.factlint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.SoftReference;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.factlint.internal.JoinKeys;
import org.factlint.internal.ConstraintTypes;
import org.factlint.internal.PackFiles;
import org.factlint.internal.PackLint;
import org.factlint.internal.PrebuiltModel;
import org.factlint.internal.Tables;
import org.factlint.internal.verify.PackVerifier;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieContainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A compiled rule pack: the {@code .drl} files of a directory (subdirectory {@code tests/} excluded). Compiling is
 * the expensive step (about two seconds for a pack the size of the default one); build a pack once and share it, it is
 * immutable and thread-safe. The {@linkplain #bundled() bundled pack} ships prebuilt as Drools' executable model and
 * loads in tens of milliseconds.
 *
 * <p>Every rule that raises flags declares its metadata: {@code @code("UNC-UNDECIDED") @category("unconfirmed")
 * @severity("medium") @message("...")}. A pack that does not compile, or breaks that convention, throws
 * {@link RulePackException} listing every problem as {@code file:line:col: message}.
 */
public final class RulePack {
    private static final Logger LOG = LoggerFactory.getLogger(RulePack.class);
    private static final String BUNDLED = "org/factlint/rules/default/";
    /** Parser errors: "Line 7:27 no viable alternative", column 0-based. */
    private static final Pattern PARSER_AT = Pattern.compile("Line (\\d+):(\\d+)");
    /** Compiler errors: "[Line: 7, Column: 4]". */
    private static final Pattern COMPILER_AT = Pattern.compile("\\[Line: (\\d+), Column: (\\d+)\\]");
    private static final Pattern RULE_HEADER = Pattern.compile(
            "^\\s*rule\\s+(?:\"((?:[^\"\\\\]|\\\\.)*)\"|'((?:[^'\\\\]|\\\\.)*)'|([\\w$.\\-]+))", Pattern.MULTILINE);
    private static final Set<String> METADATA = Set.of("code", "category", "severity", "message");

    private final String name;
    private final KieBase kieBase;
    private final List<RuleInfo> rules;
    private final Map<String, String> sources;
    private final List<Object> facts;
    private final List<RuleProblem> warnings;
    private final boolean prebuilt;
    /** The join keys the pack declares in joins.csv; null when it declares none (it is never split then). */
    private final JoinKeys joins;
    /** SHA-256 of the pack's DRL files and tables: what a claim store notes for each flag. */
    private final String digest;

    static {
        org.factlint.internal.Hooks.installJoins(p -> p.joins);
        org.factlint.internal.Hooks.installTables(p -> p.facts);
    }

    private RulePack(String name, KieBase kieBase, List<RuleInfo> rules, Map<String, String> sources,
                     List<Object> facts, List<RuleProblem> warnings, boolean prebuilt, JoinKeys joins, String digest) {
        this.digest = digest;
        this.prebuilt = prebuilt;
        this.joins = joins;
        this.name = name;
        this.kieBase = kieBase;
        this.rules = rules;
        this.sources = sources;
        this.facts = facts;
        this.warnings = warnings;
    }

    /** The default pack shipped inside the library (the repository's {@code rules/} directory). */
    public static RulePack bundled() {
        return Bundled.PACK;
    }

    /**
     * Compiles the pack in {@code dir}: its {@code .drl} files, its cue lexicons ({@code lexicon/*.csv}) and its source
     * table ({@code sources.csv}). The pack is {@linkplain Trust#CHECKED checked}: DRL that reaches outside the engine
     * is rejected.
     */
    public static RulePack load(Path dir) throws IOException {
        return load(dir, Trust.CHECKED);
    }

    /** Compiles the pack in {@code dir}; {@link Trust#TRUSTED} skips the safety check. */
    public static RulePack load(Path dir, Trust trust) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("rule pack directory '" + dir + "' does not exist or is not a directory");
        }
        return cached(dir.toString(), readFiles(dir), trust);
    }

    /** Packs compiled in this JVM by trust and digest of their files: the same pack loaded twice compiles once. */
    private static final Map<String, SoftReference<RulePack>> COMPILED = new ConcurrentHashMap<>();

    /**
     * A pack from a directory, compiled only when no identical one is at hand: the build's executable model when the
     * files are exactly the bundled pack's ({@code rules/} or a copy of it), else one compiled earlier in this JVM
     * from the same files with the same trust (a hot reload of an unchanged pack, a test suite). Packs are immutable,
     * so sharing one is safe; only its name differs.
     */
    static RulePack cached(String name, Map<String, String> files, Trust trust) {
        if (!Boolean.parseBoolean(System.getProperty("factlint.packCache", "true"))) {
            return compile(name, files, trust); // -Dfactlint.packCache=false: always compile (benchmarks, training)
        }
        String key = trust + ":" + PrebuiltModel.digest(files);
        SoftReference<RulePack> ref = COMPILED.get(key);
        RulePack hit = ref == null ? null : ref.get();
        if (hit == null && files.equals(BundledFiles.FILES) && bundled().prebuilt()) {
            hit = bundled();
        }
        if (hit != null) {
            LOG.info("rule pack {}: the same files as {}, already compiled: not compiled again", name, hit.name());
            return new RulePack(name, hit.kieBase, hit.rules, hit.sources, hit.facts, hit.warnings, hit.prebuilt,
                    hit.joins, hit.digest);
        }
        RulePack pack = compile(name, files, trust);
        COMPILED.put(key, new SoftReference<>(pack));
        return pack;
    }

    /**
     * Compiles a pack from file texts keyed by relative name ({@code "x.drl"}, {@code "lexicon/cues.csv"},
     * {@code "sources.csv"}); for tests and tools. The pack is {@linkplain Trust#CHECKED checked}.
     */
    public static RulePack of(String name, Map<String, String> files) {
        return of(name, files, Trust.CHECKED);
    }

    /** Compiles a pack from file texts keyed by relative name, trusted or checked. */
    public static RulePack of(String name, Map<String, String> files, Trust trust) {
        return compile(name, new TreeMap<>(files), trust);
    }

    /** Where the pack came from: a directory, or "bundled". */
    public String name() {
        return name;
    }

    /**
     * SHA-256 (hex) of the pack's DRL files and data tables, line endings aside: two packs with the same digest check
     * alike. A claim store notes it with each flag.
     */
    public String digest() {
        return digest;
    }

    /** Every rule of the pack, in file and line order. */
    public List<RuleInfo> rules() {
        return rules;
    }

    /** The DRL source texts by file name relative to the pack. */
    public Map<String, String> sources() {
        return sources;
    }

    /**
     * What compiles but looks wrong, located like errors and prefixed {@code warning:}: rules that can never fire
     * because nothing inserts the facts they match, or because no lexicon row defines the cue category they look for.
     */
    public List<RuleProblem> warnings() {
        return warnings;
    }

    /** True when the rules run from the executable model generated at build time rather than DRL compiled now. */
    boolean prebuilt() {
        return prebuilt;
    }

    KieBase kieBase() {
        return kieBase;
    }

    /** The join keys of {@code joins.csv}, or null when the pack declares none. */
    JoinKeys joins() {
        return joins;
    }

    /** The rows of the pack's data tables as facts ({@code CueTerm}, {@code SourceTerm}), inserted in every session. */
    List<Object> facts() {
        return facts;
    }

    /**
     * The rows of the pack's predicate table ({@code lexicon/predicates.csv}): the text front end names predicates
     * with them when it reads articles for this pack ({@link Factlint#read(RulePack, Path...)}).
     */
    public List<org.factlint.facts.PredicateTerm> predicateTerms() {
        return facts.stream().filter(org.factlint.facts.PredicateTerm.class::isInstance)
                .map(org.factlint.facts.PredicateTerm.class::cast).toList();
    }

    /** The pack's DRL files and data tables ({@code .csv}) by relative name, {@code tests/} excluded. */
    static Map<String, String> readFiles(Path dir) throws IOException {
        return PackFiles.read(dir);
    }

    private static RulePack compile(String name, Map<String, String> all, Trust trust) {
        return compile(name, all, trust, false);
    }

    /**
     * Compiles the DRL; for the bundled pack ({@code bundled}) takes the executable model generated at build time from
     * these very files instead, when there is one.
     */
    private static RulePack compile(String name, Map<String, String> all, Trust trust, boolean bundled) {
        long start = System.nanoTime();
        Map<String, String> files = PackFiles.drl(all);
        Map<String, String> tables = new TreeMap<>();
        all.forEach((file, text) -> {
            if (Tables.isTable(file)) {
                tables.put(file, text); // anything else (a README) is neither rules nor data
            }
        });
        // Every problem at once, the way compilers do: tables, safety, then what Drools finds.
        List<RuleProblem> problems = new ArrayList<>();
        List<Object> facts = List.copyOf(Tables.read(tables, problems));
        if (files.isEmpty()) {
            // A mistyped path or a directory of something else must never pass as "nothing to flag".
            problems.add(new RuleProblem("", 0, 0, "the pack has no rules: no .drl file in it"
                    + (tables.isEmpty() ? "" : " (only " + String.join(", ", tables.keySet()) + ")")));
            throw new RulePackException(name, sorted(dedupe(problems)));
        }
        JoinKeys joins = JoinKeys.read(tables, problems);
        KieBase prebuilt = bundled ? PrebuiltModel.load(BUNDLED, files) : null;
        List<RuleProblem> compileWarnings = new ArrayList<>();
        KieBase kieBase = prebuilt != null ? prebuilt : compileDrl(name, files, trust, problems, compileWarnings);
        List<RuleInfo> rules = describe(kieBase, files, problems);
        if (rules.isEmpty() && problems.isEmpty()) {
            problems.add(new RuleProblem("", 0, 0, "the pack has no rules: its DRL files ("
                    + String.join(", ", files.keySet()) + ") declare none"));
        }
        if (!problems.isEmpty()) {
            throw new RulePackException(name, sorted(dedupe(problems)));
        }
        List<RuleProblem> warnings = new ArrayList<>(PackLint.warnings(kieBase, files, rules, PackLint.categories(facts)));
        warnings.addAll(compileWarnings);
        if (joins != null && joins.scopes() != null) { // scopes.csv: every flagging code has a scope, no row is stray
            warnings.addAll(joins.scopes().warnings(rules.stream().filter(RuleInfo::flags).map(RuleInfo::code).toList()));
        }
        warnings = sorted(dedupe(warnings));
        if (!warnings.isEmpty()) {
            LOG.warn("rule pack {} has {} warnings, the first: {}", name, warnings.size(), warnings.get(0));
        }
        LOG.info("{} rule pack {}: {} rules from {} files, {} table rows in {} ms",
                prebuilt != null ? "loaded prebuilt" : "compiled", name, rules.size(), files.size(), facts.size(),
                (System.nanoTime() - start) / 1_000_000);
        Map<String, String> rulesAndTables = new TreeMap<>(files);
        rulesAndTables.putAll(tables);
        return new RulePack(name, kieBase, rules, Collections.unmodifiableMap(files), facts, warnings, prebuilt != null,
                joins, PrebuiltModel.digest(rulesAndTables));
    }

    private static KieBase compileDrl(String name, Map<String, String> files, Trust trust, List<RuleProblem> problems,
                                      List<RuleProblem> compileWarnings) {
        // Constraints typed against the fact classes: mistakes the classic compiler lets through, or places at 0:0.
        // This reads the parsed pack only (Drools' DRL parser and reflection on the fact classes), like the verifier.
        // A checked pack's files nested too deeply for a parser are refused by the verifier and read by no parser.
        Set<String> tooDeep = trust == Trust.CHECKED ? PackVerifier.tooDeep(files) : Set.of();
        Map<String, String> readable = new TreeMap<>(files);
        readable.keySet().removeAll(tooDeep);
        List<RuleProblem> typed;
        try {
            typed = ConstraintTypes.check(readable, compileWarnings);
        } catch (RuntimeException e) {
            // DRL the type checker does not know (an OOPath pattern): no type errors from it; the verifier (checked
            // packs) and the compiler still read the pack
            LOG.debug("rule pack {}: the constraint type check could not read it: {}", name, e.toString());
            typed = List.of();
        }
        problems.addAll(typed);
        if (trust == Trust.CHECKED) {
            // Verified before anything of the pack reaches the compiler: Drools evaluates metadata with MVEL and
            // compiles consequences while it builds, so a refused pack must never be built at all.
            List<RuleProblem> refused = PackVerifier.verify(files);
            if (!refused.isEmpty() || !typed.isEmpty()) {
                // Where a line already has a type error, that message says more than "not allowed" does (an unknown
                // method or constant is both); the pack is refused either way.
                Set<String> typedLines = new java.util.HashSet<>();
                typed.forEach(t -> typedLines.add(t.file() + ":" + t.line()));
                refused.stream().filter(r -> !typedLines.contains(r.file() + ":" + r.line())).forEach(problems::add);
                if (!refused.isEmpty()) {
                    throw new RulePackException(name, sorted(dedupe(problems)));
                }
            }
        }
        Set<String> typedFiles = new java.util.HashSet<>();
        typed.forEach(t -> {
            typedFiles.add(t.file());
            typedFiles.add(t.file() + ":" + t.line());
        });
        KieServices ks = KieServices.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        ReleaseId releaseId = ks.newReleaseId("org.factlint.pack", "pack-" + System.identityHashCode(files)
                + "-" + System.nanoTime(), "1.0.0");
        kfs.generateAndWritePomXML(releaseId);
        // A default KieBase that names no packages takes every file as it is: Drools' default one looks for each
        // file's package in its text, counting quotes from the start again for every comment it meets on the way
        // (a 1 MB file of comment lines with no package statement did not compile in 400 s of CPU).
        org.kie.api.builder.model.KieModuleModel module = ks.newKieModuleModel();
        module.newKieBaseModel("pack").setDefault(true);
        kfs.writeKModuleXML(module.toXML());
        Map<String, String> original = new java.util.HashMap<>();
        for (Map.Entry<String, String> file : files.entrySet()) {
            // Drools wants a file's folder to match its package: place it so, and map errors back to the real name.
            String folder = PackFiles.packageFolder(file.getValue());
            String fileName = file.getKey().substring(file.getKey().lastIndexOf('/') + 1);
            String path = "src/main/resources/" + folder + fileName;
            if (original.containsKey(path)) {
                path = "src/main/resources/" + folder + file.getKey().replace('/', '_');
            }
            original.put(path, file.getKey());
            kfs.write(path, file.getValue());
        }
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll();
        boolean compiled = true;
        for (Message m : builder.getResults().getMessages(Message.Level.WARNING)) {
            RuleProblem p = problem(m, original, files); // Drools' own compile warnings, located like errors
            compileWarnings.add(new RuleProblem(p.file(), p.line(), p.column(), "warning: " + p.message()));
        }
        for (Message m : builder.getResults().getMessages(Message.Level.ERROR)) {
            if (m.getText().contains("Parser returned a null Package")) {
                continue; // noise that follows every syntax error
            }
            RuleProblem p = problem(m, original, files);
            if (!typedFiles.contains(p.line() > 0 ? p.file() + ":" + p.line() : p.file())) {
                problems.add(p); // else the compiler's word on a mistake already typed, less precise: left out
            }
            compiled = false;
        }
        if (!compiled) {
            throw new RulePackException(name, sorted(dedupe(problems)));
        }
        KieContainer container = ks.newKieContainer(releaseId);
        KieBase kieBase;
        try {
            if (trust == Trust.CHECKED) {
                // No class generated at run time: Drools would JIT-compile each MVEL constraint to bytecode after 20
                // evaluations, out of reach of the bytecode check below; a checked pack's constraints stay interpreted
                // (ConstraintJitTest). Drools' counter wraps after 2^32 - 1 evaluations of one constraint.
                org.kie.api.KieBaseConfiguration conf = ks.newKieBaseConfiguration();
                conf.setOption(org.kie.internal.conf.ConstraintJittingThresholdOption.get(-1));
                kieBase = container.newKieBase(conf);
            } else {
                kieBase = container.getKieBase();
            }
        } finally {
            ks.getRepository().removeKieModule(releaseId); // the KieBase stands alone; keep no module per pack
        }
        if (trust == Trust.CHECKED) {
            // Defence in depth: the classes the compiler made of the verified pack keep to the same allow-list.
            List<String> refused = org.factlint.internal.verify.BytecodeCheck.check(kieBase);
            if (!refused.isEmpty()) {
                throw new RulePackException(name, refused.stream().map(r -> new RuleProblem("(compiled classes)", 0,
                        0, "the compiled pack refers to what an untrusted pack may not use: " + r)).toList());
            }
        }
        return kieBase;
    }

    /** "unable to resolve method using strict-mode: org.factlint.facts.ClaimFact.colour()" */
    private static final Pattern UNKNOWN_FIELD = Pattern.compile(
            "Unable to Analyse Expression (.*?): \\[Error: unable to resolve method using strict-mode: ([\\w.$]+)\\.(\\w+)\\(\\)\\]");
    private static final Pattern UNKNOWN_TYPE = Pattern.compile("Unable to resolve ObjectType '([\\w.$]+)'");
    private static final Pattern CONSEQUENCE = Pattern.compile("^Rule Compilation error:? (.*)$");
    private static final Pattern CODE_TOKEN = Pattern.compile("The method (\\w+)\\(|(\\w+) cannot be resolved|The field (\\w+)");

    private static RuleProblem problem(Message m, Map<String, String> original, Map<String, String> files) {
        String path = m.getPath() == null ? "?" : m.getPath();
        String file = original.getOrDefault(path, original.getOrDefault("src/main/resources/" + path,
                path.replaceFirst("^src/main/resources/", "")));
        String text = m.getText().strip().replaceAll("\\s+", " ");
        int line = Math.max(m.getLine(), 0);
        int column = 0;
        String source = files.get(file);
        // Message.getColumn() is always 0 in Drools 10: the position is only in the text, and for compiler errors it
        // is not a column of the file; the offending name is looked up on the reported line instead.
        Matcher parser = PARSER_AT.matcher(text);
        Matcher compiler = COMPILER_AT.matcher(text);
        Matcher field = UNKNOWN_FIELD.matcher(text);
        Matcher type = UNKNOWN_TYPE.matcher(text);
        Matcher consequence = CONSEQUENCE.matcher(text);
        if (parser.find()) {
            line = Integer.parseInt(parser.group(1));
            column = Integer.parseInt(parser.group(2)) + 1;
            text = text.replaceFirst("^\\[ERR \\d+\\] Line \\d+:\\d+ ", "");
        } else if (field.find()) {
            if (compiler.find()) {
                line = Integer.parseInt(compiler.group(1));
            }
            String owner = field.group(2).substring(field.group(2).lastIndexOf('.') + 1);
            text = owner + " has no field '" + field.group(3) + "' (in: " + field.group(1) + ")";
            column = find(source, line, line, field.group(3))[1];
        } else if (type.find()) {
            text = "unknown fact type '" + type.group(1) + "': no such class is imported or declared";
            column = find(source, line, line, type.group(1))[1];
        } else if (consequence.find()) {
            text = "in a consequence: " + consequence.group(1);
            Matcher token = CODE_TOKEN.matcher(consequence.group(1));
            if (token.find()) {
                String name = token.group(1) != null ? token.group(1) : token.group(2) != null ? token.group(2) : token.group(3);
                int[] at = find(source, line, line + 200, name); // reported at the rule's header: look below it
                if (at[0] > 0) {
                    line = at[0];
                    column = at[1];
                }
            }
        } else if (compiler.find()) {
            line = Integer.parseInt(compiler.group(1));
            column = Integer.parseInt(compiler.group(2));
        }
        return new RuleProblem(file, line, column, text);
    }

    /** The first line in {@code [from, to]} where {@code word} stands as a whole word, and its 1-based column. */
    private static int[] find(String source, int from, int to, String word) {
        if (source == null || from <= 0) {
            return new int[] {0, 0};
        }
        String[] lines = source.split("\n", -1);
        Pattern w = Pattern.compile("\\b" + Pattern.quote(word) + "\\b");
        for (int i = from - 1; i < Math.min(to, lines.length); i++) {
            Matcher m = w.matcher(lines[i]);
            if (m.find()) {
                return new int[] {i + 1, m.start() + 1};
            }
            if (i > from - 1 && lines[i].strip().equals("end")) {
                break;
            }
        }
        return new int[] {0, 0};
    }

    private static List<RuleProblem> dedupe(List<RuleProblem> problems) {
        return problems.stream().distinct().toList();
    }

    private static List<RuleProblem> sorted(List<RuleProblem> problems) {
        return problems.stream().sorted(java.util.Comparator.comparing(RuleProblem::file)
                .thenComparingInt(RuleProblem::line).thenComparingInt(RuleProblem::column)).toList();
    }

    private static List<RuleInfo> describe(KieBase kieBase, Map<String, String> files, List<RuleProblem> problems) {
        Map<String, String[]> where = new TreeMap<>();
        for (Map.Entry<String, String> file : files.entrySet()) {
            Matcher m = RULE_HEADER.matcher(file.getValue());
            while (m.find()) {
                int g = m.group(1) != null ? 1 : m.group(2) != null ? 2 : 3;
                int line = 1 + (int) file.getValue().substring(0, m.start(g)).chars().filter(c -> c == '\n').count();
                where.put(m.group(g), new String[] {file.getKey(), Integer.toString(line)});
            }
        }
        List<RuleInfo> out = new ArrayList<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                String[] at = where.getOrDefault(rule.getName(), new String[] {"?", "0"});
                String file = at[0];
                int line = Integer.parseInt(at[1]);
                Map<String, Object> meta = rule.getMetaData();
                String code = meta(meta, "code");
                if (code == null) {
                    for (String key : METADATA) {
                        if (meta.containsKey(key)) {
                            problems.add(new RuleProblem(file, line, 1, "rule \"" + rule.getName() + "\" has @" + key
                                    + " but no @code: a rule that raises flags needs @code, @category, @severity and @message"));
                            break;
                        }
                    }
                    out.add(new RuleInfo(rule.getName(), file, line, null, null, null, null));
                    continue;
                }
                Category category = null;
                Severity severity = null;
                String message = meta(meta, "message");
                try {
                    category = Category.parse(require(meta, "category", rule));
                    severity = Severity.parse(require(meta, "severity", rule));
                    require(meta, "message", rule);
                } catch (IllegalArgumentException e) {
                    problems.add(new RuleProblem(file, line, 1, "rule \"" + rule.getName() + "\": " + e.getMessage()));
                }
                out.add(new RuleInfo(rule.getName(), file, line, code, category, severity, message));
            }
        }
        out.sort((a, b) -> a.file().equals(b.file()) ? Integer.compare(a.line(), b.line()) : a.file().compareTo(b.file()));
        return List.copyOf(out);
    }

    private static String require(Map<String, Object> meta, String key, Rule rule) {
        String v = meta(meta, key);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("@" + key + " is missing (a rule with @code needs @category, @severity and @message)");
        }
        return v;
    }

    /** Metadata values as written, without surrounding quotes. */
    static String meta(Map<String, Object> meta, String key) {
        Object v = meta.get(key);
        if (v == null) {
            return null;
        }
        String s = v.toString().strip();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            s = s.substring(1, s.length() - 1);
        }
        return s;
    }

    /** Holder idiom: the bundled pack compiles once, on first use. */
    private static final class Bundled {
        static final RulePack PACK = compile("bundled", BundledFiles.FILES, Trust.CHECKED, true);
    }

    /** The bundled pack's files, read once; apart from {@link Bundled} so that reading them loads no model. */
    private static final class BundledFiles {
        static final Map<String, String> FILES = read();

        private static Map<String, String> read() {
            URL url = RulePack.class.getClassLoader().getResource(BUNDLED);
            if (url == null) {
                throw new IllegalStateException("the bundled rule pack is missing from the classpath (" + BUNDLED + ")");
            }
            try {
                URI uri = url.toURI();
                if ("jar".equals(uri.getScheme())) {
                    FileSystem fs;
                    try {
                        fs = FileSystems.newFileSystem(uri, Map.of());
                    } catch (FileSystemAlreadyExistsException e) {
                        fs = FileSystems.getFileSystem(uri);
                    }
                    return Collections.unmodifiableMap(readFiles(fs.getPath(BUNDLED)));
                }
                return Collections.unmodifiableMap(readFiles(Path.of(uri)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the bundled rule pack", e);
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
