package org.factlint.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.factlint.Flag;

/**
 * An expected flag in a scenario: a rule code, and optionally the claims it is about (qualified ids such as
 * {@code mt:c1}, in any order). Without claims it stands for any flag of that code.
 */
public record FlagSpec(String code, List<String> claims) {
    public FlagSpec {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("an expected flag needs a 'code', such as \"UNC-HEDGED\"");
        }
        if (claims != null) {
            for (String c : claims) {
                if (c == null || !c.contains(":")) {
                    throw new IllegalArgumentException("claim id '" + c + "' must be qualified with its article id, "
                            + "such as \"mt:c1\"");
                }
            }
            claims = claims.stream().sorted().toList();
        }
    }

    /** True when {@code flag} has this code and, if claims are given, exactly these claims. */
    public boolean matches(Flag flag) {
        return code.equals(flag.code()) && (claims == null || claims.equals(sorted(flag.claims())));
    }

    static List<String> sorted(List<String> ids) {
        List<String> s = new ArrayList<>(ids);
        s.sort(null);
        return s;
    }

    @Override
    public String toString() {
        return line(code, claims == null ? List.of("(any claims)") : claims);
    }

    static String line(String code, List<String> claims) {
        return String.format("%-22s %s", code, String.join(", ", claims));
    }

    static String line(Flag f) {
        return line(f.code(), sorted(f.claims()));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FlagSpec f && code.equals(f.code) && Objects.equals(claims, f.claims);
    }

    @Override
    public int hashCode() {
        return Objects.hash(code, claims);
    }
}
