package org.factlint.flink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.factlint.Category;
import org.factlint.Flag;
import org.factlint.Severity;
import org.junit.jupiter.api.Test;

/** The changelog's lines: what a consumer reads back is what the ledger wrote. */
class CodecTest {
    private static final Flag FLAG = new Flag("CON-VALUE", Category.CONTRADICTION, Severity.HIGH, "value \"differs\"",
            List.of("a1:c1", "a2:c4"), List.of("tass"), List.of("on 9 May", "Жапаров\ton 10 May"),
            "'Japarov' is said to visit \"on 9 May\" and on 10 May\n(two sources)");

    @Test
    void aChangeLine_readsBackWithItsIdOpArticleSeqAndTheFlagAsWritten() {
        String line = Codec.change(Codec.id(FLAG), FlagLedger.RAISED, "a\"1", 42, Codec.flag(FLAG));

        JsonNode n = Codec.change(line);
        assertThat(n.get("id").asText()).isEqualTo(Codec.id(FLAG)).isEqualTo(Codec.idOf(line));
        assertThat(n.get("op").asText()).isEqualTo("RAISED");
        assertThat(n.get("article").asText()).isEqualTo("a\"1");
        assertThat(n.get("seq").asLong()).isEqualTo(42);
        assertThat(Codec.flag(n.get("flag").toString())).isEqualTo(FLAG);
        assertThat(line).doesNotContain("\n").startsWith("{\"id\":\"");
    }

    @Test
    void theChangelogLeavesStanding_theLastRaisedOfEachFlagNotRetractedAfter() {
        String id = Codec.id(FLAG);
        String raised = Codec.change(id, FlagLedger.RAISED, "a1", 1, Codec.flag(FLAG));
        String retracted = Codec.change(id, FlagLedger.RETRACTED, "a1", 2, Codec.flag(FLAG));

        assertThat(FlagJob.standing(List.of(raised))).containsExactly(FLAG);
        assertThat(FlagJob.standing(List.of(raised, retracted))).isEmpty();
    }
}
