package org.factlint.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.factlint.BenchAccess;
import org.factlint.facts.ClaimFact;

/**
 * Prints the shape of a generated archive: how many claims share an event key (the rules' pairwise joins), the
 * largest group, the pairs to compare. {@code java -cp target/benchmarks.jar org.factlint.bench.Shape 10000 100000}
 */
public final class Shape {
    public static void main(String[] args) {
        for (String a : args) {
            int n = Integer.parseInt(a);
            List<Object> facts = BenchAccess.facts(new ArchiveGenerator(42).archive(n));
            Map<String, Integer> events = new HashMap<>();
            Map<String, Integer> subjects = new HashMap<>();
            for (Object o : facts) {
                if (o instanceof ClaimFact c) {
                    events.merge(c.eventKey(), 1, Integer::sum);
                    subjects.merge(c.subjectKey(), 1, Integer::sum);
                }
            }
            long pairs = events.values().stream().mapToLong(k -> (long) k * k).sum();
            int max = events.values().stream().mapToInt(Integer::intValue).max().orElse(0);
            int maxSubject = subjects.values().stream().mapToInt(Integer::intValue).max().orElse(0);
            List<List<Object>> parts = BenchAccess.parts(facts);
            String partClaims = parts.stream().map(part -> String.valueOf(part.stream()
                    .filter(f -> f instanceof ClaimFact).count())).collect(java.util.stream.Collectors.joining(" + "));
            System.out.printf("%d claims in parts of %s claims%n", n, partClaims);
            System.out.printf("%d claims: %d event keys, largest %d claims; %d subjects, largest %d claims; "
                    + "%d same-event pairs (%.1f per claim)%n", n, events.size(), max, subjects.size(), maxSubject,
                    pairs, pairs / (double) n);
        }
    }
}
