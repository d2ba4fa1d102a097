package com.tagline.simulator.ntag424;

import com.tagline.hardware.ntag424.AccessRights;
import com.tagline.hardware.ntag424.CommMode;
import com.tagline.hardware.ntag424.FileSettings;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The three StandardData files of the application D2760000850101 (DS §8.2.2 Table 10; ntag424.md §1),
 * in their delivery state:
 *
 * <pre>
 * FileNo FID  Size CommMode AR R/W/RW/Change  GetFileSettings
 * 01     E103   32 Plain    E/0/0/0           00 00 00E0 200000   (Capability Container)
 * 02     E104  256 Plain    E/E/E/0           00 00 E0EE 000100   (NDEF)
 * 03     E105  128 Full     2/3/3/0           00 03 3023 800000   (proprietary)
 * </pre>
 */
final class ApplicationFiles {
    static final int FILE_CC = 1;
    static final int FILE_NDEF = 2;
    static final int FILE_PROPRIETARY = 3;
    /** Only the NDEF file may carry SDM (DS Table 71: "only allowed for FileNo 02h"). */
    static final int SDM_FILE = FILE_NDEF;
    /**
     * Delivery CC file (ntag424.md §1): CCLEN 0017, T4T 2.0, MLe 0100, MLc 00FF, NDEF TLV E104/0100/00/00,
     * proprietary TLV E105/0080/82/83, then 9×00.
     */
    static final String FACTORY_CC = "001720010000FF0406E10401000000" + "0506E10500808283" + "000000000000000000";

    private final List<StandardDataFile> files;

    private ApplicationFiles(List<StandardDataFile> files) {
        this.files = List.copyOf(files);
    }

    static ApplicationFiles factory() {
        byte[] cc = HexFormat.of().parseHex(FACTORY_CC);
        return new ApplicationFiles(List.of(
                new StandardDataFile(FILE_CC, 0xE103, settings(CommMode.PLAIN, 0xE, 0x0, 0x0, 0x0, 32), cc),
                new StandardDataFile(FILE_NDEF, 0xE104, settings(CommMode.PLAIN, 0xE, 0xE, 0xE, 0x0, 256),
                        new byte[256]),
                new StandardDataFile(FILE_PROPRIETARY, 0xE105, settings(CommMode.FULL, 0x2, 0x3, 0x3, 0x0, 128),
                        new byte[128])));
    }

    private static FileSettings settings(CommMode mode, int read, int write, int readWrite, int change, int size) {
        return new FileSettings(mode, new AccessRights(read, write, readWrite, change), size, Optional.empty());
    }

    Optional<StandardDataFile> byNumber(int fileNo) {
        return files.stream().filter(f -> f.fileNo() == fileNo).findFirst();
    }

    Optional<StandardDataFile> byFid(int fid) {
        return files.stream().filter(f -> f.fid() == fid).findFirst();
    }

    /** The file with this number; for configuration and inspection, not for commands. */
    StandardDataFile file(int fileNo) {
        return byNumber(fileNo).orElseThrow(() -> new IllegalArgumentException("no file " + fileNo));
    }
}
