package org.factlint;

import java.util.ArrayList;
import java.util.List;
import org.factlint.model.Document;

/**
 * Documents read from one or more inputs: the ones accepted and, for the rest, why not.
 * {@code read() == documents().size() + errors-rejected documents}, see {@link #rejected()}.
 *
 * @param read     how many documents were found in the input
 * @param rejected how many of them were rejected (each has at least one entry in {@code errors})
 */
public record Batch(List<Document> documents, List<InputError> errors, int read, int rejected) {
    public Batch {
        documents = List.copyOf(documents);
        errors = List.copyOf(errors);
        if (read != documents.size() + rejected) {
            throw new IllegalArgumentException("read (" + read + ") must equal accepted (" + documents.size()
                    + ") + rejected (" + rejected + ")");
        }
    }

    public static Batch of(List<Document> documents) {
        return new Batch(documents, List.of(), documents.size(), 0);
    }

    public int accepted() {
        return documents.size();
    }

    /** Batches one after another, in one pass (a loop of {@link #plus} copies the lists every time). */
    public static Batch concat(List<Batch> parts) {
        List<Document> docs = new ArrayList<>();
        List<InputError> errs = new ArrayList<>();
        int read = 0;
        int rejected = 0;
        for (Batch b : parts) {
            docs.addAll(b.documents);
            errs.addAll(b.errors);
            read += b.read;
            rejected += b.rejected;
        }
        return new Batch(docs, errs, read, rejected);
    }

    /** This batch followed by another: counts add up. */
    public Batch plus(Batch other) {
        List<Document> docs = new ArrayList<>(documents);
        docs.addAll(other.documents);
        List<InputError> errs = new ArrayList<>(errors);
        errs.addAll(other.errors);
        return new Batch(docs, errs, read + other.read, rejected + other.rejected);
    }
}
