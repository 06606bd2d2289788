package org.factlint.property;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.factlint.RulePack;
import org.factlint.SplitCheck;
import org.factlint.model.Document;

/** A check split by the pack's declared join keys flags exactly what one session flags, on generated archives. */
class SplitPropertiesTest {
    @Provide
    Arbitrary<List<Document>> documentSets() {
        return Claims.documentSets();
    }

    @Property(tries = 200)
    void oneSessionPerComponent_flagsWhatOneSessionFlags(@ForAll("documentSets") List<Document> docs) {
        RulePack pack = RulePack.bundled();
        int parts = SplitCheck.parts(SplitCheck.joins(pack), docs);

        assertThat(SplitCheck.finestSplit(pack, SplitCheck.joins(pack), docs))
                .containsExactlyElementsOf(SplitCheck.oneSession(pack, docs));
        Statistics.label("parts").collect(parts == 1 ? "1" : parts < 5 ? "2-4" : "5+");
    }
}
