package org.factlint.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A rule pack's files: which ones belong to it and where Drools wants each. One place for both, because the build's
 * {@link ModelGenerator} and the run-time {@code RulePack} must agree on them (the prebuilt model carries a digest of
 * exactly these files).
 */
public final class PackFiles {
    private static final Pattern PACKAGE = Pattern.compile("^[ \\t]*package\\s+([\\w.]+)\\s*;?", Pattern.MULTILINE);

    private PackFiles() {
    }

    /** The largest pack file read (the bundled pack's largest is under 100 KB): a larger one is refused unread. */
    public static final long MAX_FILE_LENGTH = 10_000_000;

    /**
     * The pack's DRL files and data tables ({@code .csv}) by relative name, {@code tests/} excluded. A file that is a
     * link to a place outside the pack's directory (which could make errors quote {@code /etc/shadow}), or larger than
     * {@link #MAX_FILE_LENGTH}, is refused with an {@code IOException} naming it.
     */
    public static Map<String, String> read(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        Path root = dir.toRealPath();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.sorted()::iterator) {
                Path rel = dir.relativize(p);
                if (rel.getNameCount() > 0 && rel.getName(0).toString().equals("tests")) {
                    continue;
                }
                String fileName = p.getFileName().toString();
                if (!fileName.endsWith(".drl") && !Tables.isTable(fileName)) {
                    continue;
                }
                if (Files.isSymbolicLink(p) && !p.toRealPath().startsWith(root)) {
                    throw new IOException("rule pack file '" + rel + "' is a link to '" + Files.readSymbolicLink(p)
                            + "', outside the pack's directory: not read");
                }
                if (Files.isRegularFile(p)) {
                    long size = Files.size(p);
                    if (size > MAX_FILE_LENGTH) {
                        throw new IOException("rule pack file '" + rel + "' is " + size + " bytes, over the limit of "
                                + MAX_FILE_LENGTH + " bytes (PackFiles.MAX_FILE_LENGTH): not read");
                    }
                    files.put(rel.toString().replace('\\', '/'), Files.readString(p, StandardCharsets.UTF_8));
                }
            }
        }
        return files;
    }

    /** The DRL files among a pack's files ({@code .drl}; data tables and anything else, a README, are not rules). */
    public static Map<String, String> drl(Map<String, String> files) {
        Map<String, String> drl = new TreeMap<>();
        files.forEach((file, text) -> {
            if (file.endsWith(".drl")) {
                drl.put(file, text);
            }
        });
        return drl;
    }

    /** The folder a DRL file's package asks for ({@code "org/factlint/rules/"}), empty for the default package. */
    public static String packageFolder(String drl) {
        Matcher pkg = PACKAGE.matcher(drl);
        return pkg.find() ? pkg.group(1).replace('.', '/') + "/" : "";
    }
}
