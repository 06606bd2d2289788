package org.factlint.store;

import java.nio.file.Path;
import java.util.List;
import org.factlint.Factlint;
import org.factlint.model.Document;
import org.factlint.property.Claims;

/** A child process for the kill test: adds generated documents to a store until it is killed. */
public final class AddLoop {
    private AddLoop() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        String prefix = args[1];
        try (ClaimStore store = Stores.sqlite(file, Factlint.checker())) {
            for (int round = 0; ; round++) {
                List<Document> docs = Claims.documentSets(prefix + round + "x").sample();
                for (Document d : docs) {
                    store.add(d);
                }
                if (round == 0) {
                    System.out.println("added"); // warmed up: the parent kills from now on, mid-add
                    System.out.flush();
                }
            }
        }
    }
}
