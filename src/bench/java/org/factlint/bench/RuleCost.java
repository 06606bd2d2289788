package org.factlint.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;
import java.util.regex.*;
import org.factlint.*;
import org.factlint.model.Document;
import org.factlint.BenchAccess;

/** Scratch: time of one session over an archive with each rule of the bundled pack left out. */
public final class RuleCost {
    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        List<Document> docs = new ArchiveGenerator(42).archive(n);
        List<Object> facts = BenchAccess.facts(docs);
        Map<String, String> files = new TreeMap<>();
        for (Path p : Files.list(Path.of("rules")).toList()) {
            String name = p.getFileName().toString();
            if (name.endsWith(".drl") || name.endsWith(".csv")) files.put(name, Files.readString(p));
        }
        files.put("lexicon/cues.csv", Files.readString(Path.of("rules/lexicon/cues.csv")));
        Pattern rule = Pattern.compile("(?ms)^rule \"([^\"]+)\".*?^end\\s*$");
        List<String[]> rules = new ArrayList<>();
        for (var f : files.entrySet()) {
            Matcher m = rule.matcher(f.getValue());
            while (m.find()) rules.add(new String[] {f.getKey(), m.group(1), m.group()});
        }
        time("all", RulePack.of("all", files, Trust.TRUSTED), facts);
        time("all", RulePack.of("all", files, Trust.TRUSTED), facts);
        for (String[] r : rules) {
            Map<String, String> without = new TreeMap<>(files);
            without.put(r[0], files.get(r[0]).replace(r[2], ""));
            try {
                time("without " + r[1], RulePack.of("x", without, Trust.TRUSTED), facts);
            } catch (RuntimeException e) {
                System.out.println("without " + r[1] + ": " + e.getMessage().lines().findFirst().orElse(""));
            }
        }
    }

    static void time(String what, RulePack pack, List<Object> facts) {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 2; i++) {
            long t = System.nanoTime();
            BenchAccess.oneSession(pack, facts);
            best = Math.min(best, System.nanoTime() - t);
        }
        System.out.printf("%6d ms  %s%n", best / 1_000_000, what);
    }
}
