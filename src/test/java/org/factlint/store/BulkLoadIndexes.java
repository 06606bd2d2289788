package org.factlint.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;

/** The secondary indexes of a store's database, name to definition, as its catalogue gives them (tests). */
final class BulkLoadIndexes {
    private BulkLoadIndexes() {
    }

    static Map<String, String> of(String url, String user) throws Exception {
        boolean postgres = url.startsWith("jdbc:postgresql:");
        String sql = postgres ? "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema()"
                : "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL";
        Map<String, String> out = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(url, user, null); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2));
            }
        }
        return out;
    }
}
