package org.factlint.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The default pack's scenarios (rules/tests/*.json), run the way any team runs its own pack's: every rule must fire. */
class DefaultPackScenariosTest {
    @TestFactory
    Stream<DynamicTest> defaultPackScenarios() throws IOException {
        return Scenarios.in(Path.of("rules"), 100);
    }
}
