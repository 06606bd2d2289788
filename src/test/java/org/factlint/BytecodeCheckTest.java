package org.factlint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.factlint.internal.verify.BytecodeCheck;
import org.junit.jupiter.api.Test;

/**
 * Defence in depth: the classes compiled from a pack are read back and any reference outside the allow-list is
 * refused. A checked pack passes by construction (it was verified); trusted packs show that the check sees through
 * to the bytecode.
 */
class BytecodeCheckTest {
    private static String pack(String consequence) {
        return RunawayRulesTest.HEADER + "rule \"r\"\nwhen\n    $c : ClaimFact()\nthen\n    " + consequence + "\nend\n";
    }

    @Test
    void theBundledRules_compiledFromDrl_keepToTheList() throws Exception {
        RulePack rules = RulePack.load(Path.of("rules"), Trust.TRUSTED); // compiled now, not the prebuilt model
        assertThat(BytecodeCheck.check(rules.kieBase())).isEmpty();
    }

    @Test
    void findsAFileAccess_inTheCompiledConsequence() {
        RulePack trusted = RulePack.of("file", Map.of("f.drl", pack("new java.io.File( \"x\" ).exists();")),
                Trust.TRUSTED);
        assertThat(BytecodeCheck.check(trusted.kieBase())).anySatisfy(r -> assertThat(r)
                .startsWith("org.factlint.rules.Rule_r").endsWith(": class java.io.File"));
    }

    @Test
    void findsTheEngineRuntime_andReflection_inTheCompiledConsequence() {
        RulePack trusted = RulePack.of("runtime", Map.of("r.drl", pack(
                "kcontext.getKieRuntime().halt();\n    $c.getClass().getClassLoader();")), Trust.TRUSTED);
        assertThat(BytecodeCheck.check(trusted.kieBase()))
                .anySatisfy(r -> assertThat(r).contains("engine member org.kie.api.runtime.rule.RuleContext.getKieRuntime"))
                .anySatisfy(r -> assertThat(r).endsWith("reflection java.lang.Class.getClassLoader"));
    }
}
