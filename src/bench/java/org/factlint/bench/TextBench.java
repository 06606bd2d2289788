package org.factlint.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.factlint.text.ArticleText;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Extraction speed of the text front end on news text: {@link ArticleText#parse} (sentences, tokens, tags, lemmas,
 * cues, attribution, numbers, factuality, names, claims) over a set of news articles, one thread. The articles are
 * the seed article of the repository and, when the corpora are there, PolNeAR's dev texts (read in place from
 * {@code ../shared/corpora}, never copied). Reported as words per second of wall time ({@code words}) and, because
 * the machine may be shared, the CPU time the benchmark thread itself used ({@code cpuMs}): words / cpuMs * 1000 is
 * the speed on one core whatever else runs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-XX:+UseParallelGC"})
@Warmup(iterations = 5, time = 10)
@Measurement(iterations = 5, time = 10)
public class TextBench {
    /** Directories (or files) of news text, separated by commas; relative to the repository root. */
    @Param({"seeds/moscow-times-victory-parade-invitations.txt,../shared/corpora/polnear/dev/text"})
    public String texts;

    private List<String> articles;
    private int[] words;

    /** Per-iteration counters: JMH reports {@code words} as a rate and {@code cpuMs} as a total. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Words {
        public long words;

        @Setup(Level.Iteration)
        public void reset() {
            words = 0;
        }
    }

    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Cpu {
        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
        public long cpuMs;
        private long start;

        @Setup(Level.Iteration)
        public void start() {
            cpuMs = 0;
            start = THREADS.getCurrentThreadCpuTime();
        }

        void stop() {
            cpuMs = (THREADS.getCurrentThreadCpuTime() - start) / 1_000_000;
        }
    }

    @Setup(Level.Trial)
    public void read() throws IOException {
        articles = new ArrayList<>();
        for (String t : texts.split(",")) {
            Path p = Path.of(t.strip());
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    for (Path f : s.filter(ArticleText::isText).sorted().toList()) {
                        articles.add(Files.readString(f, StandardCharsets.UTF_8));
                    }
                }
            } else if (Files.isRegularFile(p)) {
                articles.add(Files.readString(p, StandardCharsets.UTF_8));
            } else {
                System.out.println("\nTextBench: " + p + " is not there; measuring without it");
            }
        }
        // a text the front end refuses (PolNeAR has one with a stray control character) is not measured
        int before = articles.size();
        articles.removeIf(a -> {
            try {
                ArticleText.parse(a);
                return false;
            } catch (org.factlint.text.ArticleTextException refused) {
                return true;
            }
        });
        if (articles.size() < before) {
            System.out.println("\nTextBench: " + (before - articles.size()) + " text(s) refused as not article text");
        }
        if (articles.isEmpty()) {
            throw new UncheckedIOException(new IOException("no news text found in " + texts));
        }
        words = articles.stream().mapToInt(TextBench::wordCount).toArray();
        System.out.println("\nTextBench: " + articles.size() + " articles, "
                + java.util.Arrays.stream(words).sum() + " words");
    }

    private int next;

    /** One article per call, round robin, so that JMH's iterations end on time whatever the article's length. */
    @Benchmark
    @Threads(1)
    public Object extract(Words w, Cpu cpu) {
        int i = next;
        next = (i + 1) % articles.size();
        Object doc = ArticleText.parse(articles.get(i), "a" + i);
        w.words += words[i];
        cpu.stop();
        return doc;
    }

    /** Words as a reader counts them: runs of letters or digits. */
    static int wordCount(String text) {
        int n = 0;
        boolean in = false;
        for (int i = 0; i < text.length(); i++) {
            boolean letter = Character.isLetterOrDigit(text.charAt(i));
            if (letter && !in) {
                n++;
            }
            in = letter;
        }
        return n;
    }
}
