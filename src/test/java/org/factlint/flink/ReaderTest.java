package org.factlint.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.GenericTypeInfo;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.metrics.SimpleCounter;
import org.factlint.RulePack;
import org.factlint.bench.ArchiveGenerator;
import org.factlint.internal.FactLoader;
import org.factlint.internal.Hooks;
import org.factlint.io.DocumentReader;
import org.factlint.io.DocumentWriter;
import org.factlint.model.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Archive mode's parallel read: what the {@link Reader}s keep of each document is all the serial {@link Resolver}
 * reads, so it decides each document exactly as a loader given the whole documents does.
 */
class ReaderTest {
    private static RulePack pack;
    private static List<Document> archive;

    @BeforeAll
    static void archive() {
        pack = RulePack.bundled();
        archive = new ArchiveGenerator(11).archive(3_000);
    }

    @Test
    void aLineOfTwoDocuments_givesTwoViewsWithoutClaims_inTheLinesOrder() {
        String line = DocumentWriter.json(archive.subList(0, 2)).strip();
        SimpleCounter rejected = new SimpleCounter();

        List<Archive.Parsed> parsed = Reader.parse(new Archive.Line(7, line), rejected);

        assertThat(rejected.getCount()).isZero();
        assertThat(parsed).extracting(p -> p.seq).containsExactly(7L, 7L);
        assertThat(parsed).extracting(p -> p.index).containsExactly(0, 1);
        for (int i = 0; i < 2; i++) {
            Document view = DocumentReader.readJson("view", parsed.get(i).view.getBytes(StandardCharsets.UTF_8))
                    .documents().get(0);
            assertThat(view.claims()).isEmpty();
            assertThat(view.entities()).isEqualTo(archive.get(i).entities());
            assertThat(view.sources()).isEqualTo(archive.get(i).sources());
            assertThat(archive.get(i).claims()).isNotEmpty();
        }
    }

    @Test
    void theResolver_decidesFromTheViewsWhatALoaderDecidesFromTheWholeDocuments() {
        FactLoader whole = new FactLoader(Hooks.tables(pack));
        whole.preResolve(archive);
        List<FactLoader.Resolved> expected = archive.stream().map(whole::resolve).toList();
        List<Archive.Parsed> views = new ArrayList<>();
        SimpleCounter rejected = new SimpleCounter();
        for (int i = 0; i < archive.size(); i++) {
            views.addAll(Reader.parse(new Archive.Line(i, DocumentWriter.json(archive.get(i)).strip()), rejected));
        }
        SimpleCounter accepted = new SimpleCounter();
        List<FactLoader.Resolved> got = new ArrayList<>();

        Resolver.resolve(pack, views, accepted, rejected, (p, r) -> got.add(Resolver.Resolution.of(r).resolved()));

        assertThat(accepted.getCount()).isEqualTo(archive.size());
        assertThat(rejected.getCount()).isZero();
        assertThat(got).containsExactlyElementsOf(expected);
        assertThat(expected).anyMatch(r -> r.inserts().contains(false)); // documents share entities: order matters
    }

    @Test
    void whatTheResolverShips_isWrittenByFlinksPojoSerialiser_notByKryo() {
        TypeInformation<Archive.Doc> doc = TypeInformation.of(Archive.Doc.class);

        assertThat(doc).isInstanceOf(PojoTypeInfo.class);
        PojoTypeInfo<?> pojo = (PojoTypeInfo<?>) doc;
        for (int i = 0; i < pojo.getArity(); i++) {
            assertThat(pojo.getTypeAt(i)).as(pojo.getPojoFieldAt(i).getField().getName())
                    .isNotInstanceOf(GenericTypeInfo.class);
        }
        PojoTypeInfo<?> resolved = (PojoTypeInfo<?>) pojo.getTypeAt(pojo.getFieldIndex("resolved"));
        for (int i = 0; i < resolved.getArity(); i++) {
            assertThat(resolved.getTypeAt(i)).as(resolved.getPojoFieldAt(i).getField().getName())
                    .isNotInstanceOf(GenericTypeInfo.class);
        }
    }
}
