package org.factlint.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.base.ClassObjectType;
import org.drools.base.rule.EntryPointId;
import org.drools.base.rule.From;
import org.drools.base.rule.RuleConditionElement;
import org.factlint.RuleInfo;
import org.factlint.RuleProblem;
import org.factlint.model.CueCategory;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/**
 * Warnings about rules that compile but can never fire: a pattern on a fact type that nothing puts into working
 * memory (neither the loader, nor the pack's tables, nor any rule's consequence), or a cue category that no lexicon
 * row defines (only hand-annotated cues could then trigger the rule).
 */
public final class PackLint {
    /** Fact types the loader and the data tables insert. */
    public static final Set<String> LOADED = Set.of("ClaimFact", "CueFact", "RelationFact", "EntityFact", "MentionFact",
            "ArticleSource", "MemberFact", "CueTerm", "SourceTerm", "PredicateTerm", "PartyTerm", "EscalationTerm", "PlaceTerm",
            "Now");
    private static final Pattern NEW = Pattern.compile("\\bnew\\s+([\\w.]+)\\s*[(<]");
    private static final Pattern DECLARE = Pattern.compile("^[ \\t]*declare\\s+(?:trait\\s+)?([\\w.]+)", Pattern.MULTILINE);
    private static final Pattern CUE_CATEGORY = Pattern.compile("\\bCueCategory\\s*\\.\\s*([A-Z_]+)\\b");

    private PackLint() {
    }

    public static List<RuleProblem> warnings(KieBase kieBase, Map<String, String> drl, List<RuleInfo> rules,
                                             Set<CueCategory> lexicon) {
        Set<String> produced = new TreeSet<>(LOADED);
        produced.add("Flag"); // what Flags.flag(...) returns
        for (String text : drl.values()) {
            String code = PackSafety.blankCommentsAndStrings(text);
            Matcher m = NEW.matcher(code);
            while (m.find()) {
                produced.add(simple(m.group(1)));
            }
            Matcher d = DECLARE.matcher(code);
            while (d.find()) {
                produced.add(simple(d.group(1)));
            }
        }
        List<RuleProblem> out = new ArrayList<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                RuleInfo info = rules.stream().filter(r -> r.name().equals(rule.getName())).findFirst().orElse(null);
                String file = info == null ? "?" : info.file();
                int line = info == null ? 0 : info.line();
                Set<String> types = new LinkedHashSet<>();
                if (rule instanceof RuleImpl impl) {
                    collect(impl.getLhs(), types);
                }
                for (String type : types) {
                    if (!produced.contains(type)) {
                        out.add(new RuleProblem(file, line, 1, "warning: rule \"" + rule.getName()
                                + "\" can never fire: it matches " + type + " facts, which neither the loader, the "
                                + "pack's tables nor any rule inserts"));
                    }
                }
                String body = info == null ? null : ruleText(drl.get(file), line);
                if (body != null) {
                    Set<String> missing = new TreeSet<>();
                    Matcher c = CUE_CATEGORY.matcher(PackSafety.blankCommentsAndStrings(body));
                    while (c.find()) {
                        try {
                            if (!lexicon.contains(CueCategory.valueOf(c.group(1)))) {
                                missing.add(c.group(1));
                            }
                        } catch (IllegalArgumentException unknown) {
                            // the compiler reports unknown constants
                        }
                    }
                    for (String category : missing) {
                        out.add(new RuleProblem(file, line, 1, "warning: rule \"" + rule.getName()
                                + "\" looks for cue category " + category + ", which no lexicon row defines: only "
                                + "hand-annotated cues can trigger it"));
                    }
                }
            }
        }
        out.sort((a, b) -> a.file().equals(b.file()) ? Integer.compare(a.line(), b.line()) : a.file().compareTo(b.file()));
        return List.copyOf(out);
    }

    /** The lexicon's categories as a set; empty when the pack has no lexicon. */
    public static Set<CueCategory> categories(List<Object> facts) {
        Set<CueCategory> set = EnumSet.noneOf(CueCategory.class);
        for (Object f : facts) {
            if (f instanceof org.factlint.facts.CueTerm t) {
                set.add(t.category());
            }
        }
        return set;
    }

    /** Fact types the rule takes from working memory (not those of {@code from} expressions). */
    private static void collect(RuleConditionElement e, Set<String> types) {
        if (e instanceof org.drools.base.rule.Pattern p) {
            Object source = p.getSource();
            if (source == null || source instanceof EntryPointId) {
                if (p.getObjectType() instanceof ClassObjectType cot) {
                    types.add(cot.getClassType().getSimpleName());
                }
            } else if (!(source instanceof From)) {
                collect((RuleConditionElement) source, types); // accumulate / collect over working memory
            }
            return;
        }
        for (RuleConditionElement child : e.getNestedElements()) {
            collect(child, types);
        }
    }

    private static String ruleText(String text, int line) {
        if (text == null || line <= 0) {
            return null;
        }
        String[] lines = text.split("\n", -1);
        StringBuilder sb = new StringBuilder();
        for (int i = line - 1; i < lines.length; i++) {
            sb.append(lines[i]).append('\n');
            if (i > line - 1 && lines[i].strip().equals("end")) {
                break;
            }
        }
        return sb.toString();
    }

    private static String simple(String name) {
        return name.substring(name.lastIndexOf('.') + 1);
    }

}
