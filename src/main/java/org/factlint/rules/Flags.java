package org.factlint.rules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.factlint.Category;
import org.factlint.Flag;
import org.factlint.Severity;
import org.factlint.facts.ClaimFact;
import org.kie.api.runtime.rule.RuleContext;

/**
 * Builds flags inside rule consequences from the rule's own metadata, so a rule states its code, category, severity
 * and message template once, in the DRL:
 *
 * <pre>{@code
 * rule "Undecided: the source says the decision is still open"
 *     @code("UNC-UNDECIDED") @category("unconfirmed") @severity("medium")
 *     @message("{claim} is still undecided by {source}'s own account ('{evidence}').")
 * when
 *     $c : ClaimFact()
 *     $w : CueFact(claim == $c.id, category == CueCategory.UNDECIDED)
 * then
 *     insertLogical(Flags.flag(kcontext, List.of($c), List.of($w.text())));
 * end
 * }</pre>
 *
 * Placeholders: {@code {claim}} (the first claim quoted), {@code {claim2}} (the second), {@code {source}} and
 * {@code {source2}} (their origin's names), {@code {subject}}, {@code {object}}, {@code {place}}, {@code {figure}},
 * {@code {figure2}}, {@code {evidence}} (the trigger words, joined), and any name given in {@code vars}.
 */
public final class Flags {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z0-9]+)}");

    private Flags() {
    }

    /** A flag about {@code claims}, raised on {@code evidence}. */
    public static Flag flag(RuleContext kcontext, List<ClaimFact> claims, List<String> evidence) {
        return flag(kcontext, claims, evidence, Map.of());
    }

    /** A flag with extra template variables. */
    public static Flag flag(RuleContext kcontext, List<ClaimFact> claims, List<String> evidence,
                            Map<String, ?> vars) {
        Map<String, Object> meta = kcontext.getRule().getMetaData();
        String rule = kcontext.getRule().getName();
        String code = text(meta, "code", rule);
        Category category = Category.parse(text(meta, "category", rule));
        Severity severity = Severity.parse(text(meta, "severity", rule));
        String template = text(meta, "message", rule);
        List<String> ids = new ArrayList<>();
        Set<String> sources = new LinkedHashSet<>();
        for (ClaimFact c : claims) {
            ids.add(c.id());
            sources.add(c.origin());
        }
        List<String> words = evidence.stream().filter(w -> w != null && !w.isBlank()).distinct().toList();
        return new Flag(code, category, severity, rule, ids, List.copyOf(sources), words,
                render(template, claims, words, vars));
    }

    /** Evidence words, leaving out nulls: {@code Flags.words($w.text(), $c.figure())}. */
    public static List<String> words(String... words) {
        return java.util.Arrays.stream(words).filter(java.util.Objects::nonNull).toList();
    }

    /** The words of cue facts, in order, for evidence lists. */
    public static List<String> texts(java.util.Collection<?> cues) {
        return cues.stream().map(c -> ((org.factlint.facts.CueFact) c).text()).sorted().toList();
    }

    /** Claims sorted by id, for rules that gather claims with {@code collect}. */
    public static List<ClaimFact> byId(java.util.Collection<?> claims) {
        return claims.stream().map(c -> (ClaimFact) c)
                .sorted(java.util.Comparator.comparing(ClaimFact::id)).toList();
    }

    /** A relation type as a verb for messages: "confirms", "denies", "answers", "questions". */
    public static String relationVerb(org.factlint.model.RelationType type) {
        return type.name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * A source's kind and party in words, for messages: {@code "state media for 'Russia'"}, or
     * {@code "wire agency for no party"}. Pass the party's display name ({@code ArticleSource.party},
     * {@code SourceTerm.party}), never a folded key: an editor reads this.
     */
    public static String describe(org.factlint.model.SourceKind kind, String party) {
        String k = kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        return k + (party == null || party.startsWith("source:") ? " for no party" : " for '" + party + "'");
    }

    static String render(String template, List<ClaimFact> claims, List<String> evidence, Map<String, ?> vars) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(value(m.group(1), claims, evidence, vars)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String value(String name, List<ClaimFact> claims, List<String> evidence, Map<String, ?> vars) {
        if (vars.containsKey(name)) {
            return String.valueOf(vars.get(name));
        }
        ClaimFact first = claims.isEmpty() ? null : claims.get(0);
        ClaimFact second = claims.size() < 2 ? null : claims.get(1);
        return switch (name) {
            case "claim" -> first == null ? "" : first.quote();
            case "claim2" -> second == null ? "" : second.quote();
            case "source" -> first == null ? "" : first.originName();
            case "source2" -> second == null ? "" : second.originName();
            case "subject" -> first == null ? "" : first.subjectName();
            case "object" -> first == null || first.objectName() == null ? "" : first.objectName();
            case "place" -> first == null || first.placeName() == null ? "" : first.placeName();
            case "place2" -> second == null || second.placeName() == null ? "" : second.placeName();
            case "figure" -> first == null || first.figure() == null ? "" : first.figure();
            case "figure2" -> second == null || second.figure() == null ? "" : second.figure();
            case "evidence" -> String.join("', '", evidence);
            default -> "{" + name + "}";
        };
    }

    private static String text(Map<String, Object> meta, String key, String rule) {
        Object v = meta.get(key);
        if (v == null) {
            throw new IllegalStateException("rule \"" + rule + "\" raises a flag but has no @" + key);
        }
        String s = v.toString().strip();
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }
}
