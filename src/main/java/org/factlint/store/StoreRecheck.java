package org.factlint.store;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.factlint.Batch;
import org.factlint.Checker;
import org.factlint.Flag;
import org.factlint.Report;
import org.factlint.internal.Hooks;
import org.factlint.io.DocumentReader;
import org.factlint.io.Json;
import org.factlint.model.Document;

/**
 * A re-check of a whole store, inside the caller's transaction: with a new pack (its tables and join keys may place
 * facts differently, so every stored document is placed again) or with the same pack on a later clock (claims
 * escalate, forecasts pass). The derived tables (facts, join keys, claims, names) are rebuilt from the stored
 * documents; flags are kept, each open one moved to the component its first claim now falls in, so the caller's
 * comparison of the check's flags with the open ones raises and retracts only what changed.
 */
final class StoreRecheck {
    /** The stored documents placed anew and loaded for one check. */
    record Placement(List<Object> facts, int claims, Map<String, Long> componentOfClaim, Set<Long> components) {
    }

    /** What the caller records: the check's report, the components it covers, each claim's component. */
    record Result(Report report, Set<Long> affected, Map<String, Long> componentOfClaim, int documents,
                  List<Object> facts) {
    }

    /** Places documents into the (emptied) derived tables: the store's own placement. */
    interface Placer {
        Placement place(List<Document> documents) throws SQLException;
    }

    private final Connection connection;
    private final String location;

    StoreRecheck(Connection connection, String location) {
        this.connection = connection;
        this.location = location;
    }

    Result run(Placer placer, Checker checker, Instant now) throws SQLException {
        List<Document> docs = documents();
        Map<Long, String> openFlags = new HashMap<>(); // id -> first claim
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT id, body FROM flags WHERE retracted_at IS NULL"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Flag f = Json.mapper().readValue(rs.getString(2), Flag.class);
                openFlags.put(rs.getLong(1), f.claims().get(0));
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new StoreException(location + ": a stored flag cannot be read back: " + e.getOriginalMessage());
        }
        try (Statement s = connection.createStatement()) {
            for (String table : List.of("facts", "join_keys", "fact_keys", "flag_scope", "claims", "names")) {
                s.executeUpdate("DELETE FROM " + table);
            }
        }
        Placement placed = docs.isEmpty() ? new Placement(List.of(), 0, Map.of(), Set.of()) : placer.place(docs);
        Set<Long> affected = new TreeSet<>(placed.components());
        try (PreparedStatement move = connection.prepareStatement("UPDATE flags SET component = ? WHERE id = ?")) {
            for (Map.Entry<Long, String> f : openFlags.entrySet()) {
                Long component = placed.componentOfClaim().get(f.getValue());
                if (component == null) {
                    component = -1L; // its claim is gone: no check raises it again, so it is retracted
                }
                move.setLong(1, component);
                move.setLong(2, f.getKey());
                move.addBatch();
                affected.add(component);
            }
            move.executeBatch();
        }
        Report report = Hooks.checkFacts(checker.at(now), placed.facts(), placed.claims());
        return new Result(report, affected, placed.componentOfClaim(), docs.size(), placed.facts());
    }

    /** Every stored document, in the order they were added. */
    private List<Document> documents() throws SQLException {
        List<Document> docs = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT article, body FROM documents ORDER BY added_seq"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Batch b = DocumentReader.readJson(rs.getString(1), rs.getString(2).getBytes(StandardCharsets.UTF_8));
                if (b.documents().size() != 1) {
                    throw new StoreException(location + ": stored article '" + rs.getString(1)
                            + "' cannot be read back: " + b.errors());
                }
                docs.add(b.documents().get(0));
            }
        }
        return docs;
    }
}
