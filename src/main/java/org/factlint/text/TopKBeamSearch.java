package org.factlint.text;

import java.util.PriorityQueue;

import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.ml.model.SequenceClassificationModel;
import opennlp.tools.util.BeamSearchContextGenerator;
import opennlp.tools.util.Sequence;
import opennlp.tools.util.SequenceValidator;

/**
 * OpenNLP's beam search (Ratnaparkhi's, as {@code opennlp.tools.ml.BeamSearch} runs it: same contexts, scores,
 * validator and queue order, so the same sequences), without its hot spot: {@code BeamSearch} copies and sorts the
 * scores of every outcome at every step of every candidate only to read the k-th best; here one pass keeps the k
 * best. Thread-safe: the
 * model is read-only and each call has its own buffers, so one instance serves every thread's tagger.
 */
final class TopKBeamSearch implements SequenceClassificationModel {
    private static final Object[] NO_CONTEXT = new Object[0];
    private static final double ZERO_LOG = -100000;

    /** A candidate: its last outcome and the candidate it extends. */
    private static final class Node implements Comparable<Node> {
        final Node parent;
        final String outcome;
        final double prob;
        final double score;
        final int size;

        Node() {
            this(null, null, 0, 0, 0);
        }

        Node(Node parent, String outcome, double prob) {
            this(parent, outcome, prob, parent.score + StrictMath.log(prob), parent.size + 1);
        }

        private Node(Node parent, String outcome, double prob, double score, int size) {
            this.parent = parent;
            this.outcome = outcome;
            this.prob = prob;
            this.score = score;
            this.size = size;
        }

        String[] outcomes() {
            String[] out = new String[size];
            Node n = this;
            for (int i = size - 1; i >= 0; i--) {
                out[i] = n.outcome;
                n = n.parent;
            }
            return out;
        }

        @Override
        public int compareTo(Node other) {
            return Double.compare(other.score, this.score);
        }
    }

    private final int beam;
    private final MaxentModel model;

    TopKBeamSearch(int beam, MaxentModel model) {
        if (beam < 1) {
            throw new IllegalArgumentException("beam size " + beam + " is not positive");
        }
        this.beam = beam;
        this.model = model;
    }

    /** A tagger model that decodes with this search instead of OpenNLP's {@code BeamSearch}. */
    static opennlp.tools.postag.POSModel wrap(opennlp.tools.postag.POSModel m) {
        if (!(m.getArtifact("pos.model") instanceof MaxentModel maxent)) {
            return m;
        }
        return new opennlp.tools.postag.POSModel(m.getLanguage(),
                new TopKBeamSearch(beamSize(m, opennlp.tools.postag.POSTaggerME.DEFAULT_BEAM_SIZE), maxent),
                java.util.Map.of(), m.getFactory());
    }

    private static int beamSize(opennlp.tools.util.model.BaseModel m, int otherwise) {
        String size = m.getManifestProperty("BeamSize");
        return size == null ? otherwise : Integer.parseInt(size);
    }

    @Override
    public <T> Sequence[] bestSequences(int numSequences, T[] sequence, Object[] additionalContext,
                                        double minSequenceScore, BeamSearchContextGenerator<T> cg,
                                        SequenceValidator<T> validator) {
        Object[] extra = additionalContext == null ? NO_CONTEXT : additionalContext;
        double[] probs = new double[model.getNumOutcomes()];
        double[] best = new double[beam];
        PriorityQueue<Node> prev = new PriorityQueue<>(beam);
        PriorityQueue<Node> next = new PriorityQueue<>(beam);
        prev.add(new Node());
        for (int i = 0; i < sequence.length; i++) {
            int sz = Math.min(beam, prev.size());
            for (int sc = 0; !prev.isEmpty() && sc < sz; sc++) {
                Node top = prev.remove();
                String[] outcomes = top.outcomes();
                double[] scores = model.eval(cg.getContext(i, sequence, outcomes, extra), probs);
                double min = kthLargest(scores, best);
                for (int p = 0; p < scores.length; p++) {
                    if (scores[p] >= min) {
                        extend(next, top, i, sequence, outcomes, p, scores[p], minSequenceScore, validator);
                    }
                }
                if (next.isEmpty()) {
                    // no candidate among the best: advance every valid one, as OpenNLP does
                    for (int p = 0; p < scores.length; p++) {
                        extend(next, top, i, sequence, outcomes, p, scores[p], minSequenceScore, validator);
                    }
                }
            }
            prev.clear();
            PriorityQueue<Node> t = prev;
            prev = next;
            next = t;
        }
        int n = Math.min(numSequences, prev.size());
        Sequence[] out = new Sequence[n];
        for (int k = 0; k < n; k++) {
            Node winner = prev.remove();
            String[] outs = winner.outcomes();
            double[] ps = new double[winner.size];
            Node x = winner;
            for (int j = winner.size - 1; j >= 0; j--) {
                ps[j] = x.prob;
                x = x.parent;
            }
            Sequence s = new Sequence();
            for (int j = 0; j < outs.length; j++) {
                s.add(outs[j], ps[j]);
            }
            out[k] = s;
        }
        return out;
    }

    private <T> void extend(PriorityQueue<Node> next, Node top, int i, T[] sequence, String[] outcomes, int p,
                            double score, double minSequenceScore, SequenceValidator<T> validator) {
        String out = model.getOutcome(p);
        if (validator.validSequence(i, sequence, outcomes, out)) {
            Node n = new Node(top, out, score);
            if (n.score > minSequenceScore) {
                next.add(n);
            }
        }
    }

    /**
     * The value OpenNLP reads at {@code sorted[max(0, n - beam)]}: the beam-th largest score counting repeats, or the
     * smallest when there are fewer scores than the beam.
     */
    private double kthLargest(double[] scores, double[] best) {
        int k = Math.min(beam, scores.length);
        int have = 0;
        for (double s : scores) {
            int j;
            if (have < k) {
                j = have++;
            } else if (Double.compare(s, best[k - 1]) > 0) {
                j = k - 1;
            } else {
                continue;
            }
            while (j > 0 && Double.compare(best[j - 1], s) < 0) {
                best[j] = best[j - 1];
                j--;
            }
            best[j] = s;
        }
        return best[k - 1];
    }

    @Override
    public <T> Sequence[] bestSequences(int numSequences, T[] sequence, Object[] additionalContext,
                                        BeamSearchContextGenerator<T> cg, SequenceValidator<T> validator) {
        return bestSequences(numSequences, sequence, additionalContext, ZERO_LOG, cg, validator);
    }

    @Override
    public <T> Sequence bestSequence(T[] sequence, Object[] additionalContext, BeamSearchContextGenerator<T> cg,
                                     SequenceValidator<T> validator) {
        Sequence[] s = bestSequences(1, sequence, additionalContext, cg, validator);
        return s.length > 0 ? s[0] : null;
    }

    @Override
    public String[] getOutcomes() {
        String[] out = new String[model.getNumOutcomes()];
        for (int i = 0; i < out.length; i++) {
            out[i] = model.getOutcome(i);
        }
        return out;
    }
}
