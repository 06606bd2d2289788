package org.factlint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.factlint.model.Document;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every pack under {@code src/test/resources/hostile/} is refused when loaded untrusted (the default), with the
 * refusal its header names, and its payload (creating a marker file in a temporary directory) never runs. Where the
 * header says the payload runs when the pack is trusted (at compile time or in a check), the same pack loaded
 * {@link Trust#TRUSTED} does create the marker: the attack is real, and the test could fail.
 */
class HostilePacksTest {
    private static final Path HOSTILE = Path.of("src/test/resources/hostile");
    /** Attacks the profile accepts, because they are harmless as written: they must run as written, payload unrun. */
    private static final Path ACCEPTED = HOSTILE.resolve("accepted");

    record Attack(String file, String attack, String expect, String trusted) {
        @Override
        public String toString() {
            return file + ": " + attack;
        }
    }

    static Stream<Attack> attacks() throws IOException {
        List<Attack> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(HOSTILE)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".drl")).sorted().toList()) {
                List<String> lines = Files.readAllLines(p, StandardCharsets.UTF_8);
                out.add(new Attack(p.getFileName().toString(), header(lines, "attack"), header(lines, "expect"),
                        header(lines, "trusted")));
            }
        }
        return out.stream();
    }

    private static String header(List<String> lines, String key) {
        return lines.stream().filter(l -> l.startsWith("// " + key + ": ")).map(l -> l.substring(key.length() + 5))
                .findFirst().orElseThrow(() -> new AssertionError("no '// " + key + ":' header"));
    }

    /** The pack, its marker pointing into {@code tmp}; returns the marker's path. */
    private static Path install(Attack a, Path tmp) throws IOException {
        Path marker = tmp.resolve("marker");
        Path dir = Files.createDirectories(tmp.resolve("pack"));
        String drl = Files.readString(HOSTILE.resolve(a.file()), StandardCharsets.UTF_8)
                .replace("@MARKER@", marker.toString());
        Files.writeString(dir.resolve(a.file()), drl, StandardCharsets.UTF_8);
        return marker;
    }

    private static Document document() {
        return DocBuilder.article("h").entity("p", "Ivan Petrov", null).claim(DocBuilder.claim("c1", "p", "resign")).build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void isRefusedUntrusted_andItsPayloadNeverRuns(Attack a, @TempDir Path tmp) throws IOException {
        Path marker = install(a, tmp);

        RulePackException e = catchThrowableOfType(RulePackException.class,
                () -> RulePack.load(tmp.resolve("pack")));

        assertThat(e).as("the pack is refused").isNotNull();
        assertThat(e.problems()).extracting(RuleProblem::toString)
                .anySatisfy(p -> assertThat(p).startsWith(a.file() + ":").contains(a.expect().replace("@MARKER@",
                        marker.toString())));
        assertThat(marker).as("the payload ran").doesNotExist();
    }

    /** The attacks whose payload leaves a mark when the pack is trusted (others are refused for what they name). */
    static java.util.stream.Stream<Attack> observableAttacks() throws IOException {
        return attacks().filter(a -> !a.trusted().equals("none"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("observableAttacks")
    void runsItsPayloadWhenTrusted_soTheAttackIsReal(Attack a, @TempDir Path tmp) throws IOException {
        Path marker = install(a, tmp);

        RulePack pack;
        try {
            pack = RulePack.load(tmp.resolve("pack"), Trust.TRUSTED);
        } catch (RulePackException afterTheBuild) {
            assertThat(a.trusted()).as("only a payload that runs while compiling may break the build").isEqualTo("compile");
            pack = null;
        }
        if (a.trusted().equals("check")) {
            assertThat(marker).as("before any check").doesNotExist();
            Factlint.checker(pack).check(document());
        }

        assertThat(marker).as("the trusted pack's payload ran").exists();
    }

    static Stream<Attack> lookalikes() throws IOException {
        List<Attack> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(ACCEPTED)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".drl")).sorted().toList()) {
                List<String> lines = Files.readAllLines(p, StandardCharsets.UTF_8);
                out.add(new Attack("accepted/" + p.getFileName(), header(lines, "attack"), header(lines, "expect"),
                        "none"));
            }
        }
        return out.stream();
    }

    /**
     * A lookalike ({@code hostile/accepted/}) passes verification and runs as written: its check raises its flag, or
     * reports the one problem its header names, and the code it hides in a string or a comment never runs.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("lookalikes")
    void aLookalike_isAccepted_andRunsAsWritten_withoutItsPayload(Attack a, @TempDir Path tmp) throws IOException {
        Path marker = tmp.resolve("marker");
        String drl = Files.readString(HOSTILE.resolve(a.file()), StandardCharsets.UTF_8)
                .replace("@MARKER@", marker.toString());

        Report report = Factlint.checker(RulePack.of("lookalike", java.util.Map.of("r.drl", drl))).check(document());

        if (a.expect().equals("accepted")) {
            assertThat(report.problems()).isEmpty();
            assertThat(report.flags()).extracting(Flag::code).containsExactly("X-R");
        } else {
            assertThat(report.problems()).extracting(Object::toString)
                    .anySatisfy(p -> assertThat(p).contains(a.expect().substring("problem ".length())));
        }
        assertThat(marker).as("the payload ran").doesNotExist();
    }
}
