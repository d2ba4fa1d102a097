package com.tagline.simulator.ntag424;

import java.time.Duration;
import java.time.Instant;

/**
 * The application's five AES-128 keys 00..04 with their versions and failed-authentication counters
 * (DS §8.2.3.2, §9 introduction, §10.6; ntag424.md §1). Factory state: all keys 16×00, versions 00.
 * Non-volatile: survives a power cycle. Never exposes keys through {@link #toString()}.
 */
final class ApplicationKeys {
    static final int COUNT = 5;
    static final int KEY_LENGTH = 16;

    private final byte[][] keys = new byte[COUNT][KEY_LENGTH];
    private final int[] versions = new int[COUNT];
    private final int[] totFailCtr = new int[COUNT];
    private final int[] consecutiveFailures = new int[COUNT];
    private final Instant[] delayUntil = new Instant[COUNT];
    private final FailedAuthenticationPolicy policy;

    ApplicationKeys(FailedAuthenticationPolicy policy) {
        this.policy = policy;
    }

    static boolean exists(int keyNo) {
        return keyNo >= 0 && keyNo < COUNT;
    }

    byte[] key(int keyNo) {
        return keys[keyNo].clone();
    }

    int version(int keyNo) {
        return versions[keyNo];
    }

    int totFailCtr(int keyNo) {
        return totFailCtr[keyNo];
    }

    /** ChangeKey (DS §10.6.1): new key and version; the key's counters return to delivery values (AN12196 §6.4). */
    void change(int keyNo, byte[] key, int version) {
        if (key.length != KEY_LENGTH) {
            throw new IllegalArgumentException("AES-128 key must be 16 bytes");
        }
        keys[keyNo] = key.clone();
        versions[keyNo] = version & 0xFF;
        totFailCtr[keyNo] = 0;
        consecutiveFailures[keyNo] = 0;
        delayUntil[keyNo] = null;
    }

    /** TotFailCtr reached TotFailCtrLimit: the key cannot authenticate (DS §9, Table 39). */
    boolean blocked(int keyNo) {
        return totFailCtr[keyNo] >= policy.totFailCtrLimit();
    }

    /** An authentication delay is still running for this key (DS §9: AUTHENTICATION_DELAY). */
    boolean delayed(int keyNo, Instant now) {
        return delayUntil[keyNo] != null && now.isBefore(delayUntil[keyNo]);
    }

    void recordFailure(int keyNo, Instant now) {
        totFailCtr[keyNo] = Math.min(totFailCtr[keyNo] + 1, 0xFFFF);
        consecutiveFailures[keyNo]++;
        Duration delay = policy.delayFor(consecutiveFailures[keyNo]);
        delayUntil[keyNo] = delay.isZero() ? null : now.plus(delay);
    }

    void recordSuccess(int keyNo) {
        totFailCtr[keyNo] = Math.max(0, totFailCtr[keyNo] - policy.totFailCtrDecrement());
        consecutiveFailures[keyNo] = 0;
        delayUntil[keyNo] = null;
    }

    @Override
    public String toString() {
        return "ApplicationKeys[versions=" + java.util.Arrays.toString(versions) + ", keys redacted]";
    }
}
