package com.tagline.station.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceAccountTest {
    @TempDir
    Path dir;

    @Test
    void readsTheUserAndEveryGroupItIsIn() throws Exception {
        Path passwd = Files.writeString(dir.resolve("passwd"), "root:x:0:0:root:/root:/bin/bash\n"
                + "tagline:x:103:106:Tagline encoding station:/var/lib/tagline:/usr/sbin/nologin\n");
        Path group = Files.writeString(dir.resolve("group"), "root:x:0:\ndialout:x:20:pi,tagline\n"
                + "gpio:x:997:tagline\ntagline:x:106:\nvideo:x:44:pi\n");
        ServiceAccount a = ServiceAccount.lookup("tagline", passwd, group).orElseThrow();
        assertEquals(103, a.uid());
        assertEquals(Set.of(20, 997, 106), a.groups());
        assertEquals(Set.of("dialout", "gpio", "tagline"), a.groupNames());
        assertEquals(Optional.empty(), ServiceAccount.lookup("nobody-here", passwd, group));
    }

    @Test
    void judgesAccessByOwnerGroupAndMode() throws Exception {
        Path file = Files.createFile(dir.resolve("ttyAMA0"));
        int gid = (Integer) Files.getAttribute(file, "unix:gid");
        int owner = (Integer) Files.getAttribute(file, "unix:uid");
        // Neither root nor the owner: the group bits decide, then the others' bits.
        ServiceAccount inGroup = new ServiceAccount("t", owner + 4242, 1, Set.of(1, gid), Set.of());
        ServiceAccount outside = new ServiceAccount("t", owner + 4242, 1, Set.of(1), Set.of());
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw----"));
        assertTrue(inGroup.mayReadWrite(file));
        assertTrue(!outside.mayReadWrite(file));
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r-----"));
        assertTrue(!inGroup.mayReadWrite(file));
    }
}
