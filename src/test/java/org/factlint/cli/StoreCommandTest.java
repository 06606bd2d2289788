package org.factlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.factlint.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code factlint store add|flags}: a morning of wire copy, and a flag retracting when confirmation arrives. */
class StoreCommandTest {
    @TempDir
    Path dir;

    @Test
    void aMorningOfWireCopy_raisesFlags_andTheConfirmationRetractsThem() throws IOException {
        String store = dir.resolve("desk.store").toString();

        CliRun nine = CliRun.of("store", "add", "--store", store, "--now", "2023-05-08T09:00:00Z",
                "seeds/moscow-times.claims.json");
        CliRun eleven = CliRun.of("store", "add", "--store", store, "--now", "2023-05-08T11:15:00Z",
                "seeds/constructed-followup.claims.json");
        CliRun noon = CliRun.of("store", "flags", "--store", store, "--now", "2023-05-08T12:00:00Z", "--open",
                "--older-than", "2h", "--format", "json");

        assertThat(nine.exit()).isZero();
        assertThat(nine.out()).startsWith("mt: added, checked with 0 stored documents: 11 raised, 0 retracted\n"
                + "  + HIGH   UNC-HEADLINE           mt:h1, mt:c1\n");
        assertThat(nine.out()).endsWith("1 document read: 1 added or replaced, 0 unchanged, 0 rejected; 11 flags raised,"
                + " 0 retracted; the store holds 1 document, 11 open flags\n");
        assertThat(eleven.exit()).isZero();
        assertThat(eleven.out()).startsWith("followup: added, checked with 1 stored document: ")
                .contains("  - MEDIUM UNC-SINGLE-INTERESTED  mt:c1\n");
        JsonNode flags = Json.mapper().readTree(noon.out());
        assertThat(flags).isNotEmpty().allSatisfy(f -> {
            assertThat(f.get("open").asBoolean()).isTrue();
            assertThat(f.get("raisedBy").asText()).isEqualTo("mt");
            assertThat(f.get("ageMinutes").asLong()).isEqualTo(180);
        });
        assertThat(flags).noneSatisfy(f -> assertThat(f.get("code").asText() + f.get("claims"))
                .isEqualTo("UNC-SINGLE-INTERESTED[\"mt:c1\"]"));
    }

    @Test
    void addingAgain_changesNothing_andTheRetractedFlagIsListedWithItsCause() {
        String store = dir.resolve("desk.store").toString();
        CliRun.of("store", "add", "--store", store, "--now", "2023-05-08T09:00:00Z", "seeds/moscow-times.claims.json");
        CliRun.of("store", "add", "--store", store, "--now", "2023-05-08T11:15:00Z",
                "seeds/constructed-followup.claims.json");

        CliRun again = CliRun.of("store", "add", "--store", store, "seeds/moscow-times.claims.json");
        CliRun all = CliRun.of("store", "flags", "--store", store, "--now", "2023-05-08T12:00:00Z", "--code",
                "UNC-SINGLE-INTERESTED");
        CliRun html = CliRun.of("store", "flags", "--store", store, "--format", "html");

        assertThat(again.out()).startsWith("mt: already stored as it is, nothing changed\n");
        assertThat(all.out()).contains("retracted MEDIUM UNC-SINGLE-INTERESTED  mt:c1\n"
                + "          raised 2023-05-08T09:00:00Z by mt (3 h ago), retracted 2023-05-08T11:15:00Z by followup\n");
        assertThat(html.exit()).isZero();
        assertThat(html.out()).startsWith("<!DOCTYPE html>").contains("<tr class=\"retracted\"><td>retracted</td>");
    }

    @Test
    void asTheClockMovesOn_recheckEscalatesWhatIsStillUnconfirmed_andAsksAboutPassedForecasts() throws IOException {
        String store = dir.resolve("desk.store").toString();
        CliRun.of("store", "add", "--store", store, "--now", "2023-05-08T09:00:00Z", "seeds/moscow-times.claims.json");
        CliRun.of("store", "add", "--store", store, "--now", "2023-05-08T11:15:00Z",
                "seeds/constructed-followup.claims.json");

        // The seed is dated 8 May without a time: its hours count from the end of that day. Medium flags: 24 h.
        CliRun early = CliRun.of("store", "recheck", "--store", store, "--now", "2023-05-09T23:00:00Z");
        CliRun later = CliRun.of("store", "recheck", "--store", store, "--now", "2023-05-10T09:00:00Z");
        CliRun old = CliRun.of("store", "flags", "--store", store, "--now", "2023-05-10T09:30:00Z", "--open",
                "--code", "UNC-STILL-UNCONFIRMED", "--format", "json");

        assertThat(early.exit()).isZero();
        assertThat(early.out()).matches("re-checked 2 documents with pack bundled \\([0-9a-f]{12}\\) on the clock "
                + "2023-05-09T23:00:00Z: 0 raised, 0 retracted\nthe store holds 2 documents, 10 open flags\n");
        assertThat(later.out()).contains(": 5 raised, 0 retracted\n"
                + "  + HIGH   UNC-STILL-UNCONFIRMED  mt:c2\n"
                + "  + HIGH   UNC-STILL-UNCONFIRMED  mt:c3\n"
                + "  + HIGH   UNC-STILL-UNCONFIRMED  mt:c5\n"
                + "  + MEDIUM UNC-FORECAST-PASSED    mt:c12\n"
                + "  + MEDIUM UNC-FORECAST-PASSED    mt:c14\n"
                + "the store holds 2 documents, 15 open flags\n");
        JsonNode flags = Json.mapper().readTree(old.out());
        assertThat(flags).hasSize(3).allSatisfy(f -> {
            assertThat(f.get("raisedAt").asText()).isEqualTo("2023-05-10T09:00:00Z");
            assertThat(f.get("raisedBy").asText()).isEqualTo("clock 2023-05-10T09:00:00Z");
            assertThat(f.get("ageMinutes").asLong()).isEqualTo(30);
            assertThat(f.get("packDigest").asText()).hasSize(64);
        });
    }

