package org.factlint.text.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads attribution relations in brat standoff form, as PolNeAR gives them: text-bound spans {@code T…} of type
 * {@code Source}, {@code Cue}, {@code Content} and {@code Attribution}, with offsets in code points (end exclusive;
 * a broken span lists several {@code start end} pairs separated by {@code ;}), and events
 * {@code E…  Attribution:T4 Content:T3 Cue:T2 Source:T1}. An event without a {@code Source} is an attribution with
 * no named source. Offsets are turned into Java {@code char} offsets into the article text.
 */
public final class BratAttributions {
    /** A span of the article text in {@code char} offsets, end exclusive. */
    public record Span(int start, int end) {
        public Span {
            if (start < 0 || end < start) {
                throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
            }
        }

        public boolean overlaps(Span o) {
            return o != null && start < o.end && o.start < end;
        }

        public String of(String text) {
            return text.substring(start, end);
        }
    }

    /** One attribution: its source pieces (empty when unnamed), cue pieces and content pieces. */
    public record Relation(String id, List<Span> source, List<Span> cue, List<Span> content) {
        public Relation {
            source = List.copyOf(source);
            cue = List.copyOf(cue);
            content = List.copyOf(content);
        }
    }

    /** One annotated article: its name, text and attribution relations. */
    public record Article(String name, String text, List<Relation> relations) {
        public Article {
            relations = List.copyOf(relations);
        }
    }

    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("(?:[TEARNM]\\d+|#\\d*|\\*)\t");

    private BratAttributions() {
    }

    /**
     * Reads one annotation file against its text.
     *
     * @throws IllegalArgumentException naming {@code file:line} when a line is malformed or a span lies outside
     *                                  the text
     */
    public static Article parse(String name, String text, String ann, String file) {
        int[] charAt = codePointToChar(text);
        Map<String, String> types = new HashMap<>();
        Map<String, List<Span>> spans = new HashMap<>();
        List<String[]> events = new ArrayList<>();
        String[] lines = ann.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || !ID.matcher(line).lookingAt()) {
                continue; // the rest of a span's text that ran over a line break
            }
            if (!line.startsWith("T") && !line.startsWith("E")) {
                continue; // comments, attributes, normalisations, relations: not used here
            }
            String where = file + ":" + (i + 1) + ": ";
            String[] cols = line.split("\t");
            if (line.startsWith("T")) {
                if (cols.length < 2) {
                    throw new IllegalArgumentException(where + "expected 'ID<TAB>Type start end[;start end]<TAB>text',"
                            + " found '" + line + "'");
                }
                int sp = cols[1].indexOf(' ');
                if (sp < 0) {
                    throw new IllegalArgumentException(where + "span '" + cols[1] + "' has no offsets");
                }
                List<Span> pieces = new ArrayList<>();
                for (String piece : cols[1].substring(sp + 1).split(";")) {
                    String[] se = piece.trim().split(" ");
                    try {
                        int s = Integer.parseInt(se[0]);
                        int e = Integer.parseInt(se[se.length - 1]);
                        if (se.length != 2 || s < 0 || e < s || e >= charAt.length) {
                            throw new IllegalArgumentException(where + "span '" + piece.trim() + "' is outside the"
                                    + " text (" + (charAt.length - 1) + " code points) or reversed");
                        }
                        pieces.add(new Span(charAt[s], charAt[e]));
                    } catch (NumberFormatException ex) {
                        throw new IllegalArgumentException(where + "offsets '" + piece.trim() + "' are not numbers");
                    }
                }
                types.put(cols[0], cols[1].substring(0, sp));
                spans.put(cols[0], pieces);
            } else if (line.startsWith("E")) {
                if (cols.length < 2) {
                    throw new IllegalArgumentException(where + "expected 'ID<TAB>Type:T1 Role:T2 …', found '" + line
                            + "'");
                }
                events.add(new String[] {cols[0], cols[1], where});
            }
        }
        List<Relation> out = new ArrayList<>();
        for (String[] ev : events) {
            List<Span> source = new ArrayList<>();
            List<Span> cue = new ArrayList<>();
            List<Span> content = new ArrayList<>();
            for (String arg : ev[1].trim().split("\\s+")) {
                int colon = arg.indexOf(':');
                if (colon < 0) {
                    throw new IllegalArgumentException(ev[2] + "event argument '" + arg + "' is not Role:ID");
                }
                String role = arg.substring(0, colon).replaceAll("\\d+$", "");
                List<Span> target = spans.get(arg.substring(colon + 1));
                if (target == null) {
                    throw new IllegalArgumentException(ev[2] + "event " + ev[0] + " names '" + arg.substring(colon + 1)
                            + "', which no T line defines");
                }
                switch (role) {
                    case "Source" -> source.addAll(target);
                    case "Cue" -> cue.addAll(target);
                    case "Content" -> content.addAll(target);
                    default -> { } // the Attribution trigger repeats the cue
                }
            }
            out.add(new Relation(ev[0], source, cue, content));
        }
        return new Article(name, text, out);
    }

    /**
     * Reads a PolNeAR split directory ({@code text/NAME.txt} and {@code attributions/NAME_XXXX.ann}). Articles
     * annotated by several people are scored against the alphabetically first annotation file.
     */
    public static List<Article> readSplit(Path dir) throws IOException {
        Path texts = dir.resolve("text");
        Path anns = dir.resolve("attributions");
        if (!Files.isDirectory(texts) || !Files.isDirectory(anns)) {
            throw new IOException("'" + dir + "' is not a brat split: expected the folders text/ and attributions/");
        }
        Map<String, Path> firstAnn = new java.util.TreeMap<>();
        try (Stream<Path> s = Files.list(anns)) {
            s.filter(p -> p.getFileName().toString().endsWith(".ann")).sorted().forEach(p -> {
                String n = p.getFileName().toString();
                int us = n.lastIndexOf('_');
                String article = us > 0 ? n.substring(0, us) : n.substring(0, n.length() - 4);
                firstAnn.putIfAbsent(article, p);
            });
        }
        List<Article> out = new ArrayList<>();
        for (Map.Entry<String, Path> e : firstAnn.entrySet()) {
            Path txt = texts.resolve(e.getKey() + ".txt");
            if (!Files.isRegularFile(txt)) {
                throw new IOException(e.getValue() + ": no text file " + txt);
            }
            out.add(parse(e.getKey(), Files.readString(txt, StandardCharsets.UTF_8),
                    Files.readString(e.getValue(), StandardCharsets.UTF_8), e.getValue().toString()));
        }
        return out;
    }

    /** {@code out[cp]} is the char index of code point {@code cp}; one extra entry for the end of the text. */
    private static int[] codePointToChar(String text) {
        int n = text.codePointCount(0, text.length());
        int[] out = new int[n + 1];
        int c = 0;
        for (int cp = 0; cp < n; cp++) {
            out[cp] = c;
            c += Character.charCount(text.codePointAt(c));
        }
        out[n] = text.length();
        return out;
    }
}
