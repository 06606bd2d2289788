package org.factlint.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.factlint.Batch;
import org.factlint.Checker;
import org.factlint.Factlint;
import org.factlint.Flag;
import org.factlint.RulePackException;
import org.factlint.Severity;
import org.factlint.io.Json;
import org.factlint.model.Document;
import org.factlint.store.Change;
import org.factlint.store.ClaimStore;
import org.factlint.store.FlagEvent;
import org.factlint.store.FlagQuery;
import org.factlint.store.StoreException;
import org.factlint.store.StoredFlag;
import org.factlint.store.Stores;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code factlint store add|flags|recheck}: a durable claim store that remembers every document and its flags. */
@Command(name = "store", mixinStandardHelpOptions = true,
        description = "Keep documents and their flags in a claim store (an SQLite file, or PostgreSQL over JDBC).",
        subcommands = {StoreCommand.Add.class, StoreCommand.Flags.class, StoreCommand.Recheck.class})
final class StoreCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing required subcommand: add, flags or recheck");
    }

    /** Where the store is and which clock it runs on; shared by the subcommands. */
    static final class Where {
        @CommandLine.ArgGroup(exclusive = true)
        Location location = new Location();

        @Option(names = "--user", paramLabel = "NAME", description = "database user (with --jdbc)")
        String user;

        @Option(names = "--password-env", paramLabel = "VAR",
                description = "environment variable holding the database password (with --jdbc)")
        String passwordEnv;

        @Option(names = "--now", paramLabel = "INSTANT",
                description = "the store's clock, e.g. 2023-05-08T09:00:00Z (default: the system clock), for reproducible runs")
        String now;

        @Option(names = "--rules", paramLabel = "DIR", description = "rule pack directory (default: the bundled pack)")
        Path rules;

        static final class Location {
            @Option(names = "--store", paramLabel = "FILE", description = "the SQLite store file (default: factlint.store)")
            Path file;

            @Option(names = "--jdbc", paramLabel = "URL", description = "a JDBC URL, e.g. jdbc:postgresql://db/newsroom")
            String url;
        }

        Clock clock(CommandLine cl) {
            if (now == null) {
                return Clock.systemUTC();
            }
            try {
                return Clock.fixed(Instant.parse(now), ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new CommandLine.ParameterException(cl, "Invalid value for option '--now': '" + now
                        + "' is not an instant such as 2023-05-08T09:00:00Z");
            }
        }

        ClaimStore open(Checker checker, Clock clock) {
            if (location.url != null) {
                String password = passwordEnv == null ? null : System.getenv(passwordEnv);
                return Stores.jdbc(location.url, user, password, checker, clock);
            }
            return Stores.sqlite(location.file == null ? Path.of("factlint.store") : location.file, checker, clock);
        }

        Checker checker() throws IOException {
            return rules == null ? Factlint.checker() : Factlint.checker(rules);
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add claims documents to the store; print the flags each one raised and retracted.")
    static final class Add implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        Where where;

        @Parameters(arity = "1..*", paramLabel = "FILE", description = "claims files (.json, .jsonl)")
        List<Path> files;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Clock clock = where.clock(spec.commandLine());
            for (Path f : files) {
                if (!Files.isRegularFile(f)) {
                    err.println("factlint: cannot read '" + f + "': no such file");
                    return 2;
                }
            }
            Batch batch;
            Checker checker;
            try {
                checker = where.checker();
                batch = Factlint.read(checker.pack(), files.toArray(Path[]::new));
            } catch (RulePackException | IOException e) {
                err.println("factlint: " + e.getMessage());
                return 2;
            }
            batch.errors().forEach(e -> err.println(e));
            int added = 0;
            int unchanged = 0;
            int rejected = batch.rejected();
            int raised = 0;
            int retracted = 0;
            try (ClaimStore store = where.open(checker, clock)) {
                for (Document d : batch.documents()) {
                    Change c;
                    try {
                        c = store.add(d);
                    } catch (StoreException e) {
                        if (e.getMessage().contains("is rejected")) {
                            err.println("factlint: " + e.getMessage());
                            rejected++;
                            continue;
                        }
                        throw e;
                    }
                    if (c.outcome() == Change.Outcome.UNCHANGED) {
                        unchanged++;
                        out.println(c.article() + ": already stored as it is, nothing changed");
                        continue;
                    }
                    added++;
                    raised += c.raised().size();
                    retracted += c.retracted().size();
                    out.println(c.article() + ": " + c.outcome().name().toLowerCase(Locale.ROOT) + ", checked with "
                            + (c.checked() - 1) + " stored document" + (c.checked() == 2 ? "" : "s") + ": "
                            + c.raised().size() + " raised, " + c.retracted().size() + " retracted");
                    for (FlagEvent e : c.raised()) {
                        out.println("  + " + line(e.flag()));
                    }
                    for (FlagEvent e : c.retracted()) {
                        out.println("  - " + line(e.flag()));
                    }
                }
                out.println(batch.read() + " document" + (batch.read() == 1 ? "" : "s") + " read: " + added
                        + " added or replaced, " + unchanged + " unchanged, " + rejected + " rejected; " + raised
                        + " flags raised, " + retracted + " retracted; the store holds " + plural(store.documents(), "document")
                        + ", " + plural(store.flags(FlagQuery.open()).size(), "open flag"));
            } catch (StoreException e) {
                err.println("factlint: " + e.getMessage());
                return 2;
            }
            return rejected > 0 ? 2 : 0;
        }
    }

    @Command(name = "recheck", mixinStandardHelpOptions = true,
            description = "Re-check every stored document on the store's clock, with a new rule pack (--pack) or the"
                    + " same one (claims still unconfirmed escalate as the clock moves on); print what changed.")
    static final class Recheck implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        Where where;

        @Option(names = "--pack", paramLabel = "DIR",
                description = "the rule pack to re-check with from now on (default: --rules, else the bundled pack)")
        Path pack;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Clock clock = where.clock(spec.commandLine());
            Checker checker;
            try {
                checker = pack != null ? Factlint.checker(pack) : where.checker();
            } catch (RulePackException | IOException e) {
                err.println("factlint: " + e.getMessage());
                return 2;
            }
            try (ClaimStore store = where.open(checker, clock)) {
                org.factlint.store.Recheck r = store.recheck(checker);
                out.println("re-checked " + plural(r.documents(), "document") + " with pack " + r.pack() + " ("
                        + r.digest().substring(0, 12) + ") on the clock " + r.at() + ": " + r.raised().size()
                        + " raised, " + r.retracted().size() + " retracted");
                for (FlagEvent e : r.raised()) {
                    out.println("  + " + line(e.flag()));
                }
                for (FlagEvent e : r.retracted()) {
                    out.println("  - " + line(e.flag()));
                }
                out.println("the store holds " + plural(store.documents(), "document") + ", "
                        + plural(store.flags(FlagQuery.open()).size(), "open flag"));
            } catch (StoreException e) {
                err.println("factlint: " + e.getMessage());
                return 2;
            }
            return 0;
        }
    }

    static String plural(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    static String line(Flag f) {
        return String.format(Locale.ROOT, "%-6s %-22s %s", f.severity(), f.code(), String.join(", ", f.claims()));
    }

    enum Format { text, json, html }

    @Command(name = "flags", mixinStandardHelpOptions = true, description = "List the store's flags, oldest first.")
    static final class Flags implements Callable<Integer> {
        private static final Pattern AGE = Pattern.compile("(\\d+)\\s*([mhd])");

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        Where where;

        @Option(names = "--open", description = "only flags not retracted")
        boolean open;

        @Option(names = "--older-than", paramLabel = "AGE", description = "only flags raised longer ago: 30m, 24h, 7d")
        String olderThan;

        @Option(names = "--code", paramLabel = "CODE", description = "only this rule code")
        String code;

        @Option(names = "--severity", paramLabel = "SEVERITY", description = "only at least this severe: low, medium, high")
        String severity;

        @Option(names = "--source", paramLabel = "ID", description = "only flags about this source's words")
        String source;

        @Option(names = "--format", defaultValue = "text", description = "text, json or html (default: ${DEFAULT-VALUE})")
        Format format;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Clock clock = where.clock(spec.commandLine());
            FlagQuery q = open ? FlagQuery.open() : FlagQuery.all();
            if (olderThan != null) {
                q = q.olderThan(age(olderThan));
            }
            if (code != null) {
                q = q.code(code);
            }
            if (severity != null) {
                try {
                    q = q.atLeast(Severity.parse(severity));
                } catch (IllegalArgumentException e) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "Invalid value for option '--severity': "
                            + e.getMessage());
                }
            }
            if (source != null) {
                q = q.source(source);
            }
            List<StoredFlag> flags;
            try (ClaimStore store = where.open(where.checker(), clock)) {
                flags = store.flags(q);
            } catch (StoreException | RulePackException e) {
                err.println("factlint: " + e.getMessage());
                return 2;
            }
            Instant now = clock.instant();
            switch (format) {
                case json -> out.print(json(flags, now));
                case html -> out.print(html(flags, now));
                default -> {
                    for (StoredFlag f : flags) {
                        out.println((f.open() ? "open      " : "retracted ") + line(f.flag()));
                        out.println("          raised " + f.raisedAt() + " by " + f.raisedBy() + " (" + ago(f.age(now)) + ")"
                                + (f.open() ? "" : ", retracted " + f.retractedAt() + " by " + f.retractedBy()));
                        out.println("          " + f.flag().message());
                    }
                    long openCount = flags.stream().filter(StoredFlag::open).count();
                    out.println(flags.size() + " flag" + (flags.size() == 1 ? "" : "s") + " (" + openCount + " open)");
                }
            }
            return 0;
        }

        private Duration age(String text) {
            Matcher m = AGE.matcher(text.strip().toLowerCase(Locale.ROOT));
            if (!m.matches()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "Invalid value for option '--older-than': '"
                        + text + "' is not an age such as 30m, 24h or 7d");
            }
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
    }

    static String ago(Duration d) {
        long minutes = d.toMinutes();
        if (minutes < 60) {
            return minutes + " min ago";
        }
        if (minutes < 48 * 60) {
            return (minutes / 60) + " h ago";
        }
        return (minutes / (24 * 60)) + " days ago";
    }

    static String json(List<StoredFlag> flags, Instant now) throws IOException {
        ArrayNode arr = Json.mapper().createArrayNode();
        for (StoredFlag f : flags) {
            ObjectNode o = arr.addObject();
            o.put("open", f.open());
            o.put("code", f.flag().code());
            o.put("severity", f.flag().severity().name());
            o.put("category", f.flag().category().name());
            o.put("rule", f.flag().rule());
            f.flag().claims().forEach(o.putArray("claims")::add);
            f.flag().sources().forEach(o.putArray("sources")::add);
            o.put("message", f.flag().message());
            o.put("raisedAt", f.raisedAt().toString());
            o.put("raisedBy", f.raisedBy());
            o.put("ageMinutes", f.age(now).toMinutes());
            o.put("retractedAt", f.retractedAt() == null ? null : f.retractedAt().toString());
            o.put("retractedBy", f.retractedBy());
            o.put("pack", f.pack());
            o.put("packDigest", f.packDigest());
        }
        return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(arr) + System.lineSeparator();
    }

    static String html(List<StoredFlag> flags, Instant now) {
        StringBuilder b = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Factlint store: flags</title>\n<style>body{font-family:sans-serif}td,th{padding:4px 8px;"
                + "text-align:left;vertical-align:top}.retracted{color:#777}</style></head><body>\n"
                + "<h1>Flags in the store</h1>\n<table>\n<tr><th>state</th><th>severity</th><th>code</th><th>claims</th>"
                + "<th>message</th><th>raised</th><th>retracted</th></tr>\n");
        for (StoredFlag f : flags) {
            b.append("<tr class=\"").append(f.open() ? "open" : "retracted").append("\"><td>")
                    .append(f.open() ? "open" : "retracted").append("</td><td>").append(f.flag().severity())
                    .append("</td><td>").append(esc(f.flag().code())).append("</td><td>")
                    .append(esc(String.join(", ", f.flag().claims()))).append("</td><td>")
                    .append(esc(f.flag().message())).append("</td><td>").append(f.raisedAt()).append(" by ")
                    .append(esc(f.raisedBy())).append(" (").append(ago(f.age(now))).append(")</td><td>")
                    .append(f.open() ? "" : f.retractedAt() + " by " + esc(f.retractedBy())).append("</td></tr>\n");
        }
        b.append("</table>\n<p>").append(flags.size()).append(" flags</p>\n</body></html>\n");
        return b.toString();
    }

    private static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&#39;");
    }
}