    @Test
    void recheckWithANewPack_reportsWhatChanged() throws IOException {
        String store = dir.resolve("desk.store").toString();
        Path pack = dir.resolve("rules-v2");
        org.factlint.TestFiles.copyTree(Path.of("rules"), pack);
        Files.writeString(pack.resolve("escalation.csv"), "code,severity,hours\n,medium,1\n");
        CliRun.of("store", "add", "--store", store, "--now", "2023-05-09T09:00:00Z", "seeds/moscow-times.claims.json");

        CliRun r = CliRun.of("store", "recheck", "--store", store, "--now", "2023-05-09T09:00:00Z", "--pack",
                pack.toString());
        CliRun again = CliRun.of("store", "recheck", "--store", store, "--now", "2023-05-09T09:00:00Z", "--pack",
                pack.toString());

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("re-checked 1 document with pack " + pack + " (")
                .contains(": 5 raised, 0 retracted\n") // the seed's five medium flags, after 1 h instead of 24
                .contains("  + HIGH   UNC-STILL-UNCONFIRMED  mt:c1\n");
        assertThat(r.out().lines().filter(l -> l.startsWith("  + ")))
                .hasSize(5).allSatisfy(l -> assertThat(l).contains("UNC-STILL-UNCONFIRMED"));
        assertThat(again.out()).contains(": 0 raised, 0 retracted\n");
    }

    @Test
    void aDocumentRejectedByValidation_isNotStored_andTheOthersAre() throws IOException {
        String store = dir.resolve("desk.store").toString();
        String good = "{\"article\": {\"id\": \"g\", \"outlet\": \"w\", \"headline\": \"H\"}, \"sources\": [{\"id\": \"w\","
                + " \"name\": \"W\", \"kind\": \"wire_agency\"}]}";
        String unknownField = good.replace("\"g\"", "\"u\"").replace("\"headline\"", "\"headlin\"");
        String otherKind = good.replace("\"g\"", "\"k\"").replace("wire_agency", "state_media");
        Path file = dir.resolve("copy.jsonl");
        Files.writeString(file, good + "\n" + unknownField + "\n" + otherKind + "\n");

        CliRun run = CliRun.of("store", "add", "--store", store, "--now", "2023-05-08T09:00:00Z", file.toString());
        CliRun flags = CliRun.of("store", "flags", "--store", store, "--format", "json");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains(file + ":2:").contains("article 'u' headline is required and must not be blank")
                .contains("factlint: " + store + ": article 'k' is rejected: sources[0]: source 'w' is declared as"
                        + " state_media but an earlier document declares it as wire_agency\n");
        assertThat(run.out()).contains("g: added").doesNotContain("u: ").doesNotContain("k: added")
                .endsWith("3 documents read: 1 added or replaced, 0 unchanged, 2 rejected; 0 flags raised, 0 retracted;"
                        + " the store holds 1 document, 0 open flags\n");
        assertThat(flags.exit()).isZero();
    }

    @Test
    void aFileThatIsNotAStore_isNamed_andExits2() throws IOException {
        Path notes = dir.resolve("notes.txt");
        Files.writeString(notes, "not a store\n".repeat(100));

        CliRun run = CliRun.of("store", "add", "--store", notes.toString(), "seeds/moscow-times.claims.json");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("factlint: " + notes + ": is not a claim store (not an SQLite database)\n");
    }

    @Test
    void badOptions_areUsageErrors() {
        CliRun age = CliRun.of("store", "flags", "--store", dir.resolve("s").toString(), "--older-than", "soon");
        CliRun now = CliRun.of("store", "add", "--store", dir.resolve("s").toString(), "--now", "9am",
                "seeds/moscow-times.claims.json");

        assertThat(age.exit()).isEqualTo(2);
        assertThat(age.err()).startsWith("Invalid value for option '--older-than': 'soon' is not an age such as 30m,"
                + " 24h or 7d");
        assertThat(now.exit()).isEqualTo(2);
        assertThat(now.err()).startsWith("Invalid value for option '--now': '9am' is not an instant such as"
                + " 2023-05-08T09:00:00Z");
    }
}
