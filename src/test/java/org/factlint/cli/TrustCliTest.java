package org.factlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --trusted} is the only way past verification on the command line: without it a pack that reaches out is refused. */
class TrustCliTest {
    private static final String PACK = """
            package org.factlint.rules;
            import java.util.List;
            import org.factlint.facts.ClaimFact;
            rule "Env: reads the environment"
                @code("T-ENV") @category("unconfirmed") @severity("low") @message("{claim} saw the environment.")
            when
                $c : ClaimFact()
            then
                insertLogical( Flags.flag( kcontext, List.of( $c ), List.of( "env=" + System.getenv().size() ) ) );
            end
            """;

    @Test
    void aPackThatReachesOut_isRefusedWithoutTrusted_andRunsAsCodeWithIt(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("env.drl"), PACK);

        CliRun checked = CliRun.of("check", "--rules", dir.toString(), CheckCommandTest.SEED);
        assertThat(checked.exit()).isEqualTo(2);
        assertThat(checked.err()).contains("env.drl:").contains("is not allowed in an untrusted pack");
        assertThat(checked.out()).isEmpty();

        CliRun trusted = CliRun.of("check", "--trusted", "--rules", dir.toString(), CheckCommandTest.SEED);
        assertThat(trusted.exit()).isEqualTo(1);
        assertThat(trusted.out()).contains("T-ENV");
    }
}
