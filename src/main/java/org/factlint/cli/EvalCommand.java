package org.factlint.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.factlint.text.Analysis;
import org.factlint.text.eval.AttributionEval;
import org.factlint.text.eval.BratAttributions;
import org.factlint.text.eval.ConllFactuality;
import org.factlint.text.eval.FactualityEval;
import org.factlint.text.eval.Score;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code factlint eval [CORPUS...]}: measures the text front end on annotated corpora laid out as in
 * {@code ../shared/corpora}: PolNeAR attributions (brat standoff) and UW / MEANTIME factuality (CoNLL).
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Measure the text front end on annotated corpora: attribution (PolNeAR, brat standoff) and"
                + " factuality (UW, MEANTIME, CoNLL).",
                "Prints P/R/F1, Pearson r and MAE, a breakdown by category and the misses with their sentences."})
final class EvalCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "CORPUS",
            description = "polnear, uw or meantime (default: all of them)")
    List<String> corpora;

    @Option(names = "--corpora", paramLabel = "DIR", defaultValue = "../shared/corpora",
            description = "folder holding polnear/ and factuality/ (default: ${DEFAULT-VALUE})")
    Path dir;

    @Option(names = "--split", paramLabel = "SPLIT", defaultValue = "dev",
            description = "dev or train (default: ${DEFAULT-VALUE})")
    String split;

    @Option(names = "--misses", paramLabel = "N", defaultValue = "10",
            description = "how many misses to list per corpus (default: ${DEFAULT-VALUE})")
    int misses;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!split.equals("dev") && !split.equals("train")) {
            err.println("factlint eval: --split must be 'dev' or 'train', not '" + split + "'");
            err.flush();
            return 2;
        }
        List<String> which = corpora == null || corpora.isEmpty() ? List.of("polnear", "uw", "meantime") : corpora;
        for (String c : which) {
            if (!List.of("polnear", "uw", "meantime").contains(c)) {
                err.println("factlint eval: unknown corpus '" + c + "' (expected polnear, uw or meantime)");
                err.flush();
                return 2;
            }
        }
        try {
            for (String c : which) {
                if (c.equals("polnear")) {
                    Path d = dir.resolve("polnear").resolve(split);
                    if (!Files.isDirectory(d)) {
                        return missing(err, d);
                    }
                    print(out, AttributionEval.run(BratAttributions.readSplit(d), Analysis::attributions, misses),
                            "PolNeAR " + split);
                } else {
                    Path f = dir.resolve("factuality").resolve(c + "-" + split + ".conll");
                    if (!Files.isRegularFile(f)) {
                        return missing(err, f);
                    }
                    print(out, FactualityEval.run(ConllFactuality.read(f), Analysis::factuality, misses),
                            (c.equals("uw") ? "UW " : "MEANTIME ") + split);
                }
                out.flush();
            }
        } catch (IOException | IllegalArgumentException e) {
            err.println("factlint eval: " + e.getMessage());
            err.flush();
            return 2;
        }
        return 0;
    }

    private static int missing(PrintWriter err, Path p) {
        err.println("factlint eval: '" + p + "' not found (give the corpora folder with --corpora DIR)");
        err.flush();
        return 2;
    }

    private static String f(double d) {
        return String.format(Locale.ROOT, "%.3f", d);
    }

    private static void print(PrintWriter out, AttributionEval.Result r, String title) {
        out.printf(Locale.ROOT, "%s: %d articles, %d sentences, %d gold attributions%n", title, r.articles(),
                r.sentences(), r.relations());
        out.println("  measure                  P      R      F1     (matched predicted/predicted, gold/gold)");
        row(out, "sentence has attribution", r.sentence());
        row(out, "source span (overlap)", r.source());
        row(out, "cue span (overlap)", r.cue());
        row(out, "anonymous source", r.anonymous());
        out.println("  cue recall by gold cue:");
        r.byCue().forEach((k, s) -> out.printf(Locale.ROOT, "    %-22s %5d/%-5d %s%n", k, s.goldMatched(), s.gold(),
                f(s.recall())));
        out.println("  source (or cue, when unnamed) recall by kind of gold source:");
        r.bySource().forEach((k, s) -> out.printf(Locale.ROOT, "    %-22s %5d/%-5d %s%n", k, s.goldMatched(),
                s.gold(), f(s.recall())));
        out.println("  misses:");
        for (AttributionEval.Miss m : r.misses()) {
            out.printf("    %s %s: cue '%s', source '%s'%n      %s%n", m.spurious() ? "SPURIOUS" : "MISSED  ",
                    m.article(), m.cue(), m.source(), m.sentence());
        }
    }

    private static void row(PrintWriter out, String name, Score s) {
        out.printf(Locale.ROOT, "  %-24s %s  %s  %s   (%d/%d, %d/%d)%n", name, f(s.precision()), f(s.recall()),
                f(s.f1()), s.predictedMatched(), s.predicted(), s.goldMatched(), s.gold());
    }

    private static void print(PrintWriter out, FactualityEval.Result r, String title) {
        out.printf(Locale.ROOT, "%s: %d sentences, %d annotated predicates%n", title, r.sentences(), r.items());
        out.printf(Locale.ROOT, "  Pearson r %s   MAE %s   (MAE answering +3 everywhere: %s)%n", f(r.pearson()),
                f(r.mae()), f(r.maeAllCertain()));
        out.println("  by gold band:            items   MAE    mean predicted");
        for (Map.Entry<String, FactualityEval.Band> e : r.byBand().entrySet()) {
            out.printf(Locale.ROOT, "    %-28s %5d  %s  %s%n", e.getKey(), e.getValue().items(),
                    f(e.getValue().mae()), f(e.getValue().meanPredicted()));
        }
        out.println("  largest errors:");
        for (FactualityEval.Miss m : r.misses()) {
            out.printf(Locale.ROOT, "    line %d: '%s' gold %+.1f, predicted %+.1f%n      %s%n", m.line(),
                    m.predicate(), m.gold(), m.predicted(), m.sentence());
        }
    }
}
