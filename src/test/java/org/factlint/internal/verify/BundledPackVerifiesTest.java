package org.factlint.internal.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.factlint.RuleProblem;
import org.factlint.internal.PackFiles;
import org.junit.jupiter.api.Test;

/** The bundled pack is trusted, yet it keeps to the untrusted profile: every rule author's example works there. */
class BundledPackVerifiesTest {
    @Test
    void theBundledPack_passesTheUntrustedProfile() throws IOException {
        assertThat(PackVerifier.verify(PackFiles.drl(PackFiles.read(Path.of("rules")))))
                .extracting(RuleProblem::toString).isEmpty();
    }
}
