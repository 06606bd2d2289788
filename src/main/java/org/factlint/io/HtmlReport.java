package org.factlint.io;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.factlint.Category;
import org.factlint.Flag;
import org.factlint.InputError;
import org.factlint.Report;
import org.factlint.Severity;
import org.factlint.model.Claim;
import org.factlint.model.Document;

/**
 * Renders a report as one self-contained HTML page a desk editor can open: a summary on top, then each article's
 * text with every flagged sentence highlighted by category and numbered, its explanation beside it. Inline CSS, no
 * scripts, no external resources; every piece of input text is escaped (articles are untrusted).
 */
public final class HtmlReport {
    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n[ \\t\\u00a0]*\\n");

    private HtmlReport() {
    }

    /** {@link Placed#end()} of a claim quoted from a document without text; its start is the claim's index. */
    private static final int QUOTED = -1;

    /** A flag placed in an article: its number in the report and the claim span it highlights. */
    private record Placed(int number, Flag flag, int start, int end) {
    }

    /**
     * The page for {@code report}. {@code documents} are the checked documents (a {@link org.factlint.Batch}'s):
     * flags are placed on their claims' spans; flags whose claims have no span or text are listed after the articles.
     */
    public static String render(Report report, Collection<Document> documents) {
        ClaimIndex index = ClaimIndex.of(documents);
        Map<String, Document> docByClaim = index.documents();
        Map<String, Claim> claims = index.claims();
        // Every claim a flag names is marked, in whichever document it stands: the article under review (the first
        // input) comes first, the others follow in the order given.
        Map<Document, List<Placed>> placed = new LinkedHashMap<>();
        documents.forEach(d -> placed.put(d, new ArrayList<>()));
        List<Document> order = new ArrayList<>(placed.keySet());
        record Spot(Flag flag, Document doc, int start, int end) {
        }
        List<Spot> spots = new ArrayList<>();
        List<Flag> unplaced = new ArrayList<>();
        for (Flag f : report.flags()) {
            boolean any = false;
            for (String id : new java.util.LinkedHashSet<>(f.claims())) {
                Claim c = claims.get(id);
                Document d = docByClaim.get(id);
                int[] at = c == null ? null : where(c, d.article().text());
                if (at != null) {
                    spots.add(new Spot(f, d, at[0], at[1]));
                    any = true;
                } else if (c != null && d.article().text() == null && c.text() != null && !c.text().isBlank()) {
                    // a document without text (an archive): its claim is quoted and marked; start = its index
                    spots.add(new Spot(f, d, d.claims().indexOf(c), QUOTED));
                    any = true;
                }
            }
            if (!any) {
                unplaced.add(f);
            }
        }
        // Notes are numbered in reading order: document by document, by where their first mark stands.
        spots.sort(java.util.Comparator.comparingInt((Spot x) -> order.indexOf(x.doc())).thenComparingInt(Spot::start)
                .thenComparingInt(x -> report.flags().indexOf(x.flag())));
        Map<Flag, Integer> numbers = new LinkedHashMap<>();
        for (Spot x : spots) {
            numbers.putIfAbsent(x.flag(), numbers.size() + 1);
        }
        for (Flag f : unplaced) {
            numbers.put(f, numbers.size() + 1);
        }
        for (Spot x : spots) {
            placed.get(x.doc()).add(new Placed(numbers.get(x.flag()), x.flag(), x.start(), x.end()));
        }

        StringBuilder h = new StringBuilder(16_384);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
                .append("<title>Factlint report</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        summary(h, report, documents);
        java.util.Set<Integer> ids = new java.util.HashSet<>(); // flag-N anchors given so far
        for (Map.Entry<Document, List<Placed>> e : placed.entrySet()) {
            article(h, e.getKey(), e.getValue(), claims, ids);
        }
        if (!unplaced.isEmpty()) {
            h.append("<section class=\"other\">\n<h2>Findings without a place in the text</h2>\n<div class=\"notes\">\n");
            for (Flag f : unplaced) {
                note(h, numbers.get(f), f, claims);
            }
            h.append("</div>\n</section>\n");
        }
        if (!report.errors().isEmpty()) {
            h.append("<section class=\"rejected\">\n<h2>Rejected input</h2>\n<ul>\n");
            for (InputError err : report.errors()) {
                h.append("<li><code>").append(esc(err.toString())).append("</code></li>\n");
            }
            h.append("</ul>\n</section>\n");
        }
        h.append("<footer>Generated by Factlint. Highlights mark sentences a rule flagged; the notes explain why."
                + " A flag is a prompt to check, not a verdict.</footer>\n</body>\n</html>\n");
        return h.toString();
    }

    /**
     * Where a claim stands in its article's text: its span, or, for a document written without spans, the first
     * place its sentence occurs verbatim; null when neither.
     */
    private static int[] where(Claim c, String text) {
        if (text == null) {
            return null;
        }
        if (c.span() != null && c.span().end() <= text.length() && c.span().end() > c.span().start()) {
            return new int[] {c.span().start(), c.span().end()};
        }
        int at = c.text() == null || c.text().isBlank() ? -1 : text.indexOf(c.text());
        return at < 0 ? null : new int[] {at, at + c.text().length()};
    }

    private static void summary(StringBuilder h, Report report, Collection<Document> documents) {
        Map<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);
        Map<Category, Integer> byCategory = new EnumMap<>(Category.class);
        for (Flag f : report.flags()) {
            bySeverity.merge(f.severity(), 1, Integer::sum);
            byCategory.merge(f.category(), 1, Integer::sum);
        }
        h.append("<header class=\"summary\">\n<h1>Factlint report</h1>\n");
        if (!documents.isEmpty()) {
            Document d = documents.iterator().next(); // the article under review
            h.append("<p class=\"subject\">").append(esc(d.article().headline())).append("</p>\n");
        }
        h.append("<p class=\"counts\">").append(esc(ReportWriter.summary(report))).append("</p>\n");
        h.append("<ul class=\"chips\">\n");
        for (Severity s : List.of(Severity.HIGH, Severity.MEDIUM, Severity.LOW)) {
            h.append("<li class=\"chip sev-").append(lower(s)).append("\"><b>").append(bySeverity.getOrDefault(s, 0))
                    .append("</b> ").append(lower(s)).append("</li>\n");
        }
        for (Category c : Category.values()) {
            if (c == Category.INPUT && !byCategory.containsKey(c)) {
                continue; // warnings about the input get a chip only when there are some
            }
            h.append("<li class=\"chip cat-").append(lower(c)).append("\"><b>").append(byCategory.getOrDefault(c, 0))
                    .append("</b> ").append(lower(c)).append("</li>\n");
        }
        h.append("</ul>\n</header>\n");
    }

