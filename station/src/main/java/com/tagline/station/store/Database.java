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
 * <p>Threading: not thread-safe. The thread that opened it owns it; a call from any other thread is
 * refused with {@link StoreException}, so one thread is the only writer.
 */
final class Database implements AutoCloseable {
    private final Connection connection;
    private final Thread owner;

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
        checkOwner(operation);
        try {
            execute("BEGIN IMMEDIATE");
            try {
                T result = work.run(connection);
                execute("COMMIT");
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(e);
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException(operation, describe(e), e);
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
