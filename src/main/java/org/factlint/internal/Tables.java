package org.factlint.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.factlint.RuleProblem;
import org.factlint.facts.CueTerm;
import org.factlint.facts.EscalationTerm;
import org.factlint.facts.UndatedTerm;
import org.factlint.facts.PartyTerm;
import org.factlint.facts.PlaceTerm;
import org.factlint.facts.PredicateRelation;
import org.factlint.facts.PredicateTerm;
import org.factlint.facts.SourceTerm;
import org.factlint.model.CueCategory;
import org.factlint.model.SourceKind;

/**
 * A pack's data tables, the files editors change without touching DRL: cue lexicons ({@code lexicon/*.csv}, columns
 * {@code category,phrase}) and the source table ({@code sources.csv}, columns {@code source,kind,party}). Rows become
 * facts in every session. Lines starting with {@code #} are comments; blank lines are skipped; a field with a comma is
 * quoted ({@code "some, say"}). Every bad row is reported with its file, line and column; good rows are kept.
 */
public final class Tables {
    public static final String LEXICON_DIR = "lexicon/";
    public static final String SOURCE_TABLE = "sources.csv";
    public static final String PREDICATE_TABLE = "lexicon/predicates.csv";
    public static final String PARTY_TABLE = "parties.csv";
    public static final String ESCALATION_TABLE = "escalation.csv";
    private static final List<String> ESCALATION_COLUMNS = List.of("code", "severity", "hours");
    public static final String UNDATED_TABLE = "undated.csv";
    public static final String PLACE_TABLE = "places.csv";
    private static final List<String> PLACE_COLUMNS = List.of("place", "within");
    private static final List<String> UNDATED_COLUMNS = List.of("days");
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9]*(-[A-Z0-9]+)*");
    /** Longest escalation delay accepted: a year. */
    static final int MAX_ESCALATION_HOURS = 8_760;
    private static final List<String> PREDICATE_COLUMNS = List.of("predicate", "relation", "other");
    private static final List<String> PARTY_COLUMNS = List.of("party", "alias");
    private static final Pattern PREDICATE = Pattern.compile("[a-z][a-z0-9\\-]*");
    private static final List<String> CUE_COLUMNS = List.of("category", "phrase");
    private static final List<String> SOURCE_COLUMNS = List.of("source", "kind", "party");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:\\-]*");
    private static final CsvMapper CSV = CsvMapper.builder()
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .enable(CsvParser.Feature.TRIM_SPACES)
            .build();

    private Tables() {
    }

    /** True for file names (relative to the pack) that are data tables. */
    public static boolean isTable(String file) {
        return file.endsWith(".csv");
    }

    /**
     * Reads every table of a pack: {@code files} maps a relative name to its text. Problems are added to
     * {@code problems}; the facts of the good rows are returned, lexicon rows first.
     */
    public static List<Object> read(Map<String, String> files, List<RuleProblem> problems) {
        List<Object> facts = new ArrayList<>();
        Map<String, String> seenPhrases = new HashMap<>();
        // party and source keys fold with the pack's name tables, as its entity names do; their problems are reported
        // after the other tables', where they always were
        List<RuleProblem> nameProblems = new ArrayList<>();
        NameTables names = NameTables.read(files, nameProblems);
        NameTables tables = names == null ? NameTables.DEFAULT : names;
        for (Map.Entry<String, String> f : files.entrySet()) {
            String file = f.getKey();
            if (NameTables.isNameTable(file)) {
                continue; // read below, all together
            } else if (file.equals(PREDICATE_TABLE)) {
                facts.addAll(predicates(file, f.getValue(), problems));
            } else if (file.equals(PARTY_TABLE)) {
                facts.addAll(parties(file, f.getValue(), tables, problems));
            } else if (file.equals(ESCALATION_TABLE)) {
                facts.addAll(escalation(file, f.getValue(), problems));
            } else if (file.equals(UNDATED_TABLE)) {
                facts.addAll(undated(file, f.getValue(), problems));
            } else if (file.equals(PLACE_TABLE)) {
                facts.addAll(places(file, f.getValue(), tables, problems));
            } else if (file.startsWith(LEXICON_DIR)) {
                for (Row row : rows(file, f.getValue(), CUE_COLUMNS, problems)) {
                    CueTerm term = cueTerm(row, problems);
                    if (term == null) {
                        continue;
                    }
                    String key = term.category() + term.match();
                    String earlier = seenPhrases.putIfAbsent(key, file + ":" + row.line);
                    if (earlier != null) {
                        problems.add(row.problem(1, "duplicate row: " + lower(term.category()) + ",'" + term.phrase()
                                + "' is already at " + earlier));
                        continue;
                    }
                    facts.add(term);
                }
            } else if (file.equals(SOURCE_TABLE)) {
                Map<String, Integer> seen = new HashMap<>();
                for (Row row : rows(file, f.getValue(), SOURCE_COLUMNS, problems)) {
                    SourceTerm term = sourceTerm(row, tables, problems);
                    if (term == null) {
                        continue;
                    }
                    Integer earlier = seen.putIfAbsent(term.source(), row.line);
                    if (earlier != null) {
                        problems.add(row.problem(1, "source '" + term.source() + "' is already listed at line " + earlier));
                        continue;
                    }
                    facts.add(term);
                }
            } else if (!file.equals(JoinKeys.FILE) && !file.equals(Scopes.FILE)
                    && !file.equals(Scopes.SUPPORT_FILE)) { // read by JoinKeys
                problems.add(new RuleProblem(file, 1, 1, "unknown table: a pack reads cue lexicons from "
                        + LEXICON_DIR + "*.csv (category,phrase), its predicate table from " + PREDICATE_TABLE
                        + " (predicate,relation,other), its party table from " + PARTY_TABLE
                        + " (party,alias), its source table from " + SOURCE_TABLE + " (source,kind,party), its"
                        + " escalation table from " + ESCALATION_TABLE + " (code,severity,hours), the days an undated"
                        + " claim stands for from " + UNDATED_TABLE + " (days), the places within places from "
                        + PLACE_TABLE + " (place,within) and its name tables"
                        + " from " + NameTables.DIR + "*.csv"));
            }
        }
        problems.addAll(nameProblems);
        if (names != null) {
            facts.add(names); // for the loaders (FactLoader), not for rules: no rule can name its class
        }
        return withPartyKeys(facts);
    }

    /** Source-table rows name parties by any of their names: their keys are the party table's. */
    private static List<Object> withPartyKeys(List<Object> facts) {
        Map<String, String> keyOfAlias = new HashMap<>();
        facts.stream().filter(PartyTerm.class::isInstance).map(PartyTerm.class::cast)
                .forEach(p -> keyOfAlias.put(p.aliasKey(), p.key()));
        if (keyOfAlias.isEmpty()) {
            return facts;
        }
        List<Object> out = new ArrayList<>(facts.size());
        for (Object o : facts) {
            if (o instanceof SourceTerm t && keyOfAlias.containsKey(t.partyKey())) {
                out.add(new SourceTerm(t.source(), t.kind(), t.party(), keyOfAlias.get(t.partyKey())));
            } else {
                out.add(o);
            }
        }
        return out;
    }

    /** {@code lexicon/predicates.csv}: canonical predicates, their synonyms, implications and opposites. */
    private static List<Object> predicates(String file, String text, List<RuleProblem> problems) {
        List<Object> out = new ArrayList<>();
        Map<String, String> canonicalOf = new HashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Row row : rows(file, text, PREDICATE_COLUMNS, problems)) {
            String predicate = row.values.get(0);
            PredicateRelation relation = parse(PredicateRelation.class, row, 1, "predicate relation", problems);
            String other = row.values.get(2);
            boolean ok = relation != null;
            if (!PREDICATE.matcher(predicate).matches()) {
                problems.add(row.problem(row.columns.get(0), "'" + predicate
                        + "' is not a predicate (a lower-case term such as 'attend' or 'accept-invitation')"));
                ok = false;
            }
            if (relation == PredicateRelation.SINGLE_VALUED) {
                if (!other.isEmpty()) {
                    problems.add(row.problem(row.columns.get(2), "single_valued takes no other term but has '" + other + "'"));
                    ok = false;
                }
            } else if (relation == PredicateRelation.VERB) {
                if (org.factlint.rules.Lexicon.normalize(other).isBlank()) {
                    problems.add(row.problem(row.columns.get(2), "a verb form needs at least one letter"));
                    ok = false;
                }
            } else if (relation != null && !PREDICATE.matcher(other).matches()) {
                problems.add(row.problem(row.columns.get(2), "'" + other + "' is not a predicate (a lower-case term such as 'attend')"));
                ok = false;
            }
            if (ok && relation == PredicateRelation.SYNONYM) {
                String earlier = canonicalOf.putIfAbsent(other, predicate);
                if (earlier != null && !earlier.equals(predicate)) {
                    problems.add(row.problem(row.columns.get(2), "'" + other + "' is already a synonym of '" + earlier + "'"));
                    ok = false;
                }
            }
            if (!ok) {
                continue;
            }
            Integer dup = seen.putIfAbsent(predicate + "," + relation + "," + other, row.line);
            if (dup != null) {
                problems.add(row.problem(1, "duplicate row: it is already at line " + dup));
                continue;
            }
            out.add(new PredicateTerm(predicate, relation, other));
        }
        for (Object o : out) {
            PredicateTerm t = (PredicateTerm) o;
            if (canonicalOf.containsKey(t.predicate())) {
                problems.add(new RuleProblem(file, 0, 0, "'" + t.predicate() + "' is a synonym of '"
                        + canonicalOf.get(t.predicate()) + "': rows must name the canonical predicate"));
            }
        }
        return out;
    }

    /** {@code parties.csv}: every other name of a party; the party's own name is always one of them. */
    private static List<Object> parties(String file, String text, NameTables tables, List<RuleProblem> problems) {
        List<Object> out = new ArrayList<>();
        Map<String, String> partyOfAlias = new HashMap<>();
        for (Row row : rows(file, text, PARTY_COLUMNS, problems)) {
            String party = row.values.get(0);
            String alias = row.values.get(1);
            String key = Names.fold(party, tables);
            String aliasKey = Names.fold(alias, tables);
            if (key.isEmpty() || aliasKey.isEmpty()) {
                problems.add(row.problem(key.isEmpty() ? row.columns.get(0) : row.columns.get(1),
                        "a party and its alias need at least one letter"));
                continue;
            }
            for (String k : List.of(key, aliasKey)) {
                String earlier = partyOfAlias.putIfAbsent(k, party);
                if (earlier != null && !Names.fold(earlier, tables).equals(key)) {
                    problems.add(row.problem(row.columns.get(1), "'" + (k.equals(key) ? party : alias)
                            + "' already stands for '" + earlier + "'"));
                }
            }
            out.add(new PartyTerm(party, alias, key, aliasKey));
            if (partyOfAlias.get(key).equals(party) && out.stream().noneMatch(o -> o instanceof PartyTerm p
                    && p.aliasKey().equals(key))) {
                out.add(new PartyTerm(party, party, key, key));
            }
        }
        return out;
    }

    /**
     * {@code escalation.csv}: after how many hours a claim still unconfirmed escalates, by flag code or by severity
     * (one of the two per row; a code's row wins over its severity's).
     */
    private static List<Object> escalation(String file, String text, List<RuleProblem> problems) {
        List<Object> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Row row : rows(file, text, ESCALATION_COLUMNS, problems)) {
            String code = row.values.get(0);
            String severityText = row.values.get(1);
            String hoursText = row.values.get(2);
            boolean ok = true;
            if (code.isEmpty() == severityText.isEmpty()) {
                problems.add(row.problem(1, code.isEmpty()
                        ? "a row needs a code (UNC-HEDGED) or a severity (low, medium, high)"
                        : "a row names a code or a severity, not both: leave one of '" + code + "' and '"
                                + severityText + "' empty"));
                ok = false;
            }
            if (!code.isEmpty() && !CODE.matcher(code).matches()) {
                problems.add(row.problem(row.columns.get(0), "'" + code
                        + "' is not a flag code (upper-case words joined by '-', such as UNC-HEDGED)"));
                ok = false;
            }
            org.factlint.Severity severity = severityText.isEmpty() ? null
                    : parse(org.factlint.Severity.class, row, 1, "severity", problems);
            ok &= severityText.isEmpty() || severity != null;
            int hours = 0;
            if (!hoursText.matches("[0-9]{1,5}") || (hours = Integer.parseInt(hoursText)) < 1
                    || hours > MAX_ESCALATION_HOURS) {
                problems.add(row.problem(row.columns.get(2), "hours must be a whole number from 1 to "
                        + MAX_ESCALATION_HOURS + ", not '" + hoursText + "'"));
                ok = false;
            }
            if (!ok) {
                continue;
            }
            String key = code.isEmpty() ? "severity " + lower(severity) : "code " + code;
            Integer earlier = seen.putIfAbsent(key, row.line);
            if (earlier != null) {
                problems.add(row.problem(1, key + " is already given at line " + earlier));
                continue;
            }
            out.add(EscalationTerm.of(code.isEmpty() ? null : code, severity, hours));
        }
        return out;
    }

    private static CueTerm cueTerm(Row row, List<RuleProblem> problems) {
        CueCategory category = parse(CueCategory.class, row, 0, "cue category", problems);
        String phrase = row.values.get(1);
        if (phrase.isEmpty() || org.factlint.rules.Lexicon.normalize(phrase).isBlank()) {
            problems.add(row.problem(row.columns.get(1), "empty phrase: a phrase needs at least one letter or digit"));
            return null;
        }
        return category == null ? null : CueTerm.of(category, phrase);
    }

    private static SourceTerm sourceTerm(Row row, NameTables tables, List<RuleProblem> problems) {
        String id = row.values.get(0);
        boolean ok = true;
        if (!ID.matcher(id).matches()) {
            problems.add(row.problem(row.columns.get(0), "'" + id + "' is not a source id (letters, digits, '-', '_', '.', ':')"));
            ok = false;
        }
        SourceKind kind = parse(SourceKind.class, row, 1, "source kind", problems);
        String party = row.values.get(2).isEmpty() ? null : row.values.get(2);
        return ok && kind != null
                ? new SourceTerm(id, kind, party, party == null ? "source:" + id : Names.fold(party, tables)) : null;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, Row row, int index, String what,
                                               List<RuleProblem> problems) {
        String value = row.values.get(index);
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(value)) {
                return e;
            }
        }
        problems.add(row.problem(row.columns.get(index), "unknown " + what + " '" + value + "' (expected one of: "
                + Arrays.stream(type.getEnumConstants()).map(Tables::lower).collect(Collectors.joining(", ")) + ")"));
        return null;
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    /**
     * {@code places.csv}: a place and the place it lies in, keyed as claims' places are (an entity's key). A place may
     * lie in several (a city in its region and its country); a row that makes a place lie within itself, directly or
     * through other rows, is refused.
     */
    private static List<Object> places(String file, String text, NameTables tables, List<RuleProblem> problems) {
        List<Object> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        Map<String, java.util.Set<String>> outerOf = new HashMap<>();
        for (Row row : rows(file, text, PLACE_COLUMNS, problems)) {
            String place = row.values.get(0);
            String within = row.values.get(1);
            String placeKey = place.isEmpty() ? "" : Names.key(place, tables).primary();
            String withinKey = within.isEmpty() ? "" : Names.key(within, tables).primary();
            if (placeKey.isEmpty() || withinKey.isEmpty()) {
                problems.add(row.problem(placeKey.isEmpty() ? row.columns.get(0) : row.columns.get(1),
                        "a place and the place it lies in need at least one letter"));
                continue;
            }
            if (placeKey.equals(withinKey) || reaches(outerOf, withinKey, placeKey)) {
                problems.add(row.problem(row.columns.get(1), "'" + place + "' cannot lie within '" + within + "': "
                        + (placeKey.equals(withinKey) ? "they are one place" : "'" + within + "' lies within it")));
                continue;
            }
            Integer dup = seen.putIfAbsent(placeKey + "," + withinKey, row.line);
            if (dup != null) {
                problems.add(row.problem(1, "duplicate row: it is already at line " + dup));
                continue;
            }
            outerOf.computeIfAbsent(placeKey, k -> new java.util.HashSet<>()).add(withinKey);
            out.add(new PlaceTerm(place, within, placeKey, withinKey));
        }
        return out;
    }

    /** True when place {@code from} lies within {@code to} through the rows so far. */
    private static boolean reaches(Map<String, java.util.Set<String>> outerOf, String from, String to) {
        java.util.Deque<String> todo = new java.util.ArrayDeque<>(List.of(from));
        java.util.Set<String> done = new java.util.HashSet<>();
        while (!todo.isEmpty()) {
            String p = todo.pop();
            if (p.equals(to)) {
                return true;
            }
            if (done.add(p)) {
                todo.addAll(outerOf.getOrDefault(p, java.util.Set.of()));
            }
        }
        return false;
    }

    /**
     * {@code undated.csv}: one row, the days before and after its publication that a claim saying no time stands for
     * (the fact loader sets them on the claim; {@code compatibleTime} and the join keys read them).
     */
    private static List<Object> undated(String file, String text, List<RuleProblem> problems) {
        List<Object> out = new ArrayList<>();
        int first = 0;
        for (Row row : rows(file, text, UNDATED_COLUMNS, problems)) {
            String days = row.values.get(0);
            if (first != 0) {
                problems.add(row.problem(1, "the table has one row (the days), given at line " + first));
                continue;
            }
            first = row.line;
            if (!days.matches("[0-9]{1,4}") || Integer.parseInt(days) > UndatedTerm.MAX_DAYS) {
                problems.add(row.problem(row.columns.get(0), "days must be a whole number from 0 to "
                        + UndatedTerm.MAX_DAYS + ", not '" + days + "'"));
            } else {
                out.add(new UndatedTerm(Integer.parseInt(days)));
            }
        }
        return out;
    }

    /** A data row: its values, the 1-based column where each starts, and its line. */
    record Row(String file, int line, List<String> values, List<Integer> columns) {
        RuleProblem problem(int column, String message) {
            return new RuleProblem(file, line, column, message);
        }
    }

    /** The data rows of a table whose header must be {@code columns}; rows of the wrong width are reported. */
    static List<Row> rows(String file, String text, List<String> columns, List<RuleProblem> problems) {
        List<Row> rows = new ArrayList<>();
        boolean header = true;
        try (JsonParser p = CSV.reader().with(CsvSchema.emptySchema().withComments()).createParser(text)) {
            List<String> values = new ArrayList<>();
            List<Integer> cols = new ArrayList<>();
            int line = 0;
            int depth = 0;
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.START_ARRAY) {
                    depth++;
                    values.clear();
                    cols.clear();
                } else if (t == JsonToken.VALUE_STRING) {
                    JsonLocation at = p.currentTokenLocation();
                    if (values.isEmpty()) {
                        line = at.getLineNr();
                    }
                    values.add(p.getText().strip());
                    cols.add(Math.max(at.getColumnNr(), 1));
                } else if (t == JsonToken.END_ARRAY && depth-- == 2) {
                    if (values.isEmpty()) {
                        continue;
                    }
                    if (header) {
                        header = false;
                        List<String> names = values.stream().map(v -> v.toLowerCase(Locale.ROOT)).toList();
                        if (!names.equals(columns)) {
                            problems.add(new RuleProblem(file, line, 1, "the header must be '" + String.join(",", columns)
                                    + "' but is '" + String.join(",", values) + "'"));
                            return List.of();
                        }
                        continue;
                    }
                    if (values.size() != columns.size()) {
                        problems.add(new RuleProblem(file, line, 1, "expected " + columns.size() + " columns ("
                                + String.join(",", columns) + ") but found " + values.size()
                                + (values.size() > columns.size() ? " (quote a value that contains a comma)" : "")));
                        continue;
                    }
                    rows.add(new Row(file, line, List.copyOf(values), List.copyOf(cols)));
                }
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            problems.add(new RuleProblem(file, at == null ? 0 : Math.max(at.getLineNr(), 0),
                    at == null ? 0 : Math.max(at.getColumnNr(), 0), "malformed CSV: " + e.getOriginalMessage()));
        } catch (IOException e) {
            problems.add(new RuleProblem(file, 0, 0, "cannot read: " + e.getMessage()));
        }
        if (header) {
            problems.add(new RuleProblem(file, 1, 1, "the table is empty: the first line must be the header '"
                    + String.join(",", columns) + "'"));
        }
        return rows;
    }
}
