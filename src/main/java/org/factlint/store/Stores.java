package org.factlint.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Locale;
import java.util.Properties;
import org.factlint.Checker;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Opens claim stores: {@code Stores.sqlite(Path.of("desk.store"), Factlint.checker())} for one file on this machine,
 * {@code Stores.jdbc("jdbc:postgresql://db/newsroom", user, password, checker)} for a store the newsroom shares. The
 * schema is created or brought up to date by Flyway migrations ({@code org/factlint/store/migration}) as it opens; a
 * store written by a newer Factlint, a file that is not a store, or a store another process holds locked is refused
 * with an error that names it.
 */
public final class Stores {
    /** The newest schema version this code knows. */
    static final int SCHEMA_VERSION = 5;
    private static final String MIGRATIONS = "classpath:org/factlint/store/migration";
    /** How long an adder waits for another process's transaction before the store counts as locked. */
    static final int BUSY_TIMEOUT_MS = 10_000;

    private Stores() {
    }

    /** A store in one SQLite file, created if absent; flags are timed on the system clock. */
    public static ClaimStore sqlite(Path file, Checker checker) {
        return sqlite(file, checker, Clock.systemUTC());
    }

    /** A store in one SQLite file, created if absent, with the clock flags are timed on. */
    public static ClaimStore sqlite(Path file, Checker checker, Clock clock) {
        return sqlite(file, checker, clock, BUSY_TIMEOUT_MS);
    }

    static ClaimStore sqlite(Path file, Checker checker, Clock clock, int busyTimeoutMs) {
        return sqlite(file, checker, clock, busyTimeoutMs, 0);
    }

    /** As above; {@code maxPages > 0} caps the file's size in pages, as a full disk would (tests). */
    static ClaimStore sqlite(Path file, Checker checker, Clock clock, int busyTimeoutMs, int maxPages) {
        String location = file.toString();
        if (Files.isDirectory(file)) {
            throw new StoreException(location + ": is a directory, not a claim store file");
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new StoreException(location + ": the directory " + parent + " does not exist");
        }
        org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
        config.setBusyTimeout(busyTimeoutMs);
        config.setJournalMode(org.sqlite.SQLiteConfig.JournalMode.WAL); // readers go on while one adder writes
        config.setSynchronous(org.sqlite.SQLiteConfig.SynchronousMode.FULL);
        config.enforceForeignKeys(true);
        if (maxPages > 0) {
            config.setMaxPageCount(maxPages);
        }
        String url = "jdbc:sqlite:" + file.toAbsolutePath();
        Properties props = config.toProperties();
        return open(url, props, location, checker, clock);
    }

    /** A store over JDBC (PostgreSQL: {@code jdbc:postgresql://host/db}); flags are timed on the system clock. */
    public static ClaimStore jdbc(String url, String user, String password, Checker checker) {
        return jdbc(url, user, password, checker, Clock.systemUTC());
    }

    /** A store over JDBC with the clock flags are timed on. */
    public static ClaimStore jdbc(String url, String user, String password, Checker checker, Clock clock) {
        Properties props = new Properties();
        if (user != null) {
            props.setProperty("user", user);
        }
        if (password != null) {
            props.setProperty("password", password);
        }
        if (url.startsWith("jdbc:postgresql:") && !url.contains("reWriteBatchedInserts")) {
            // a batch of inserts sent as multi-row INSERTs: the bulk load writes millions of fact, key and scope rows
            props.setProperty("reWriteBatchedInserts", "true");
        }
        return open(url, props, url.replaceAll("(?i)password=[^&;]*", "password=***"), checker, clock);
    }

    private static ClaimStore open(String url, Properties props, String location, Checker checker, Clock clock) {
        migrate(url, props, location);
        try {
            Connection c = DriverManager.getConnection(url, props);
            return new JdbcClaimStore(c, location, checker, clock);
        } catch (SQLException e) {
            throw explain(location, "cannot open", e);
        }
    }

    /** Brings the schema to {@link #SCHEMA_VERSION}; refuses a store from a newer version or a database of others. */
    private static void migrate(String url, Properties props, String location) {
        Flyway flyway = Flyway.configure(Stores.class.getClassLoader())
                .dataSource(url, props.getProperty("user"), props.getProperty("password"))
                .locations(MIGRATIONS)
                .table("factlint_schema_history")
                .loggers("slf4j")
                .load();
        try {
            MigrationInfo current = flyway.info().current();
            if (current != null && current.getVersion() != null
                    && current.getVersion().getMajor().intValue() > SCHEMA_VERSION) {
                throw new StoreException(location + ": the store has schema version " + current.getVersion()
                        + ", newer than this Factlint knows (" + SCHEMA_VERSION + "): open it with a newer Factlint");
            }
            MigrateResult result = flyway.migrate();
            if (!result.success) {
                throw new StoreException(location + ": cannot bring the store's schema up to date");
            }
        } catch (FlywayException e) {
            throw explainFlyway(location, e);
        }
    }

    private static StoreException explainFlyway(String location, FlywayException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = String.valueOf(e.getMessage()) + " " + root.getMessage();
        String lower = m.toLowerCase(Locale.ROOT);
        if (lower.contains("not a database") || lower.contains("file is encrypted")) {
            return new StoreException(location + ": is not a claim store (not an SQLite database)", e);
        }
        if (lower.contains("non-empty schema") || lower.contains("without schema history")) {
            return new StoreException(location + ": is not a claim store (a database holding other tables)", e);
        }
        if (lower.contains("locked") || lower.contains("busy")) {
            return new StoreException(location + ": is locked by another process", e);
        }
        if (root instanceof SQLException s) {
            return explain(location, "cannot open", s);
        }
        return new StoreException(location + ": cannot open: " + e.getMessage(), e);
    }

    /** An SQL failure worded for a person: what the store is, what went wrong. */
    static StoreException explain(String location, String doing, SQLException e) {
        String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (m.contains("sqlite_busy") || m.contains("database is locked")) {
            return new StoreException(location + ": is locked by another process (" + doing + "); nothing was written",
                    e);
        }
        if (m.contains("sqlite_full") || m.contains("disk is full") || m.contains("no space")) {
            return new StoreException(location + ": the disk is full (" + doing + "); nothing was written", e);
        }
        if (m.contains("not a database")) {
            return new StoreException(location + ": is not a claim store (not an SQLite database)", e);
        }
        if (m.contains("readonly") || m.contains("read-only")) {
            return new StoreException(location + ": is read-only (" + doing + "); nothing was written", e);
        }
        return new StoreException(location + ": " + doing + ": " + e.getMessage(), e);
    }
}
