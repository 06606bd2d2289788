package org.factlint.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;

import org.factlint.RuleProblem;
import org.factlint.facts.PredicateRelation;
import org.factlint.facts.PredicateTerm;
import org.factlint.internal.Tables;
import org.factlint.rules.Lexicon;

/**
 * The pack's predicate table ({@code lexicon/predicates.csv}) as the front end reads verbs with it: its {@code verb}
 * rows ("attend", "take part in", "accept the invitation") name the canonical predicate of a sentence whose words
 * they match, and its {@code synonym} rows turn any other predicate the front end picks into the canonical one. A
 * word of a form matches a token whose lemma or lower-case text it is, so "took part in" matches "take part in".
 * The rows are read by the pack's own reader ({@link Tables}), so a row means the same to the rules and to the text.
 */
final class PredicateForms {
    /** The bundled pack's table, on the classpath beside the bundled rules. */
    static final String BUNDLED = "org/factlint/rules/default/" + Tables.PREDICATE_TABLE;

    /** A verb form: its words and the predicate it names. */
    private record Form(List<String> words, String predicate) {
    }

    /** Verb forms in table order (earlier rows win when a sentence has several). */
    private final List<Form> forms;
    /** Synonym to canonical predicate. */
    private final Map<String, String> canonical;

    /** Every word of the verb forms ("attend", "take", "part", "in"), lower case. */
    private final java.util.Set<String> words;

    private PredicateForms(List<Form> forms, Map<String, String> canonical) {
        this.forms = List.copyOf(forms);
        this.canonical = Map.copyOf(canonical);
        java.util.Set<String> w = new java.util.HashSet<>();
        forms.forEach(f -> f.words().forEach(x -> w.add(x.toLowerCase(java.util.Locale.ROOT))));
        this.words = java.util.Set.copyOf(w);
    }

    /** Every word of the table's verb forms, lower case: ordinary words, not names, in a Title Case headline. */
    java.util.Set<String> words() {
        return words;
    }

    /** The verb and synonym rows of a pack's table rows; other rows and facts are ignored. */
    static PredicateForms of(List<?> packFacts) {
        List<Form> forms = new ArrayList<>();
        Map<String, String> canonical = new HashMap<>();
        for (Object o : packFacts) {
            if (o instanceof PredicateTerm t && t.relation() == PredicateRelation.VERB) {
                forms.add(new Form(List.of(Lexicon.normalize(t.other()).strip().split(" ")), t.predicate()));
            } else if (o instanceof PredicateTerm t && t.relation() == PredicateRelation.SYNONYM) {
                canonical.put(t.other(), t.predicate());
            }
        }
        return new PredicateForms(forms, canonical);
    }

    /**
     * Reads the text of a predicate table.
     *
     * @throws IllegalArgumentException listing every problem with its line and column
     */
    static PredicateForms read(String csv) {
        List<RuleProblem> problems = new ArrayList<>();
        List<Object> rows = Tables.read(Map.of(Tables.PREDICATE_TABLE, csv), problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.stream().map(RuleProblem::toString)
                    .collect(Collectors.joining("\n")));
        }
        return of(rows);
    }

    /** The bundled pack's table. */
    static PredicateForms bundled() {
        try (InputStream in = PredicateForms.class.getClassLoader().getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("resource " + BUNDLED + " is missing");
            }
            return read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + BUNDLED, e);
        }
    }

    /** The canonical predicate of {@code predicate}: itself unless the table lists it as a synonym. */
    String canonical(String predicate) {
        return canonical.getOrDefault(predicate, predicate);
    }

    /** The predicate of the longest verb form that starts at token {@code i}, or null. */
    String at(List<Nlp.Token> tokens, int i) {
        Form best = null;
        for (Form f : forms) {
            if (matches(f, tokens, i, j -> false) && (best == null || f.words().size() > best.words().size())) {
                best = f;
            }
        }
        return best == null ? null : best.predicate();
    }

    /** The predicate of the first verb form of the table found in {@code tokens} clear of {@code skip}, or null. */
    String first(List<Nlp.Token> tokens, IntPredicate skip) {
        for (Form f : forms) {
            for (int i = 0; i < tokens.size(); i++) {
                if (matches(f, tokens, i, skip)) {
                    return f.predicate();
                }
            }
        }
        return null;
    }

    private static boolean matches(Form f, List<Nlp.Token> tokens, int i, IntPredicate skip) {
        if (i + f.words().size() > tokens.size()) {
            return false;
        }
        for (int k = 0; k < f.words().size(); k++) {
            Nlp.Token t = tokens.get(i + k);
            String w = f.words().get(k);
            if (skip.test(i + k) || !w.equals(t.lemma()) && !w.equals(t.text().toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }
}
