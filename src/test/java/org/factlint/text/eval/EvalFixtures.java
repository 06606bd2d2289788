package org.factlint.text.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The tiny corpora written for the reader tests, laid out as {@code ../shared/corpora} is. They are kept as
 * {@code *.fixture} files so that nothing tracked in the repository looks like a copy of the real corpora's files;
 * each test run copies them under the real names ({@code .conll}, {@code .ann}) into a temporary directory.
 */
public final class EvalFixtures {
    private static final Path SOURCE = Path.of("src/test/resources/eval/corpora");
    private static Path laidOut;

    private EvalFixtures() {
    }

    /** The fixture corpora's root, laid out once per JVM. */
    public static synchronized Path corpora() {
        if (laidOut == null) {
            try {
                Path root = Files.createTempDirectory("factlint-eval-fixtures");
                try (Stream<Path> all = Files.walk(SOURCE)) {
                    for (Path p : all.filter(Files::isRegularFile).toList()) {
                        String rel = SOURCE.relativize(p).toString();
                        String name = rel.endsWith(".fixture")
                                ? rel.substring(0, rel.length() - ".fixture".length())
                                        + (rel.contains("attributions") ? ".ann" : ".conll")
                                : rel;
                        Path target = root.resolve(name);
                        Files.createDirectories(target.getParent());
                        Files.copy(p, target);
                    }
                }
                laidOut = root;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(root)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return laidOut;
    }

    private static void delete(Path root) {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a temporary directory left behind is no failure of the tests
        }
    }
}
