package com.tagline.station.doctor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The system user the service runs as ({@code tagline}, made by the package's postinst) as
 * {@code /etc/passwd} and {@code /etc/group} describe it, and what it may do with a file by the file's
 * owner, group and mode (no ACLs: the devices and directories the station uses have none by default).
 */
public record ServiceAccount(String name, int uid, int gid, Set<Integer> groups, Set<String> groupNames) {

    /** The account {@code name} from the two files, empty when there is no such user. */
    public static Optional<ServiceAccount> lookup(String name, Path passwd, Path group) {
        try {
            Optional<String[]> user = Files.readAllLines(passwd).stream().map(l -> l.split(":", -1))
                    .filter(f -> f.length >= 4 && f[0].equals(name)).findFirst();
            if (user.isEmpty()) {
                return Optional.empty();
            }
            int uid = Integer.parseInt(user.get()[2]);
            int gid = Integer.parseInt(user.get()[3]);
            Set<Integer> gids = new HashSet<>(Set.of(gid));
            Set<String> names = new HashSet<>();
            for (String line : Files.readAllLines(group)) {
                String[] f = line.split(":", -1);
                if (f.length < 4) {
                    continue;
                }
                int g = Integer.parseInt(f[2]);
                if (g == gid || List.of(f[3].split(",")).contains(name)) {
                    gids.add(g);
                    names.add(f[0]);
                }
            }
            return Optional.of(new ServiceAccount(name, uid, gid, Set.copyOf(gids), Set.copyOf(names)));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The account on this host ({@code /etc/passwd}, {@code /etc/group}). */
    public static Optional<ServiceAccount> lookup(String name) {
        return lookup(name, Path.of("/etc/passwd"), Path.of("/etc/group"));
    }

    /** Whether this account may read and write {@code file}, by owner, group and mode. */
    public boolean mayReadWrite(Path file) throws IOException {
        return allows(file, Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Set.of(PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE),
                Set.of(PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE));
    }

    /** Whether this account may make an entry (a directory) in {@code dir}: write and search permission. */
    public boolean mayCreateIn(Path dir) throws IOException {
        return allows(dir, Set.of(PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE),
                Set.of(PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE),
                Set.of(PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE));
    }

    /** The permission class that applies to this account (owner, else group, else others) holds {@code needed}. */
    private boolean allows(Path file, Set<PosixFilePermission> asOwner, Set<PosixFilePermission> asGroup,
                           Set<PosixFilePermission> asOthers) throws IOException {
        int owner = (Integer) Files.getAttribute(file, "unix:uid");
        int fileGroup = (Integer) Files.getAttribute(file, "unix:gid");
        Set<PosixFilePermission> p = Files.getPosixFilePermissions(file);
        if (uid == 0) {
            return true;
        }
        if (owner == uid) {
            return p.containsAll(asOwner);
        }
        return groups.contains(fileGroup) ? p.containsAll(asGroup) : p.containsAll(asOthers);
    }
}
