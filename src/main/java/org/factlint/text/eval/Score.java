package org.factlint.text.eval;

/**
 * Precision, recall and F1 from counts. Precision counts predictions that match some gold item, recall counts gold
 * items that some prediction matches, so with overlap matching the two numerators may differ.
 */
public record Score(int predictedMatched, int predicted, int goldMatched, int gold) {
    public Score {
        if (predictedMatched < 0 || predictedMatched > predicted || goldMatched < 0 || goldMatched > gold) {
            throw new IllegalArgumentException("inconsistent counts " + predictedMatched + "/" + predicted + ", "
                    + goldMatched + "/" + gold);
        }
    }

    public double precision() {
        return predicted == 0 ? 0 : (double) predictedMatched / predicted;
    }

    public double recall() {
        return gold == 0 ? 0 : (double) goldMatched / gold;
    }

    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    Score plus(Score o) {
        return new Score(predictedMatched + o.predictedMatched, predicted + o.predicted, goldMatched + o.goldMatched,
                gold + o.gold);
    }

    static final Score ZERO = new Score(0, 0, 0, 0);
}
