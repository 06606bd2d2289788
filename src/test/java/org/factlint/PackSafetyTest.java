package org.factlint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An untrusted pack (the default) that leaves the profile is refused before it compiles, each refusal located at
 * file:line:column with the rule and what is refused: the messages of the rule authors' guide (rules/README.md,
 * "The untrusted profile").
 */
class PackSafetyTest {
    private static final String ALLOWED = "(allowed: org.factlint.facts, the enums of org.factlint.model, Flag, "
            + "Category, Severity, Flags, Lexicon, java.util collections, basic java.lang types)";

    private static String rule(String imports, String consequence) {
        return "package org.factlint.rules;\n\nimport org.factlint.facts.ClaimFact;\n" + imports + "\n"
                + "rule \"r\"\nwhen\n    $c : ClaimFact()\nthen\n    " + consequence + "\nend\n";
    }

    private static List<String> problems(String drl) {
        try {
            RulePack.of("p", Map.of("p.drl", drl));
            return List.of();
        } catch (RulePackException e) {
            return e.problems().stream().map(RuleProblem::toString).toList();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "process     | Runtime.getRuntime().exec(\"rm -rf /\");        | p.drl:9:5: rule \"r\": the class 'Runtime' " + ALLOWED + " is not allowed in an untrusted pack",
        "process2    | new ProcessBuilder(\"sh\").start();              | p.drl:9:5: rule \"r\": the constructor 'new ProcessBuilder(...)' is not allowed in an untrusted pack",
        "file        | new java.io.File(\"/etc/passwd\").delete();      | p.drl:9:5: rule \"r\": the constructor 'new java.io.File(...)' is not allowed in an untrusted pack",
        "nio         | java.nio.file.Files.delete(null);              | p.drl:9:5: rule \"r\": the class 'java.nio.file.Files' " + ALLOWED + " is not allowed in an untrusted pack",
        "formatter   | new java.util.Formatter(\"/tmp/x\");             | p.drl:9:5: rule \"r\": the constructor 'new java.util.Formatter(...)' is not allowed in an untrusted pack",
        "reflection  | Class.forName(\"x\");                            | p.drl:9:5: rule \"r\": the class 'Class' " + ALLOWED + " is not allowed in an untrusted pack",
        "getClass    | $c.getClass().getClassLoader();                | p.drl:9:8: rule \"r\": the method 'getClass(...)' is not allowed in an untrusted pack",
        "lambda      | Runnable r = () -> {};                         | p.drl:9:5: rule \"r\": the type 'Runnable' " + ALLOWED + " is not allowed in an untrusted pack",
        "exit        | System.exit(1);                                | p.drl:9:5: rule \"r\": the class 'System' " + ALLOWED + " is not allowed in an untrusted pack",
        "kcontext    | kcontext.getKieRuntime().halt();               | p.drl:9:5: rule \"r\": 'kcontext': the engine's runtime is out of reach of an untrusted pack (kcontext may only be passed to Flags.flag) is not allowed in an untrusted pack",
        "loop        | for (int i = 0; i < 10; i++) { }               | p.drl:9:5: rule \"r\": a loop ('for'): the untrusted profile cannot loop is not allowed in an untrusted pack",
        "delete      | delete($c);                                    | p.drl:9:5: rule \"r\": 'delete(...)': an untrusted pack only inserts facts and flags is not allowed in an untrusted pack",
    })
    void refusesConsequence_leavingTheProfile(String category, String consequence, String expected) {
        assertThat(problems(rule("", consequence))).contains(expected);
    }

    @ParameterizedTest(name = "import {0}")
    @CsvSource({"java.io.File", "java.net.URL", "java.lang.reflect.Method", "java.util.concurrent.Executors",
            "java.lang.Runtime", "java.lang.System", "java.util.Formatter", "java.util.ServiceLoader"})
    void refusesImport_outsideTheAllowList(String name) {
        assertThat(problems(rule("import " + name + ";", ""))).containsExactly(
                "p.drl:4:1: the import '" + name + "' " + ALLOWED + " is not allowed in an untrusted pack");
    }

    @Test
    void refusesFunction_reachingOutside() {
        String drl = "package org.factlint.rules;\n\nfunction void wipe() {\n    java.nio.file.Files.delete(null);\n}\n";
        assertThat(problems(drl)).containsExactly(
                "p.drl:4:5: function wipe: the class 'java.nio.file.Files' " + ALLOWED
                        + " is not allowed in an untrusted pack");
    }

    /**
     * The profile allows functions; Drools makes each one a class implementing {@code java.io.Externalizable}, which
     * the bytecode check refused before (every checked pack with a function was refused after compiling).
     */
    @Test
    void acceptsAFunction_keepingToTheProfile_andRunsIt() {
        String drl = "package org.factlint.rules;\n\nimport java.util.List;\nimport org.factlint.facts.ClaimFact;\n\n"
                + "function String shout( String s ) {\n    return s.toUpperCase() + \"!\";\n}\n\n"
                + "rule \"Shout\"\n    @code(\"X-SHOUT\") @category(\"unconfirmed\") @severity(\"low\") @message(\"m\")\n"
                + "when\n    $c : ClaimFact()\nthen\n"
                + "    insertLogical( Flags.flag( kcontext, List.of( $c ), List.of( shout( \"moved\" ) ) ) );\nend\n";
        assertThat(problems(drl)).isEmpty();

        Report r = Factlint.checker(RulePack.of("p", Map.of("p.drl", drl)))
                .check(DocBuilder.article("h").entity("p", "Ivan Petrov", null)
                        .claim(DocBuilder.claim("c1", "p", "resign")).build());
        assertThat(r.flags()).extracting(Flag::evidence).containsExactly(List.of("MOVED!"));
    }

    @Test
    void acceptsForbiddenWords_inCommentsStringsAndMetadata() {
        String drl = "package org.factlint.rules;\n\nimport java.util.List;\nimport org.factlint.facts.ClaimFact;\n\n"
                + "// Thread, File, System.exit: only words here\nrule \"Thread safety of File names\"\n"
                + "    @code(\"X-WORDS\") @category(\"unconfirmed\") @severity(\"low\") @message(\"Runtime and Socket\")\n"
                + "when\n    $c : ClaimFact()\nthen\n    insertLogical( Flags.flag( kcontext, List.of( $c ), List.of( \"System.exit\" ) ) );\nend\n";
        assertThat(problems(drl)).isEmpty();
    }

    @Test
    void trustedPack_mayReachOutside(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("p.drl"), rule("import java.io.File;", "new File(\"x\").exists();"));
        assertThatCode(() -> RulePack.load(dir, Trust.TRUSTED)).doesNotThrowAnyException();
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(RulePackException.class,
                () -> RulePack.load(dir))).hasMessageContaining("p.drl:4:1: the import 'java.io.File'");
    }

    @Test
    void bundledPack_passesTheCheck() {
        assertThat(RulePack.bundled().rules()).isNotEmpty();
    }
}
