package org.factlint;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.factlint.internal.PackFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A pack's files are read only from inside its directory, and only up to a size: before any verification. */
class PackFileLimitsTest {
    @Test
    void aLinkOutOfThePack_isRefusedUnread_soErrorsCannotQuoteAnotherFile(@TempDir Path tmp) throws IOException {
        Path secret = Files.writeString(tmp.resolve("secret.txt"), "password=hunter2\n");
        Path pack = Files.createDirectories(tmp.resolve("pack"));
        Files.createSymbolicLink(pack.resolve("sources.csv"), secret);

        assertThatThrownBy(() -> RulePack.load(pack)).isInstanceOf(IOException.class)
                .hasMessage("rule pack file 'sources.csv' is a link to '" + secret + "', outside the pack's directory:"
                        + " not read")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void aLinkInsideThePack_isRead(@TempDir Path tmp) throws IOException {
        Path pack = Files.createDirectories(tmp.resolve("pack"));
        Files.writeString(pack.resolve("a.drl.txt"), "package org.factlint.rules;\n");
        Files.createSymbolicLink(pack.resolve("a.drl"), pack.resolve("a.drl.txt"));

        org.assertj.core.api.Assertions.assertThat(PackFiles.read(pack)).containsKey("a.drl");
    }

    @Test
    void aFileOverTheLimit_isRefusedUnread(@TempDir Path tmp) throws IOException {
        Path pack = Files.createDirectories(tmp.resolve("pack"));
        try (RandomAccessFile f = new RandomAccessFile(pack.resolve("huge.drl").toFile(), "rw")) {
            f.setLength(PackFiles.MAX_FILE_LENGTH + 1); // sparse: no disk used, and it is never read
        }

        assertThatThrownBy(() -> RulePack.load(pack)).isInstanceOf(IOException.class)
                .hasMessage("rule pack file 'huge.drl' is 10000001 bytes, over the limit of 10000000 bytes "
                        + "(PackFiles.MAX_FILE_LENGTH): not read");
    }
}
