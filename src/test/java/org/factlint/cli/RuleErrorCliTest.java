package org.factlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rule that fails with an Error makes the CLI exit 2 with one line per problem: never a stack trace, never 1. */
class RuleErrorCliTest {
    private static final String SEED = "seeds/moscow-times.claims.json";

    @Test
    void exitsTwo_withOneLine_whenARuleOverflowsItsStack(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("deep.drl"), """
                package org.factlint.rules;
                import java.util.ArrayList;
                import java.util.List;
                import org.factlint.facts.ClaimFact;
                rule "Deep"
                when
                    $c : ClaimFact()
                then
                    List<Object> l = new ArrayList<>();
                    l.add( l );
                    l.hashCode();
                end
                """);

        CliRun run = CliRun.of("check", "--rules", dir.toString(), SEED);

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("factlint: rule error: rule \"Deep\" (deep.drl:5): rule failed with StackOverflowError;"
                + " the rules were stopped" + System.lineSeparator());
    }
}