    private static void article(StringBuilder h, Document d, List<Placed> flags, Map<String, Claim> claims,
                                java.util.Set<Integer> ids) {
        String text = d.article().text();
        h.append("<article>\n<p class=\"meta\">");
        h.append(esc(d.article().id()));
        if (d.article().published() != null) {
            h.append(" · ").append(esc(d.article().published().toString()));
        }
        d.sources().stream().filter(s -> s.id().equals(d.article().outlet())).findFirst()
                .ifPresent(s -> h.append(" · ").append(esc(s.name())));
        h.append("</p>\n");
        if (text == null) {
            h.append("<h2 class=\"headline\">").append(esc(d.article().headline())).append("</h2>\n");
            h.append("<p class=\"empty\">The document carries no article text; the claims flagged in it:</p>\n");
            java.util.TreeMap<Integer, List<Placed>> byClaim = new java.util.TreeMap<>();
            flags.forEach(p -> byClaim.computeIfAbsent(p.start(), k -> new ArrayList<>()).add(p));
            for (Map.Entry<Integer, List<Placed>> e : byClaim.entrySet()) {
                h.append("<div class=\"row\">\n<div class=\"text\"><p class=\"quoted\">");
                closeMark(h, new StringBuilder(esc(d.claims().get(e.getKey()).text())), e.getValue());
                h.append("</p></div>\n<div class=\"notes\">\n");
                e.getValue().stream().sorted(java.util.Comparator.comparingInt(Placed::number))
                        .forEach(p -> note(h, p.number(), p.flag(), claims, ids.add(p.number())));
                h.append("</div>\n</div>\n");
            }
            h.append("</article>\n");
            return;
        }
        List<int[]> paragraphs = new ArrayList<>();
        Matcher m = PARAGRAPH_BREAK.matcher(text);
        int start = 0;
        int firstLine = text.indexOf('\n');
        if (firstLine > 0 && !text.startsWith(d.article().headline().strip())) {
            firstLine = -1;
        }
        if (firstLine <= 0) {
            // the text does not open with its headline: show the headline above it all the same
            h.append("<h2 class=\"headline\">").append(esc(d.article().headline())).append("</h2>\n");
        }
        if (firstLine > 0) {
            paragraphs.add(new int[] {0, firstLine});
            start = firstLine + 1;
        }
        m.region(start, text.length());
        while (m.find()) {
            paragraphs.add(new int[] {start, m.start()});
            start = m.end();
        }
        paragraphs.add(new int[] {start, text.length()});
        boolean first = true;
        java.util.Set<Integer> noted = new java.util.HashSet<>(); // a flag's note once per document
        for (int[] p : paragraphs) {
            if (text.substring(p[0], p[1]).isBlank()) {
                continue;
            }
            boolean headline = first && firstLine > 0;
            first = false;
            List<Placed> here = flags.stream().filter(f -> f.start() >= p[0] && f.start() < p[1])
                    .filter(f -> noted.add(f.number())).toList();
            h.append("<div class=\"row\">\n<div class=\"text\">");
            h.append(headline ? "<h2 class=\"headline\">" : "<p>");
            paragraph(h, text, p[0], p[1], flags);
            h.append(headline ? "</h2>" : "</p>").append("</div>\n<div class=\"notes\">\n");
            here.stream().sorted(java.util.Comparator.comparingInt(Placed::number))
                    .forEach(f -> note(h, f.number(), f.flag(), claims, ids.add(f.number())));
            h.append("</div>\n</div>\n");
        }
        h.append("</article>\n");
    }

