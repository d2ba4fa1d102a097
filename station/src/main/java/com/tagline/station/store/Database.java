package com.tagline.station.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.sqlite.SQLiteConfig;

/**
 * The single writer connection and its transaction discipline (architecture §5): WAL journal,
 * {@code synchronous=FULL} (a commit is on disk when it returns), foreign keys on, a busy timeout.
 *
 * <p>A {@linkplain #inDeferredTransaction deferred} transaction commits with {@code synchronous=NORMAL}: in
 * WAL mode that skips the fsync, so the commit may be lost by a power cut until the next durable commit,
 * whose fsync of the WAL makes every earlier frame durable with it (the WAL is written in order). It is for
 * records the restart can do without (architecture §5: what it can read back from the chip itself), and each
 * saves an fsync, milliseconds on an SD card.
 *
 * <p>Threading: not thread-safe. The thread that opened it owns it; a call from any other thread is
 * refused with {@link StoreException}, so one thread is the only writer.
 */
final class Database implements AutoCloseable {
    /** Pages in the WAL before SQLite copies them into the database (a checkpoint). */
    static final int WAL_AUTOCHECKPOINT_PAGES = 10_000;

    private final Connection connection;
    private final Thread owner;
    private long durableCommits;

    private Database(Connection connection) {
        this.connection = connection;
        this.owner = Thread.currentThread();
    }

    static Database open(StoreConfig config) {
        SQLiteConfig sqlite = new SQLiteConfig();
        sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
        sqlite.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        sqlite.enforceForeignKeys(true);
        sqlite.setBusyTimeout(config.busyTimeoutMs());
        Properties props = sqlite.toProperties();
        String url = "jdbc:sqlite:" + config.file().toAbsolutePath();
        try {
            Connection c = DriverManager.getConnection(url, props);
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                // A checkpoint costs two fsyncs (WAL, then the database). At SQLite's default of 1000 pages one
                // came every ~30 chips; at 10,000 (a WAL of up to ~40 MB) it comes every few hundred.
                s.execute("PRAGMA wal_autocheckpoint = " + WAL_AUTOCHECKPOINT_PAGES);
            }
            return new Database(c);
        } catch (SQLException e) {
            throw new StoreException("open", "cannot open " + config.file() + ": " + e.getMessage(), e);
        }
    }

    /** Work done with the connection inside one transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /**
     * Runs {@code work} in one transaction ({@code BEGIN IMMEDIATE}, so the write lock is taken up
     * front) and commits it; on any failure it rolls back and rethrows, JDBC errors as
     * {@link StoreException} naming {@code operation}.
     */
    <T> T inTransaction(String operation, Work<T> work) {
        return transaction(operation, work, true);
    }

    /**
     * As {@link #inTransaction}, but committed without an fsync: durable only with the next durable commit.
     * Only for what a restart can do without.
     */
    <T> T inDeferredTransaction(String operation, Work<T> work) {
        return transaction(operation, work, false);
    }

    /** Durable commits that wrote something (each is one fsync of the WAL), since open. */
    long durableCommits() {
        return durableCommits;
    }

    private <T> T transaction(String operation, Work<T> work, boolean durable) {
        checkOwner(operation);
        try {
            if (!durable) {
                execute("PRAGMA synchronous = NORMAL");
            }
            try {
                long before = totalChanges();
                execute("BEGIN IMMEDIATE");
                try {
                    T result = work.run(connection);
                    execute("COMMIT");
                    if (durable && totalChanges() != before) {
                        durableCommits++;
                    }
                    return result;
                } catch (SQLException | RuntimeException e) {
                    rollbackQuietly(e);
                    throw e;
                }
            } finally {
                if (!durable) {
                    execute("PRAGMA synchronous = FULL");
                }
            }
        } catch (SQLException e) {
            throw new StoreException(operation, describe(e), e);
        }
    }

    private long totalChanges() throws SQLException {
        try (Statement s = connection.createStatement(); java.sql.ResultSet rs = s.executeQuery("SELECT total_changes()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Runs a read outside any explicit transaction. */
    <T> T read(String operation, Work<T> work) {
        checkOwner(operation);
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StoreException(operation, describe(e), e);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }

    private void rollbackQuietly(Exception cause) {
        try {
            execute("ROLLBACK");
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private void checkOwner(String operation) {
        if (Thread.currentThread() != owner) {
            throw new StoreException(operation, "called from thread " + Thread.currentThread().getName()
                    + "; the store belongs to thread " + owner.getName());
        }
    }

    private static String describe(SQLException e) {
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("close", describe(e), e);
        }
    }
}
