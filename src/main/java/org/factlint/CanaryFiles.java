package org.factlint;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.factlint.internal.GivenDocuments;
import org.factlint.internal.PackFiles;
import org.factlint.testing.Scenario;
import org.factlint.testing.ScenarioFileException;
import org.factlint.testing.ScenarioFiles;

/**
 * What a pack's canary reads, read once by the caller: the pack's scenario files ({@code tests/*.json}) and the files
 * their {@code given} paths name. An isolated checker sends them to its child over the child's standard input, so the
 * child (chrooted, a user of its own) never needs to read the pack's directory, which may be readable by its owner
 * only. For an isolated pack ({@code packOnly}) a {@code given} file outside the pack's directory (links resolved) is
 * not read: the caller does not read files elsewhere on behalf of a pack it does not trust, and the scenario fails
 * saying so. Each file is read up to {@link PackFiles#MAX_FILE_LENGTH}, all of them up to {@link #MAX_TOTAL_LENGTH}.
 *
 * @param dir       the pack's directory, absolute
 * @param scenarios the scenario files, absolute, sorted by name
 * @param files     every file read, by absolute path: the scenario files and the {@code given} files
 * @param unread    {@code given} files not read, by absolute path, with why (the message of the scenario's failure)
 * @param refusals  reasons to refuse the pack found while reading (a scenario file that could not be read)
 */
record CanaryFiles(String dir, List<String> scenarios, Map<String, byte[]> files, Map<String, String> unread,
                   List<String> refusals) {
    /** The most a canary reads in all: 64 MB. */
    static final long MAX_TOTAL_LENGTH = 64_000_000;

    CanaryFiles {
        scenarios = List.copyOf(scenarios);
        files = Map.copyOf(files);
        unread = Map.copyOf(unread);
        refusals = List.copyOf(refusals);
    }

    /** The header of the files sent to a child: everything but the files' bytes, which follow one per line. */
    record Header(String dir, List<String> scenarios, Map<String, String> unread, List<String> refusals, int files) {
    }

    /** One file sent to a child. */
    record File(String path, byte[] bytes) {
    }

    Header header() {
        return new Header(dir, scenarios, unread, refusals, files.size());
    }

    static CanaryFiles of(Header header, List<File> files) {
        Map<String, byte[]> read = new LinkedHashMap<>();
        files.forEach(f -> read.put(f.path(), f.bytes()));
        return new CanaryFiles(header.dir(), header.scenarios(), read, header.unread(), header.refusals());
    }

    /** Reads the canary's files of the pack in {@code dir}; {@code packOnly}: no {@code given} file outside it. */
    static CanaryFiles collect(Path dir, boolean packOnly) throws IOException {
        Path base = dir.toAbsolutePath().normalize();
        Path real = base.toRealPath();
        List<String> scenarios = new ArrayList<>();
        Map<String, byte[]> files = new LinkedHashMap<>();
        Map<String, String> unread = new LinkedHashMap<>();
        List<String> refusals = new ArrayList<>();
        long[] total = {0};
        for (Path file : ScenarioFiles.in(base)) {
            String why = read(file, real, packOnly, files, total);
            if (why != null) {
                refusals.add("its scenario file " + base.relativize(file) + " " + why);
                continue;
            }
            scenarios.add(file.toString());
            List<Scenario> read;
            try {
                read = ScenarioFiles.read(file, Factlint.strictUtf8(files.get(file.toString())));
            } catch (ScenarioFileException | IOException e) {
                continue; // the canary reports it, from the same bytes
            }
            for (Scenario scenario : read) {
                for (Scenario.Given g : scenario.given()) {
                    if (g.path() == null) {
                        continue;
                    }
                    Path p = file.getParent().resolve(g.path()).normalize();
                    String key = p.toString();
                    if (files.containsKey(key) || unread.containsKey(key) || !Files.isRegularFile(p)) {
                        continue; // a missing file: the canary says "no such file", as a scenario run does
                    }
                    why = read(p, real, packOnly, files, total);
                    if (why != null) {
                        unread.put(key, "'" + g.path() + "' " + why);
                    }
                }
            }
        }
        return new CanaryFiles(base.toString(), scenarios, files, unread, refusals);
    }

    /** Reads one file into {@code files}; or why it was not read. */
    private static String read(Path p, Path pack, boolean packOnly, Map<String, byte[]> files, long[] total)
            throws IOException {
        Path real = p.toRealPath();
        if (packOnly && !real.startsWith(pack)) {
            return "is outside the pack's directory (" + real + "): the canary of an isolated pack reads only the"
                    + " pack's own files";
        }
        if (!Files.isRegularFile(real)) {
            return "is not a regular file";
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(real)) {
            bytes = in.readNBytes((int) PackFiles.MAX_FILE_LENGTH + 1);
        }
        if (bytes.length > PackFiles.MAX_FILE_LENGTH) {
            return String.format(Locale.ROOT, "is over the limit of %,d bytes (PackFiles.MAX_FILE_LENGTH): not read",
                    PackFiles.MAX_FILE_LENGTH);
        }
        if (total[0] + bytes.length > MAX_TOTAL_LENGTH) {
            return String.format(Locale.ROOT, "would take the canary's files over %,d bytes"
                    + " (CanaryFiles.MAX_TOTAL_LENGTH): not read", MAX_TOTAL_LENGTH);
        }
        total[0] += bytes.length;
        files.put(p.toString(), bytes);
        return null;
    }

    /** The scenarios of every scenario file; a broken one is a reason to refuse the pack. */
    List<Scenario> scenarios(List<String> refusals) {
        List<Scenario> out = new ArrayList<>();
        Path base = Path.of(dir);
        for (String name : scenarios) {
            Path file = Path.of(name);
            try {
                out.addAll(ScenarioFiles.read(file, Factlint.strictUtf8(files.get(name))));
            } catch (ScenarioFileException e) {
                refusals.add("its scenario file " + base.relativize(file) + " is broken: " + e.getMessage());
            } catch (IOException e) {
                refusals.add("its scenario file " + base.relativize(file) + " cannot be read: " + e.getMessage());
            }
        }
        return out;
    }

    /** A scenario's documents, read from the files as a scenario run reads them; what is missing goes to problems. */
    Batch given(RulePack pack, Scenario scenario, List<String> problems) {
        return GivenDocuments.of(scenario, new GivenDocuments.Files() {
            @Override
            public String unreadable(Path file, String given) {
                if (files.containsKey(file.toString())) {
                    return null;
                }
                String why = unread.get(file.toString());
                return why != null ? why : GivenDocuments.noSuchFile(file, given);
            }

            @Override
            public Batch read(Path file) throws IOException {
                return Factlint.read(pack, file, files.get(file.toString()));
            }
        }, problems);
    }
}