    /** The text of one paragraph, with the flagged stretches marked; overlapping flags share a mark. */
    private static void paragraph(StringBuilder h, String text, int from, int to, List<Placed> flags) {
        TreeSet<Integer> cuts = new TreeSet<>(List.of(from, to));
        for (Placed f : flags) {
            if (f.start() < to && f.end() > from) {
                cuts.add(Math.max(f.start(), from));
                cuts.add(Math.min(f.end(), to));
            }
        }
        List<Integer> points = new ArrayList<>(cuts);
        List<Placed> open = null;
        StringBuilder run = new StringBuilder();
        for (int i = 0; i + 1 < points.size(); i++) {
            int a = points.get(i);
            int b = points.get(i + 1);
            List<Placed> covering = flags.stream().filter(f -> f.start() <= a && b <= f.end()).toList();
            if (open != null && !covering.equals(open)) {
                closeMark(h, run, open);
                open = null;
                run.setLength(0);
            }
            if (covering.isEmpty()) {
                h.append(esc(text.substring(a, b)).replace("\n", "<br>"));
            } else {
                open = covering;
                run.append(esc(text.substring(a, b)).replace("\n", "<br>"));
            }
        }
        if (open != null) {
            closeMark(h, run, open);
        }
    }

    private static void closeMark(StringBuilder h, StringBuilder run, List<Placed> flags) {
        Placed top = flags.stream().min((x, y) -> x.flag().compareTo(y.flag())).orElseThrow();
        String nums = flags.stream().map(f -> String.valueOf(f.number())).sorted(
                java.util.Comparator.comparingInt(Integer::parseInt)).collect(Collectors.joining(","));
        h.append("<mark class=\"hl cat-").append(lower(top.flag().category())).append(" sev-")
                .append(lower(top.flag().severity())).append("\" data-flags=\"").append(nums).append("\" title=\"")
                .append(esc(flags.stream().map(f -> f.flag().code()).distinct().collect(Collectors.joining(", "))))
                .append("\">").append(run).append("<sup>").append(nums).append("</sup></mark>");
    }

    private static void note(StringBuilder h, int number, Flag f, Map<String, Claim> claims) {
        note(h, number, f, claims, true);
    }

