package org.factlint;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One finding, explained: which rule raised it, about which claims and sources, on which words.
 *
 * @param code     the rule's stable code, e.g. {@code UNC-NONCONFIRMED}
 * @param rule     the rule's name in its DRL file
 * @param claims   qualified claim ids ({@code articleId:claimId}) the flag is about, in the order the rule gives
 * @param sources  ids of the sources whose words are at stake
 * @param evidence the trigger words or figures that raised it
 * @param message  one sentence a desk editor understands
 */
// Records never change in working memory: property reactivity would buy nothing, and constraints that join
// another pattern's fact would make Drools warn of class reactivity on every compile.
@org.kie.api.definition.type.ClassReactive
public record Flag(String code, Category category, Severity severity, String rule, List<String> claims,
                   List<String> sources, List<String> evidence, String message) implements Comparable<Flag> {

    private static final Comparator<Flag> ORDER = Comparator
            .comparing(Flag::severity, Comparator.reverseOrder())
            .thenComparing(Flag::code)
            .thenComparing(f -> String.join(",", f.claims()))
            .thenComparing(Flag::message);

    public Flag {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(rule, "rule");
        claims = List.copyOf(claims);
        sources = List.copyOf(sources);
        evidence = List.copyOf(evidence);
        Objects.requireNonNull(message, "message");
    }

    /** Most severe first, then by code and claims: the order reports use. */
    @Override
    public int compareTo(Flag other) {
        return ORDER.compare(this, other);
    }
}
