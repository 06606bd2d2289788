package org.factlint.internal.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
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

    @Test
    void everyFactClass_isOnTheAllowList_soANewDerivedFactCannotBeForgotten() throws IOException {
        List<String> facts;
        try (Stream<Path> files = Files.list(Path.of("target/classes/org/factlint/facts"))) {
            facts = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".class") && !n.contains("$"))
                    .map(n -> "org.factlint.facts." + n.substring(0, n.length() - ".class".length())).sorted().toList();
        }
        assertThat(facts).isNotEmpty();
        List<String> listed = new java.util.ArrayList<>();
        AllowList.FACTS.forEach(c -> listed.add(c.getName()));
        AllowList.ENUMS.forEach(c -> listed.add(c.getName()));
        assertThat(listed).containsAll(facts);
    }
}
