package org.factlint.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.factlint.Checker;
import org.factlint.Factlint;
import org.factlint.Flag;
import org.factlint.RulePack;
import org.factlint.bench.ArchiveGenerator;
import org.factlint.internal.PackFiles;
import org.factlint.internal.Scopes;
import org.factlint.model.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scope too narrow is caught: with the {@code event} path removed from scopes.csv (the claims of the same event in
 * the weeks a claim covers, where its corroborations are), a generated archive added one article at a time no longer
 * leaves the flags of one batch check; with the bundled scopes it does. The narrowed store trusts a flag of a stored
 * claim met through another group while the corroboration that retracted it is in a group it did not load.
 */
class NarrowScopeTest {
    @TempDir
    Path dir;

    private static Checker withScopes(String scopes) throws IOException {
        Map<String, String> files = new TreeMap<>(PackFiles.read(Path.of("rules")));
        files.put(Scopes.FILE, scopes);
        return Factlint.checker(RulePack.of("narrow", files));
    }

    private List<Flag> addedOneAtATime(Checker checker, List<Document> docs, String name) {
        try (ClaimStore store = Stores.sqlite(dir.resolve(name), checker,
                Clock.fixed(StoreInvariantTest.NOW, ZoneOffset.UTC))) {
            for (Document d : docs) {
                store.add(d);
            }
            return store.flags(FlagQuery.open()).stream().map(StoredFlag::flag).sorted().toList();
        }
    }

    @Test
    void scopesWithoutTheEventPath_breakTheInvariant_whereTheBundledScopesKeepIt() throws IOException {
        String bundled = Files.readString(Path.of("rules", Scopes.FILE));
        String narrow = bundled.lines().filter(l -> !l.endsWith(",event"))
                .collect(Collectors.joining("\n", "", "\n"));
        assertThat(narrow).as("the rows removed were there").isNotEqualTo(bundled);
        List<Document> docs = new ArchiveGenerator(7).archive(1_500);
        Checker bundledChecker = withScopes(bundled);
        List<Flag> batch = bundledChecker.at(StoreInvariantTest.NOW).check(docs).flags();

        assertThat(addedOneAtATime(withScopes(narrow), docs, "narrow.store"))
                .as("open flags with the event path removed").isNotEqualTo(batch);
        assertThat(addedOneAtATime(bundledChecker, docs, "bundled.store"))
                .as("open flags with the bundled scopes").containsExactlyElementsOf(batch);
    }
}
