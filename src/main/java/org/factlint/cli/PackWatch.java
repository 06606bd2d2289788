package org.factlint.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.stream.Stream;

/**
 * {@code --watch} for {@code validate} and {@code test}: runs once, then again after every change to the pack, in the
 * same JVM. A rule author's edit then compiles warm (the DRL parser, MVEL and the Java compiler are loaded and
 * jitted by the first run), which is where most of a cold compile's seconds go (BENCHMARKS.md).
 */
final class PackWatch {
    /** Changes that arrive this close together (an editor saving several files) are one change. */
    private static final long SETTLE_MS = 150;

    private PackWatch() {
    }

    /**
     * Runs {@code run} once, then after each change under {@code dir}, {@code maxRuns} more times (or until
     * interrupted when {@code maxRuns} is negative). Returns the exit code of the last run.
     */
    static int watch(Path dir, int maxRuns, PrintWriter out, IntSupplier run) {
        int exit = run.getAsInt();
        try (WatchService watcher = FileSystems.getDefault().newWatchService()) {
            register(dir, watcher);
            out.println("watching " + dir + " for changes (Ctrl-C to stop)");
            out.flush();
            for (int runs = 0; maxRuns < 0 || runs < maxRuns; runs++) {
                WatchKey key = watcher.take();
                do {
                    key.pollEvents();
                    key.reset();
                } while ((key = watcher.poll(SETTLE_MS, TimeUnit.MILLISECONDS)) != null);
                register(dir, watcher); // a folder made since (lexicon/, tests/) is watched too
                long start = System.nanoTime();
                exit = run.getAsInt();
                out.println("-- run again after a change, in " + (System.nanoTime() - start) / 1_000_000 + " ms");
                out.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ClosedWatchServiceException | IOException e) {
            out.println("factlint: cannot watch '" + dir + "': " + e.getMessage());
            out.flush();
            return 2;
        }
        return exit;
    }

    private static void register(Path dir, WatchService watcher) throws IOException {
        try (Stream<Path> dirs = Files.walk(dir)) {
            for (Path d : dirs.filter(Files::isDirectory).toList()) {
                d.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
            }
        }
    }
}
