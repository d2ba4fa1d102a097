package com.tagline.hardware.ntag223;

import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Everything about an NTAG 223 DNA that public sources only infer (ntag223.md §13), gathered so a
 * real-tag check can change it without touching code: the page map, the configuration bits, the
 * capability container, the READ_CNT address, the factory password and the frame waiting times.
 * The host and the simulator read the same profile.
 *
 * @param pages page addresses (ntag223.md §2.1)
 * @param bits configuration bits (§3)
 * @param capabilityContainer the CC for this chip, {@code E1 10 12 00} (12h × 8 = 144 bytes) [inferred]
 * @param readCntAddress counter number for READ_CNT {@code 39 nn}, 02h as NTAG21x [inferred]
 * @param factoryPassword PWD at delivery, FFFFFFFFh as NTAG21x [inferred]
 * @param factoryPack PACK at delivery, 0000h as NTAG21x [inferred]
 * @param readTimeout the chip's T_timeout for READ, FAST_READ, GET_VERSION, READ_SIG, PWD_AUTH,
 *     READ_CNT and COMPATIBILITY_WRITE part 1: 5 ms (NTAG21x, pn532.md §4) [inferred]
 * @param writeTimeout T_timeout for WRITE and COMPATIBILITY_WRITE part 2: 10 ms [inferred]
 */
public record Ntag223Profile(MemoryMap pages, ConfigBits bits, byte[] capabilityContainer, int readCntAddress,
        byte[] factoryPassword, byte[] factoryPack, Duration readTimeout, Duration writeTimeout) {
    public Ntag223Profile {
        Objects.requireNonNull(pages);
        Objects.requireNonNull(bits);
        if (capabilityContainer.length != 4 || factoryPassword.length != 4 || factoryPack.length != 2) {
            throw new IllegalArgumentException("CC is 4 bytes, PWD 4 bytes, PACK 2 bytes");
        }
        if (readCntAddress < 0 || readCntAddress > 0xFF) {
            throw new IllegalArgumentException("READ_CNT address is one byte");
        }
        if (readTimeout.isNegative() || readTimeout.isZero() || writeTimeout.isNegative() || writeTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
        capabilityContainer = capabilityContainer.clone();
        factoryPassword = factoryPassword.clone();
        factoryPack = factoryPack.clone();
    }

    /** The NTAG 223 DNA as ntag223.md describes it, [inferred] values included. */
    public static Ntag223Profile defaults() {
        HexFormat hex = HexFormat.of();
        return new Ntag223Profile(MemoryMap.ntag223(), ConfigBits.defaults(), hex.parseHex("E1101200"), 0x02,
                hex.parseHex("FFFFFFFF"), hex.parseHex("0000"), Duration.ofMillis(5), Duration.ofMillis(10));
    }

    public Ntag223Profile withBits(ConfigBits value) {
        return new Ntag223Profile(pages, value, capabilityContainer, readCntAddress, factoryPassword, factoryPack,
                readTimeout, writeTimeout);
    }

    public Ntag223Profile withReadCntAddress(int value) {
        return new Ntag223Profile(pages, bits, capabilityContainer, value, factoryPassword, factoryPack, readTimeout,
                writeTimeout);
    }

    public Ntag223Profile withTimeouts(Duration read, Duration write) {
        return new Ntag223Profile(pages, bits, capabilityContainer, readCntAddress, factoryPassword, factoryPack,
                read, write);
    }

    @Override
    public byte[] capabilityContainer() {
        return capabilityContainer.clone();
    }

    @Override
    public byte[] factoryPassword() {
        return factoryPassword.clone();
    }

    @Override
    public byte[] factoryPack() {
        return factoryPack.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ntag223Profile p && pages.equals(p.pages) && bits.equals(p.bits)
                && java.util.Arrays.equals(capabilityContainer, p.capabilityContainer)
                && readCntAddress == p.readCntAddress && java.util.Arrays.equals(factoryPassword, p.factoryPassword)
                && java.util.Arrays.equals(factoryPack, p.factoryPack) && readTimeout.equals(p.readTimeout)
                && writeTimeout.equals(p.writeTimeout);
    }

    @Override
    public int hashCode() {
        return Objects.hash(pages, bits, readCntAddress, readTimeout, writeTimeout);
    }

    @Override
    public String toString() {
        return "Ntag223Profile[" + pages + ", " + bits + ", cc=" + HexFormat.of().withUpperCase()
                .formatHex(capabilityContainer) + ", readCnt=" + readCntAddress + ", timeouts=" + readTimeout + "/"
                + writeTimeout + "]";
    }
}
