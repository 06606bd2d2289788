package org.factlint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A pack from a directory is compiled only when no identical one is at hand, found by the digest of its files. */
class PackCacheTest {
    @TempDir
    Path tmp;


    @Test
    void theDefaultPackOrACopyOfIt_runsTheBuildsExecutableModel_underItsOwnName() throws IOException {
        Path copy = tmp.resolve("copy");
        TestFiles.copyTree(Path.of("rules"), copy);
        for (Path dir : new Path[] {Path.of("rules"), copy}) {
            RulePack pack = RulePack.load(dir);
            assertThat(pack.prebuilt()).as(dir.toString()).isTrue();
            assertThat(pack.name()).isEqualTo(dir.toString());
            assertThat(pack.kieBase()).isSameAs(RulePack.bundled().kieBase());
            assertThat(pack.rules()).isEqualTo(RulePack.bundled().rules());
        }
    }

    @Test
    void anEditedPack_isCompiled_once_perTrust() throws IOException {
        Path edited = tmp.resolve("edited");
        TestFiles.copyTree(Path.of("rules"), edited);
        Files.writeString(edited.resolve("unconfirmed.drl"), "\n// an edit\n", StandardOpenOption.APPEND);
        RulePack first = RulePack.load(edited);
        assertThat(first.prebuilt()).isFalse();
        assertThat(RulePack.load(edited).kieBase()).isSameAs(first.kieBase());
        assertThat(RulePack.load(edited, Trust.TRUSTED).kieBase()).isNotSameAs(first.kieBase());
        Files.writeString(edited.resolve("unconfirmed.drl"), "\n// another edit\n", StandardOpenOption.APPEND);
        assertThat(RulePack.load(edited).kieBase()).isNotSameAs(first.kieBase());
    }

    @Test
    void theCacheCanBeTurnedOff() throws IOException {
        System.setProperty("factlint.packCache", "false");
        try {
            assertThat(RulePack.load(Path.of("rules")).prebuilt()).isFalse();
        } finally {
            System.clearProperty("factlint.packCache");
        }
    }
}
