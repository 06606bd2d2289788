package org.factlint.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.factlint.RuleProblem;

/**
 * Checks a flagging rule's {@code @message} placeholders before an editor ever sees one printed as is: each must be a
 * documented name ({@code {claim}}, {@code {source2}}, ...) or one the rule passes in a map to {@code Flags.flag};
 * and a placeholder of the second claim needs a rule that passes two claims.
 */
public final class MessagePlaceholders {
    /** The names {@code Flags.flag} fills in, as documented in rules/README.md. */
    public static final Set<String> DOCUMENTED = new LinkedHashSet<>(List.of("claim", "claim2", "source", "source2",
            "subject", "object", "place", "place2", "figure", "figure2", "evidence"));
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}\\s]*)}");
    /** Keys a consequence passes: {@code Map.of("sources", ..., "kind", ...)} or {@code Map.entry("k", ...)}. */
    private static final Pattern MAP_KEY = Pattern.compile("(?:Map\\.of\\s*\\(|Map\\.entry\\s*\\(|,)\\s*\"(\\w+)\"\\s*,");
    /** The claims a consequence passes: {@code Flags.flag( kcontext, List.of( $a, $b ), ...)}. */
    private static final Pattern CLAIMS = Pattern.compile("Flags\\s*\\.\\s*flag\\s*\\(\\s*kcontext\\s*,\\s*(List\\s*\\.\\s*of\\s*\\()?");

    private MessagePlaceholders() {
    }

    /**
     * The problems of one rule's message.
     *
     * @param file    the DRL file, relative to the pack
     * @param source  the file's text
     * @param line    the line of the rule's header
     * @param rule    the rule's name
     * @param message the {@code @message} text as declared
     */
    public static List<RuleProblem> check(String file, String source, int line, String rule, String message) {
        List<RuleProblem> out = new ArrayList<>();
        if (message == null || source == null || line <= 0) {
            return out;
        }
        String[] lines = source.split("\n", -1);
        StringBuilder body = new StringBuilder();
        int messageLine = line;
        for (int i = line - 1; i < lines.length; i++) {
            body.append(lines[i]).append('\n');
            if (lines[i].contains("@message") && messageLine == line) {
                messageLine = i + 1;
            }
            if (i > line - 1 && lines[i].strip().equals("end")) {
                break;
            }
        }
        String text = body.toString();
        Set<String> passed = new TreeSet<>();
        Matcher k = MAP_KEY.matcher(text.substring(Math.max(0, text.indexOf("then"))));
        while (k.find()) {
            passed.add(k.group(1));
        }
        int claims = claimsPassed(text);
        Matcher p = PLACEHOLDER.matcher(message);
        while (p.find()) {
            String name = p.group(1);
            String problem = null;
            if (!DOCUMENTED.contains(name) && !passed.contains(name)) {
                problem = "@message placeholder {" + name + "} is not known: use one of {" + String.join("}, {", DOCUMENTED)
                        + "}" + (passed.isEmpty() ? "" : ", or a name the rule passes ({" + String.join("}, {", passed) + "})")
                        + ", or pass it: Flags.flag(kcontext, claims, evidence, Map.of(\"" + name + "\", ...))";
            } else if (name.endsWith("2") && DOCUMENTED.contains(name) && !passed.contains(name) && claims == 1) {
                problem = "@message placeholder {" + name + "} names the second claim, but the rule passes one claim to"
                        + " Flags.flag";
            }
            if (problem != null) {
                int col = 0;
                String at = lines[messageLine - 1];
                int idx = at.indexOf("{" + name + "}");
                if (idx >= 0) {
                    col = idx + 1;
                }
                out.add(new RuleProblem(file, messageLine, col, "rule \"" + rule + "\": " + problem));
            }
        }
        return out;
    }

    /** How many claims every {@code Flags.flag} call of the rule passes in {@code List.of(...)}; -1 when unknown. */
    private static int claimsPassed(String text) {
        Matcher m = CLAIMS.matcher(text);
        int most = -1;
        while (m.find()) {
            if (m.group(1) == null) {
                return -1; // a list built otherwise (Flags.byId($all)): any size
            }
            int depth = 1;
            int args = 1;
            int i = m.end();
            boolean empty = true;
            for (; i < text.length() && depth > 0; i++) {
                char c = text.charAt(i);
                if (c == '(') {
                    depth++;
                } else if (c == ')') {
                    depth--;
                } else if (c == ',' && depth == 1) {
                    args++;
                } else if (!Character.isWhitespace(c)) {
                    empty = false;
                }
            }
            most = Math.max(most, empty ? 0 : args);
        }
        return most;
    }
}
