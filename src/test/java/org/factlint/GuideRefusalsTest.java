package org.factlint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rule authors' guide (rules/README.md, "The untrusted profile") lists each refusal with its message. Every message
 * of that table is given by the verifier to at least one pack of {@code src/test/resources/hostile/}: a message changed
 * in the code or in the guide fails here. In the guide, {@code ...} stands for any text, and each message is followed
 * by {@code is not allowed in an untrusted pack} unless it says otherwise.
 */
class GuideRefusalsTest {
    private static final Path GUIDE = Path.of("rules/README.md");
    private static final Path HOSTILE = Path.of("src/test/resources/hostile");
    private static final String SUFFIX = " is not allowed in an untrusted pack";

    /** Every hostile pack's refusals, by file name. */
    private static final Map<String, List<String>> REFUSALS = new LinkedHashMap<>();

    record Row(String construct, List<String> messages, boolean suffix) {
        @Override
        public String toString() {
            return construct;
        }
    }

    @BeforeAll
    static void refuseEveryHostilePack() throws IOException {
        Path marker = Files.createTempDirectory("12-guide").resolve("marker");
        try (Stream<Path> files = Files.list(HOSTILE)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".drl")).sorted().toList()) {
                String name = p.getFileName().toString();
                String drl = Files.readString(p, StandardCharsets.UTF_8).replace("@MARKER@", marker.toString());
                try {
                    RulePack.of("hostile", Map.of(name, drl));
                    REFUSALS.put(name, List.of());
                } catch (RulePackException e) {
                    REFUSALS.put(name, e.problems().stream().map(RuleProblem::message).toList());
                }
            }
        }
    }

    /** The rows of the guide's table of refusals. */
    static List<Row> rows() throws IOException {
        List<String> lines = Files.readAllLines(GUIDE, StandardCharsets.UTF_8);
        int start = lines.indexOf(lines.stream().filter(l -> l.startsWith("**Refused, with the message**")).findFirst()
                .orElseThrow(() -> new AssertionError("no table of refusals in " + GUIDE)));
        List<Row> rows = new ArrayList<>();
        for (int i = start + 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.startsWith("|")) {
                if (rows.isEmpty()) {
                    continue; // the lines that introduce the table
                }
                break;
            }
            String[] cells = line.split("(?<!\\\\)\\|");
            if (cells.length < 3 || cells[1].strip().equals("construct") || cells[1].strip().startsWith("---")) {
                continue;
            }
            // "(also `while`, `do`)" names other keywords of the same message, not messages
            String messages = cells[2].replaceAll("\\(also [^)]*\\)", "");
            List<String> quoted = new ArrayList<>();
            Matcher m = Pattern.compile("`([^`]+)`").matcher(messages);
            while (m.find()) {
                quoted.add(m.group(1));
            }
            rows.add(new Row(cells[1].strip(), quoted, !messages.contains("no \"not allowed\" suffix")));
        }
        return rows;
    }

    /** A message of the guide as a pattern: its {@code ...} stand for any text. */
    static Pattern pattern(String message, boolean suffix) {
        String quoted = Stream.of(message.split("\\.\\.\\.", -1)).map(Pattern::quote).collect(Collectors.joining(".*"));
        boolean hasSuffix = !suffix || message.contains("not allowed in an untrusted pack");
        return Pattern.compile(".*" + quoted + (hasSuffix ? "" : ".*" + Pattern.quote(SUFFIX)) + ".*", Pattern.DOTALL);
    }

    @Test
    void theGuideHasATableOfRefusals_eachRowWithAMessage() throws IOException {
        assertThat(rows()).hasSizeGreaterThan(30).allSatisfy(r -> assertThat(r.messages()).as(r.construct())
                .isNotEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void everyMessageOfTheGuide_isTheRefusalOfAHostilePack(Row row) {
        for (String message : row.messages()) {
            Pattern p = pattern(message, row.suffix());
            List<String> packs = REFUSALS.entrySet().stream()
                    .filter(e -> e.getValue().stream().anyMatch(r -> p.matcher(r).matches())).map(Map.Entry::getKey)
                    .toList();
            assertThat(packs).as("hostile packs refused with the guide's message `%s`", message).isNotEmpty();
        }
    }

    @Test
    void aMessageTheVerifierDoesNotGive_isFoundMissing() {
        Pattern p = pattern("the import 'java.io.Console' (allowed: ...)", true);
        assertThat(REFUSALS.values().stream().flatMap(List::stream).noneMatch(r -> p.matcher(r).matches())).isTrue();
        Pattern q = pattern("the import 'java.io.File' (allowed: ...)", true);
        assertThat(REFUSALS.values().stream().flatMap(List::stream).anyMatch(r -> q.matcher(r).matches())).isTrue();
    }
}
