package org.factlint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.factlint.internal.PrebuiltModel;
import org.factlint.model.Document;
import org.factlint.testing.Scenario;
import org.factlint.testing.ScenarioFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bundled pack runs from the executable model generated at build time (fast start-up), and that model raises the
 * very flags the DRL raises when the classic engine compiles it.
 */
class PrebuiltPackTest {
    private static RulePack compiledDrl;
    private static List<List<Document>> inputs;

    @BeforeAll
    static void setUp() throws IOException {
        // compiled from DRL on purpose (RulePack.load would take the prebuilt model for these very files)
        compiledDrl = RulePack.of("rules", org.factlint.internal.PackFiles.read(Path.of("rules")));
        inputs = new ArrayList<>();
        inputs.add(Factlint.read(Path.of("seeds/moscow-times.claims.json")).documents());
        inputs.add(Factlint.read(Path.of("seeds/moscow-times.claims.json"), Path.of("seeds/constructed-followup.claims.json"),
                Path.of("seeds/constructed-archive.claims.json")).documents());
        for (Path file : ScenarioFiles.in(Path.of("rules"))) {
            for (Scenario s : ScenarioFiles.read(file)) {
                List<Document> given = new ArrayList<>();
                for (Scenario.Given g : s.given()) {
                    given.addAll(g.document() != null ? List.of(g.document())
                            : Factlint.read(file.resolveSibling(g.path())).documents());
                }
                inputs.add(given);
            }
        }
    }

    @Test
    void bundledPackRunsFromThePrebuiltModel_notFromDrlCompiledAtStartUp() {
        assertThat(RulePack.bundled().prebuilt()).isTrue();
        assertThat(compiledDrl.prebuilt()).isFalse();
    }

    @Test
    void classpathCarriesTheModelClassesItsIndexNames() throws IOException {
        Properties index = new Properties();
        try (InputStream in = getClass().getClassLoader()
                .getResourceAsStream("org/factlint/rules/default/" + PrebuiltModel.INDEX)) {
            assertThat(in).as("the build step ModelGenerator wrote no index (exec-maven-plugin not run?)").isNotNull();
            index.load(in);
        }
        assertThat(index.getProperty("models")).startsWith("org.factlint.rules.Rules");
        for (String model : index.getProperty("models").split(",")) {
            assertThat(getClass().getClassLoader().getResource(model.replace('.', '/') + ".class")).as(model).isNotNull();
        }
        assertThat(index.getProperty("digest")).isEqualTo(PrebuiltModel.digest(RulePack.bundled().sources()));
    }

    @Test
    void raisesTheSameFlagsAsTheCompiledDrl_onTheSeedsAndEveryScenario() {
        Checker prebuilt = new Checker(RulePack.bundled(), CheckerOptions.defaults(), List.of(), Integer.MAX_VALUE, 1);
        Checker drl = new Checker(compiledDrl, CheckerOptions.defaults(), List.of(), Integer.MAX_VALUE, 1);
        int flags = 0;
        for (List<Document> documents : inputs) {
            List<Flag> expected = drl.check(documents).flags();
            assertThat(prebuilt.check(documents).flags()).containsExactlyElementsOf(expected);
            flags += expected.size();
        }
        assertThat(inputs).hasSizeGreaterThan(20);
        assertThat(flags).isGreaterThan(50);
    }

    @Test
    void ignoresAModelGeneratedFromOtherDrl() {
        Map<String, String> changed = new TreeMap<>(RulePack.bundled().sources());
        changed.computeIfPresent("unconfirmed.drl", (file, text) -> text + "\n// edited after the build\n");

        assertThat(PrebuiltModel.load("org/factlint/rules/default/", RulePack.bundled().sources())).isNotNull();
        assertThat(PrebuiltModel.load("org/factlint/rules/default/", changed)).isNull();
    }
}
