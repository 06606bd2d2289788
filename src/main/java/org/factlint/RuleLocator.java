package org.factlint;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Places a run-time rule error in the pack: the rule's {@code file:line}, and for an error the engine raised outside
 * any firing (a condition that cannot be evaluated) the rule whose condition it is, found by the constraint's text.
 */
final class RuleLocator {
    /** Drools' constraint errors: {@code Error evaluating constraint '...' in [Rule "name" in file]}. */
    private static final Pattern RULE_IN = Pattern.compile("in \\[Rule \"((?:[^\"\\\\]|\\\\.)*)\"");
    /** MVEL's errors: {@code [Error: what]\n[Near : {... the constraint ....}]\n  ^\n[Line: 1, Column: 9]}. */
    private static final Pattern MVEL = Pattern.compile(
            "(?s)\\w*Exception: \\[Error: (.*?)\\]\\s*\\[Near : \\{\\.\\.\\. (.*?) \\.\\.\\.\\.\\}\\].*?\\[Line: \\d+, Column: \\d+\\]");

    private RuleLocator() {
    }

    static List<CheckError> locate(RulePack pack, List<CheckError> problems) {
        return problems.stream().map(p -> locate(pack, p)).toList();
    }

    static CheckError locate(RulePack pack, CheckError p) {
        String rule = p.rule();
        String message = p.message();
        Matcher mvel = MVEL.matcher(message);
        String constraint = null;
        if (mvel.find()) {
            constraint = mvel.group(2).strip();
            message = message.substring(0, mvel.start()) + "constraint '" + constraint + "' cannot be evaluated: "
                    + mvel.group(1).strip() + message.substring(mvel.end());
        }
        if ("?".equals(rule)) {
            Matcher in = RULE_IN.matcher(message);
            if (in.find()) {
                rule = in.group(1);
            } else if (constraint != null) {
                rule = ruleWith(pack, constraint);
            }
        }
        String name = rule;
        String where = pack.rules().stream().filter(r -> r.name().equals(name)).findFirst()
                .map(r -> r.file() + ":" + r.line()).orElse(p.where());
        return new CheckError(p.kind(), rule, p.claims(), message, where);
    }

    /** The one rule whose text holds {@code constraint} (spacing aside), or "?" when none or several do. */
    private static String ruleWith(RulePack pack, String constraint) {
        String wanted = constraint.replaceAll("\\s+", "");
        String found = "?";
        for (RuleInfo r : pack.rules()) {
            String text = pack.sources().get(r.file());
            if (text == null || r.line() <= 0) {
                continue;
            }
            String[] lines = text.split("\n", -1);
            StringBuilder body = new StringBuilder();
            for (int i = r.line() - 1; i < lines.length; i++) {
                body.append(lines[i]);
                if (i > r.line() - 1 && lines[i].strip().equals("end")) {
                    break;
                }
            }
            if (body.toString().replaceAll("\\s+", "").contains(wanted)) {
                if (!found.equals("?")) {
                    return "?";
                }
                found = r.name();
            }
        }
        return found;
    }
}
