package org.factlint.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.factlint.model.Document;

/** Adders running at once, each with a store of its own (as separate processes would have), one set of documents each. */
final class ConcurrentAdds {
    private ConcurrentAdds() {
    }

    static void run(List<List<Document>> sets, Supplier<ClaimStore> open) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(sets.size());
        try {
            List<Future<?>> running = new ArrayList<>();
            for (List<Document> set : sets) {
                running.add(pool.submit(() -> {
                    try (ClaimStore store = open.get()) {
                        set.forEach(store::add);
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
