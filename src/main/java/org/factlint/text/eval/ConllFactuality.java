package org.factlint.text.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads factuality annotations in the CoNLL form of the unified factuality collection (UW, MEANTIME): one token per
 * line, tab-separated (token index, token, factuality value or {@code _}, POS, head, dependency label, lemma), blank
 * lines between sentences. Only the token and the value are used: the front end tags the tokens itself, so the gold
 * tags, parse and lemmas never help it.
 */
public final class ConllFactuality {
    /** One sentence: its tokens, and for each token its gold value in [−3, 3] or {@code NaN} when not annotated. */
    public record Sentence(int line, List<String> tokens, double[] values) {
        public Sentence {
            tokens = List.copyOf(tokens);
            if (values.length != tokens.size()) {
                throw new IllegalArgumentException("one value per token expected");
            }
        }

        public String text() {
            return String.join(" ", tokens);
        }
    }

    private ConllFactuality() {
    }

    /**
     * Parses CoNLL text.
     *
     * @throws IllegalArgumentException naming {@code file:line} when a line has too few columns or a value is not a
     *                                  number in [−3, 3]
     */
    public static List<Sentence> parse(String conll, String file) {
        List<Sentence> out = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        String[] lines = conll.split("\r?\n", -1);
        int first = 1;
        for (int i = 0; i <= lines.length; i++) {
            String line = i < lines.length ? lines[i] : "";
            if (line.isBlank()) {
                if (!tokens.isEmpty()) {
                    out.add(new Sentence(first, tokens, values.stream().mapToDouble(Double::doubleValue).toArray()));
                    tokens = new ArrayList<>();
                    values = new ArrayList<>();
                }
                first = i + 2;
                continue;
            }
            String[] cols = line.split("\t");
            if (cols.length < 3) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": expected at least 3 tab-separated columns"
                        + " (index, token, value), found " + cols.length + ": '" + line + "'");
            }
            double v;
            if (cols[2].equals("_")) {
                v = Double.NaN;
            } else {
                try {
                    v = Double.parseDouble(cols[2]);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(file + ":" + (i + 1) + ":3: factuality value '" + cols[2]
                            + "' is not a number or '_'");
                }
                if (!(v >= -3 && v <= 3)) {
                    throw new IllegalArgumentException(file + ":" + (i + 1) + ":3: factuality value " + cols[2]
                            + " is outside [-3, 3]");
                }
            }
            tokens.add(cols[1]);
            values.add(v);
        }
        return out;
    }

    public static List<Sentence> read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }
}
