package org.factlint.store;

import java.util.List;
import org.factlint.model.Document;

/**
 * A durable memory of every document checked, with the flags they raised and how each flag's life went. Adding a
 * document checks it together with the stored claims its claims can meet (those sharing a join key the pack declares
 * in {@code joins.csv}), in a fresh rules session on the store's clock, and records what changed. Open flags are
 * always those one batch check of every stored document would raise, whatever order the documents came in, on the
 * clock each part of the store was last checked on: an add checks what its document meets on today's clock, and
 * {@link #recheck} brings every part to the clock (claims still unconfirmed escalate, forecasts pass).
 *
 * <p>Implementations are thread-safe. Open one with {@link Stores}; close it when done.
 */
public interface ClaimStore extends AutoCloseable {
    /**
     * Stores a document and checks it with what it meets. All or nothing: the document goes in together with the flag
     * changes it causes, in one transaction, or not at all. Adding a document whose article id is stored with the same
     * content changes nothing; another content under a stored article id is a corrected version and replaces it.
     *
     * @throws StoreException when the document is rejected (it conflicts with stored ones) or the store fails; the
     *     store is then as it was
     */
    Change add(Document document);

    /**
     * Adds documents in one transaction, checked together with what they meet: the bulk load of an archive (one check
     * of all of them, not one per document). One {@link Change} per document, in order; a flag is attributed to the
     * latest of these documents holding one of its claims.
     *
     * @throws StoreException when one is rejected or the store fails; then none is stored
     */
    List<Change> addAll(List<Document> documents);

    /**
     * Re-checks every stored document with {@code checker} on the store's clock, in one transaction, and records what
     * changed: with the same pack on a later clock, claims still unconfirmed escalate and passed forecasts ask what
     * happened; with a new pack (another {@link org.factlint.RulePack#digest()}), its flags replace the old pack's
     * where they differ, and later adds check with it. Each flag raised notes the pack's name and digest. All or
     * nothing: on failure the store is as it was.
     *
     * @throws StoreException when the store fails or the rules do not run to the end
     */
    Recheck recheck(org.factlint.Checker checker);

    /** The flags matching a query, oldest raised first. */
    List<StoredFlag> flags(FlagQuery query);

    /** Every stored document, latest versions, in the order they were added. */
    List<Document> all();

    /** How many documents the store holds. */
    int documents();

    /** How many claims the store holds. */
    int claims();

    /** Where the store is: a file or a JDBC URL (without credentials). */
    String location();

    @Override
    void close();
}
