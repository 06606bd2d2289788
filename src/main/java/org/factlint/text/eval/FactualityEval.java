package org.factlint.text.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Scores factuality values per predicate against CoNLL gold (UW, MEANTIME). The matching criteria: the corpus's own
 * tokens are given to the front end one sentence at a time; every token with a gold value is one item, compared with
 * the value the front end gives that same token. Pearson r and mean absolute error over all items; the reference
 * "+3 for every predicate" MAE is reported beside them.
 */
public final class FactualityEval {
    /** One predicate with a large error. */
    public record Miss(int line, String sentence, String predicate, double gold, double predicted) {
    }

    /** Per gold band: items, MAE and the mean predicted value. */
    public record Band(int items, double mae, double meanPredicted) {
    }

    public record Result(int sentences, int items, double pearson, double mae, double maeAllCertain,
                         Map<String, Band> byBand, List<Miss> misses) {
    }

    private FactualityEval() {
    }

    /** The band of a gold value: certain, probable, possible or unknown, negative. */
    public static String band(double v) {
        if (v >= 2.5) {
            return "certain (>= 2.5)";
        }
        if (v >= 1.5) {
            return "probable [1.5, 2.5)";
        }
        if (v > -1.5) {
            return "possible/unknown (-1.5, 1.5)";
        }
        return "negative (<= -1.5)";
    }

    public static Result run(List<ConllFactuality.Sentence> sentences, Function<List<String>, double[]> frontEnd,
                             int maxMisses) {
        List<double[]> pairs = new ArrayList<>();
        List<Miss> all = new ArrayList<>();
        for (ConllFactuality.Sentence s : sentences) {
            boolean any = false;
            for (double v : s.values()) {
                any |= !Double.isNaN(v);
            }
            if (!any) {
                continue;
            }
            double[] p = frontEnd.apply(s.tokens());
            if (p.length != s.tokens().size()) {
                throw new IllegalStateException("the front end gave " + p.length + " values for "
                        + s.tokens().size() + " tokens");
            }
            for (int i = 0; i < p.length; i++) {
                if (!Double.isNaN(s.values()[i])) {
                    double pred = Math.max(-3, Math.min(3, p[i]));
                    pairs.add(new double[] {s.values()[i], pred});
                    if (Math.abs(pred - s.values()[i]) >= 2) {
                        List<String> marked = new ArrayList<>(s.tokens());
                        marked.set(i, "[[" + marked.get(i) + "]]");
                        all.add(new Miss(s.line(), String.join(" ", marked), s.tokens().get(i), s.values()[i], pred));
                    }
                }
            }
        }
        all.sort(Comparator.comparingDouble((Miss m) -> -Math.abs(m.gold() - m.predicted()))
                .thenComparingInt(Miss::line));
        Map<String, double[]> bands = new LinkedHashMap<>();
        for (String b : List.of(band(3), band(2), band(0), band(-3))) {
            bands.put(b, new double[3]);
        }
        double mae = 0;
        double mae3 = 0;
        for (double[] x : pairs) {
            mae += Math.abs(x[0] - x[1]);
            mae3 += Math.abs(x[0] - 3);
            double[] b = bands.get(band(x[0]));
            b[0]++;
            b[1] += Math.abs(x[0] - x[1]);
            b[2] += x[1];
        }
        int n = pairs.size();
        Map<String, Band> byBand = new LinkedHashMap<>();
        bands.forEach((k, b) -> byBand.put(k, new Band((int) b[0], b[0] == 0 ? 0 : b[1] / b[0],
                b[0] == 0 ? 0 : b[2] / b[0])));
        return new Result(sentences.size(), n, pearson(pairs), n == 0 ? 0 : mae / n, n == 0 ? 0 : mae3 / n,
                byBand, List.copyOf(all.subList(0, Math.min(maxMisses, all.size()))));
    }

    /** Pearson's r of gold against predicted; 0 when either side has no variance. */
    static double pearson(List<double[]> pairs) {
        int n = pairs.size();
        if (n < 2) {
            return 0;
        }
        double mx = 0;
        double my = 0;
        for (double[] p : pairs) {
            mx += p[0];
            my += p[1];
        }
        mx /= n;
        my /= n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (double[] p : pairs) {
            sxy += (p[0] - mx) * (p[1] - my);
            sxx += (p[0] - mx) * (p[0] - mx);
            syy += (p[1] - my) * (p[1] - my);
        }
        return sxx == 0 || syy == 0 ? 0 : sxy / Math.sqrt(sxx * syy);
    }
}
