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

/** An untrusted pack that reaches outside the engine is rejected with file:line and the reason. */
class PackSafetyTest {
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
        "process     | Runtime.getRuntime().exec(\"rm -rf /\");        | p.drl:9:5: 'Runtime' is not allowed in an untrusted pack: process: a pack may not start or control processes",
        "process2    | new ProcessBuilder(\"sh\").start();              | p.drl:9:9: 'ProcessBuilder' is not allowed in an untrusted pack: process: a pack may not start or control processes",
        "file        | new java.io.File(\"/etc/passwd\").delete();      | p.drl:9:9: 'java.io.File' is not allowed in an untrusted pack: file access",
        "nio         | java.nio.file.Files.delete(null);              | p.drl:9:5: 'java.nio.file.Files' is not allowed in an untrusted pack: file access",
        "network     | new java.net.Socket(\"evil\", 80);               | p.drl:9:9: 'java.net.Socket' is not allowed in an untrusted pack: network access",
        "reflection  | Class.forName(\"x\");                            | p.drl:9:5: 'Class' is not allowed in an untrusted pack: reflection: a pack may not inspect or load classes",
        "getClass    | $c.getClass().getClassLoader();                | p.drl:9:8: 'getClass(' is not allowed in an untrusted pack: reflection: a pack may not inspect or load classes",
        "threads     | new Thread(() -> {}).start();                  | p.drl:9:9: 'Thread' is not allowed in an untrusted pack: threads: a pack may not start threads",
        "exit        | System.exit(1);                                | p.drl:9:5: 'System.exit' is not allowed in an untrusted pack: System.exit: a pack may not stop the application",
        "environment | System.getenv(\"HOME\");                         | p.drl:9:5: 'System.getenv' is not allowed in an untrusted pack: environment: a pack may not read or change the process environment",
    })
    void rejectsConsequence_reachingOutside(String category, String consequence, String expected) {
        assertThat(problems(rule("", consequence))).contains(expected);
    }

    @ParameterizedTest(name = "import {0}")
    @CsvSource(delimiter = '|', value = {
        "java.io.File                   | file access",
        "java.net.URL                   | network access",
        "java.lang.reflect.Method       | reflection",
        "java.util.concurrent.Executors | threads",
        "java.lang.Runtime              | process control",
        "java.lang.System               | process environment and System.exit",
    })
    void rejectsImport_outsideAllowList(String name, String reason) {
        assertThat(problems(rule("import " + name + ";", ""))).contains("p.drl:4:8: import '" + name
                + "' is not allowed in an untrusted pack: " + reason + " (allowed: org.factlint.facts, "
                + "org.factlint.model, org.factlint.rules.Flags, java.util, java.time, java.math, java.text and basic "
                + "java.lang types)");
    }

    @Test
    void rejectsFunction_reachingOutside() {
        String drl = "package org.factlint.rules;\n\nfunction void wipe() {\n    java.nio.file.Files.delete(null);\n}\n";
        assertThat(problems(drl)).containsExactly(
                "p.drl:4:5: 'java.nio.file.Files' is not allowed in an untrusted pack: file access",
                "p.drl:4:19: 'Files' is not allowed in an untrusted pack: file: a pack may not touch files");
    }

    @Test
    void ignoresForbiddenWords_inCommentsAndStrings() {
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
                () -> RulePack.load(dir))).hasMessageContaining("p.drl:4:8: import 'java.io.File' is not allowed");
    }

    @Test
    void bundledPack_passesTheCheck() {
        assertThat(RulePack.bundled().rules()).isNotEmpty(); // the bundled pack is compiled CHECKED
    }
}
