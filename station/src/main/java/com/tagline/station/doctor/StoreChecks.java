package com.tagline.station.doctor;

import com.tagline.hardware.IoReason;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.sqlite.SQLiteConfig;

/**
 * Free disk against {@code store.min_free_mb} ({@code disk}), and the SQLite store ({@code store}):
 * the data directory is the service user's, and {@code station.db}, when there is one, opens read-only
 * and passes {@code PRAGMA quick_check} (sqlite.org/pragma.html#pragma_quick_check). Read-only: the
 * doctor never migrates or writes the store; WAL side files it had to create (run as root) are given
 * back to the store's owner, or the service could not open them.
 */
final class StoreChecks implements CheckGroup {
    private final Path dataDir;
    private final long minFreeBytes;
    private final Optional<ServiceAccount> account;

    StoreChecks(Path dataDir, long minFreeBytes, Optional<ServiceAccount> account) {
        this.dataDir = dataDir;
        this.minFreeBytes = minFreeBytes;
        this.account = account;
    }

    @Override
    public List<String> names() {
        return List.of("disk", "store");
    }

    @Override
    public void run(Consumer<Finding> out) {
        out.accept(disk());
        out.accept(store());
    }

    private Finding disk() {
        Path p = dataDir.toAbsolutePath().normalize();
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        try {
            FileStore fs = Files.getFileStore(p);
            long free = fs.getUsableSpace();
            String text = mib(free) + " free for " + dataDir + " (store.min_free_mb " + mib(minFreeBytes) + ")";
            if (free < minFreeBytes) {
                return Finding.fail("disk", text + ": the station stops leasing below it; free space on " + fs);
            }
            if (free < 2 * minFreeBytes) {
                return Finding.warn("disk", text + ": less than twice the minimum; free space on " + fs);
            }
            if (!Files.isDirectory(dataDir)) {
                // the free space is the nearest existing parent's; whether the store can be made there is the news
                return Finding.warn("disk", dataDir + " does not exist yet; " + creatable(p) + "; " + mib(free)
                        + " free there (store.min_free_mb " + mib(minFreeBytes) + ")");
            }
            return Finding.pass("disk", text);
        } catch (IOException | RuntimeException e) {
            return Finding.fail("disk", "cannot tell the free space for " + dataDir + ": " + e.getMessage());
        }
    }

    /** Whether the service user could make the data directory in {@code parent}, its nearest existing parent. */
    private String creatable(Path parent) throws IOException {
        if (account.isEmpty()) {
            return "there is no service user on this host to check whether it may be made in " + parent;
        }
        String user = account.get().name();
        return account.get().mayCreateIn(parent) ? parent + " is writable by user " + user
                : parent + " is not writable by user " + user + ": make it with install -d -o " + user + " -g "
                        + user + " -m 750 " + dataDir;
    }

    private Finding store() {
        if (!Files.isDirectory(dataDir)) {
            return Finding.fail("store", dataDir + " does not exist; create it for the service user:"
                    + " install -d -o tagline -g tagline -m 750 " + dataDir);
        }
        try {
            String dir = dataDir + " " + FileFacts.of(dataDir).describe();
            if (account.isPresent() && !account.get().mayReadWrite(dataDir)) {
                return Finding.fail("store", dir + ": user " + account.get().name() + " may not write it; chown "
                        + account.get().name() + " " + dataDir);
            }
            Path db = dataDir.resolve("station.db");
            if (!Files.exists(db)) {
                return Finding.pass("store", "no station.db yet in " + dir + " (made at the first start)");
            }
            return quickCheck(db);
        } catch (IOException e) {
            return Finding.fail("store", "cannot inspect " + dataDir + ": " + IoReason.of(e));
        }
    }

    private Finding quickCheck(Path db) throws IOException {
        Path wal = Path.of(db + "-wal");
        Path shm = Path.of(db + "-shm");
        boolean walBefore = Files.exists(wal);
        boolean shmBefore = Files.exists(shm);
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(2_000);
        try (Connection c = config.createConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            String result;
            try (ResultSet rs = s.executeQuery("PRAGMA quick_check")) {
                result = rs.next() ? rs.getString(1) : "no answer";
            }
            String version;
            try (ResultSet rs = s.executeQuery("SELECT max(version) FROM schema_version")) {
                version = rs.next() ? String.valueOf(rs.getInt(1)) : "none";
            } catch (SQLException e) {
                version = "none (no schema_version table)";
            }
            if (!"ok".equals(result)) {
                return Finding.fail("store", db + " quick_check: " + result + "; stop the service and keep a copy of "
                        + dataDir + " before anything else");
            }
            return Finding.pass("store", db + " " + (Files.size(db) + 1023) / 1024 + " KiB, schema version " + version
                    + ", quick_check ok");
        } catch (SQLException e) {
            return Finding.fail("store", db + " does not open: " + e.getMessage());
        } finally {
            giveBack(db, wal, walBefore);
            giveBack(db, shm, shmBefore);
        }
    }

    /** A side file this process created goes to the database's owner and group. */
    private static void giveBack(Path db, Path side, boolean existedBefore) throws IOException {
        if (existedBefore || !Files.exists(side)) {
            return;
        }
        UserPrincipal owner = Files.getOwner(db);
        if (!owner.equals(Files.getOwner(side))) {
            Files.setOwner(side, owner);
            Files.setAttribute(side, "unix:gid", Files.getAttribute(db, "unix:gid"));
        }
    }

    private static String mib(long bytes) {
        return (bytes / (1024 * 1024)) + " MiB";
    }
}