    /** A flag's note; {@code anchor} false for a repeat of it beside another document (an id is given once). */
    private static void note(StringBuilder h, int number, Flag f, Map<String, Claim> claims, boolean anchor) {
        h.append("<div class=\"note cat-").append(lower(f.category())).append(anchor ? "\" id=\"flag-" + number : " repeat")
                .append("\" data-flag=\"").append(number)
                .append("\">\n<div class=\"head\"><span class=\"num\">").append(number)
                .append("</span><span class=\"sev sev-").append(lower(f.severity())).append("\">")
                .append(lower(f.severity())).append("</span><code class=\"code\">").append(esc(f.code()))
                .append("</code></div>\n<p class=\"msg\">").append(esc(f.message())).append("</p>\n");
        if (!f.evidence().isEmpty()) {
            h.append("<p class=\"ev\">").append(f.evidence().stream().map(e -> "<q>" + esc(e) + "</q>")
                    .collect(Collectors.joining(" "))).append("</p>\n");
        }
        h.append("<p class=\"rule\">").append(esc(f.rule())).append(" · ")
                .append(esc(String.join(", ", f.claims()))).append("</p>\n</div>\n");
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    /** Escapes text for HTML element content and quoted attribute values. */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t') {
                        out.append(' ');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static final String CSS = """
            :root { --ink:#1d2329; --muted:#5b6670; --line:#dde2e6; --paper:#ffffff; --bg:#f4f5f7;
                    --unc:#f6c344; --unc-bg:#fff4d1; --con:#e0533d; --con-bg:#fde3de; --cons:#4a8fd9; --cons-bg:#e1eefb; }
            * { box-sizing: border-box; }
            body { margin:0; background:var(--bg); color:var(--ink);
                   font:16px/1.6 Georgia, 'Times New Roman', serif; }
            header.summary, article, section, footer { max-width:1120px; margin:24px auto; padding:24px 32px;
                   background:var(--paper); border:1px solid var(--line); border-radius:10px; }
            header.summary h1 { margin:0 0 4px; font:600 14px/1.2 system-ui, sans-serif; letter-spacing:.08em;
                   text-transform:uppercase; color:var(--muted); }
            .subject { margin:0 0 8px; font-size:24px; line-height:1.3; }
            .counts { margin:0 0 12px; color:var(--muted); font:14px/1.4 system-ui, sans-serif; }
            .chips { list-style:none; margin:0; padding:0; display:flex; flex-wrap:wrap; gap:8px;
                   font:13px/1 system-ui, sans-serif; }
            .chip { padding:6px 10px; border-radius:999px; background:var(--bg); border:1px solid var(--line); }
            .chip.sev-high { background:#fde3de; border-color:#f3b4a8; }
            .chip.sev-medium { background:#fff4d1; border-color:#f1d98a; }
            .chip.sev-low { background:#eef1f4; }
            .chip.cat-unconfirmed { border-left:6px solid var(--unc); }
            .chip.cat-contradiction { border-left:6px solid var(--con); }
            .chip.cat-consistency { border-left:6px solid var(--cons); }
            .meta { margin:0 0 12px; color:var(--muted); font:13px/1.4 system-ui, sans-serif; }
            .row { display:grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap:28px;
                   padding:10px 0; border-top:1px solid var(--bg); }
            .row:first-of-type { border-top:0; }
            .text p { margin:0; }
            .headline { margin:0; font-size:26px; line-height:1.3; }
            mark.hl { padding:1px 2px; border-radius:3px; color:inherit; box-decoration-break:clone;
                   -webkit-box-decoration-break:clone; }
            mark.cat-unconfirmed { background:var(--unc-bg); box-shadow: inset 0 -2px 0 var(--unc); }
            mark.cat-contradiction { background:var(--con-bg); box-shadow: inset 0 -2px 0 var(--con); }
            mark.cat-consistency { background:var(--cons-bg); box-shadow: inset 0 -2px 0 var(--cons); }
            mark.hl sup { font:700 11px/1 system-ui, sans-serif; color:var(--muted); margin-left:2px; }
            .notes { display:flex; flex-direction:column; gap:10px; font:14px/1.45 system-ui, sans-serif; }
            .note { border:1px solid var(--line); border-left:5px solid var(--unc); border-radius:6px;
                   padding:10px 12px; background:#fcfcfd; }
            .note.cat-contradiction { border-left-color:var(--con); }
            .note.repeat { background:transparent; }
            .note.cat-consistency { border-left-color:var(--cons); }
            .note .head { display:flex; align-items:center; gap:8px; margin-bottom:4px; }
            .note .num { display:inline-grid; place-items:center; width:22px; height:22px; border-radius:50%;
                   background:var(--ink); color:#fff; font-size:12px; font-weight:700; }
            .note .code { font:600 12px/1 ui-monospace, 'DejaVu Sans Mono', monospace; color:var(--ink); }
            .sev { font-size:11px; font-weight:700; text-transform:uppercase; letter-spacing:.05em;
                   padding:3px 6px; border-radius:4px; background:#eef1f4; color:var(--muted); }
            .sev.sev-high { background:#fde3de; color:#a4301d; }
            .sev.sev-medium { background:#fff4d1; color:#8a6200; }
            .note p { margin:4px 0 0; }
            .note .ev { color:var(--muted); }
            .note .ev q { background:var(--bg); padding:0 4px; border-radius:3px; quotes:'\\201C' '\\201D'; }
            .note .rule { color:var(--muted); font-size:12px; }
            .empty { color:var(--muted); }
            footer { background:transparent; border:0; color:var(--muted); font:13px/1.4 system-ui, sans-serif;
                   padding-top:0; }
            @media (max-width: 800px) { .row { grid-template-columns: 1fr; } }
            """;
}
