package com.tagline.simulator.ntag424;

import static com.tagline.simulator.ntag424.TestHost.ZERO_KEY;
import static com.tagline.simulator.ntag424.TestHost.concat;
import static com.tagline.simulator.ntag424.TestHost.hex;
import static com.tagline.simulator.ntag424.TestHost.nativeApdu;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tagline.hardware.crypto.Aes;
import com.tagline.hardware.crypto.Crc32Nk;
import com.tagline.hardware.ntag424.CommMode;
import com.tagline.simulator.line.SimulatedClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** TotFailCtr and the authentication delay (DS §9 introduction, Table 39; {@link FailedAuthenticationPolicy}). */
class FailedAuthenticationTest {
    private static final String RND_B = "B0B1B2B3B4B5B6B7B8B9BABBBCBDBEBF";
    private static final byte[] RND_A = hex("A0A1A2A3A4A5A6A7A8A9AAABACADAEAF");

    private final ScriptedRandom random = new ScriptedRandom();
    private final SimulatedClock clock = new SimulatedClock(Instant.parse("2025-01-01T00:00:00Z"));

    private TestHost host(FailedAuthenticationPolicy policy) {
        SimulatedNtag424 chip = SimulatedNtag424.builder().uid(hex("04AABBCCDDEEFF")).random(random).clock(clock)
                .failedAuthenticationPolicy(policy).build();
        TestHost host = new TestHost(chip);
        host.selectApplication();
        return host;
    }

    /** Part 1 then a part 2 encrypted with a wrong key. */
    private void fail(TestHost host, int keyNo) {
        random.then(RND_B).then("C0C1C2C3");
        host.expect(0x91AF, host.send("90710000020" + keyNo + "0000"));
        host.expect(0x91AE, host.send(nativeApdu(0xAF, Aes.cbcEncryptZeroIv(hex("FF".repeat(16)), new byte[32]))));
    }

    private void succeed(TestHost host, int keyNo) {
        random.then(RND_B).then("C0C1C2C3");
        host.authenticateFirst(keyNo, ZERO_KEY, RND_A);
    }

    @Test
    void delayStartsAfterConsecutiveFailuresAndGrowsOnTheInjectedClock() {
        TestHost host = host(FailedAuthenticationPolicy.defaults()
                .withDelay(3, Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ofSeconds(30)));
        fail(host, 0);
        fail(host, 0);
        fail(host, 0);
        host.expect(0x91AD, host.send("9071000002000000"));
        clock.advance(Duration.ofSeconds(9));
        host.expect(0x91AD, host.send("9071000002000000"));
        fail(host, 1); // other keys keep their own counters
        clock.advance(Duration.ofSeconds(1));
        fail(host, 0); // 4th in a row: 15 s
        clock.advance(Duration.ofSeconds(14));
        host.expect(0x91AD, host.send("9071000002000000"));
        clock.advance(Duration.ofSeconds(1));
        succeed(host, 0);
        fail(host, 0); // streak restarted: no delay
        succeed(host, 0);
    }

    @Test
    void delaySurvivesAPowerCycle() {
        TestHost host = host(FailedAuthenticationPolicy.defaults()
                .withDelay(1, Duration.ofSeconds(5), Duration.ZERO, Duration.ofSeconds(5)));
        fail(host, 0);
        SimulatedNtag424 chip = host.chip();
        chip.powerCycle();
        host.selectApplication();
        host.expect(0x91AD, host.send("9071000002000000"));
        assertEquals(1, chip.totFailCtr(0));
    }

    @Test
    void totFailCtrCountsFailuresDecrementsOnSuccessAndBlocksAtTheLimit() {
        TestHost host = host(FailedAuthenticationPolicy.defaults().withTotFailCtr(5, 2));
        SimulatedNtag424 chip = host.chip();
        fail(host, 1);
        fail(host, 1);
        fail(host, 1);
        assertEquals(3, chip.totFailCtr(1));
        succeed(host, 1);
        assertEquals(1, chip.totFailCtr(1));
        for (int i = 0; i < 4; i++) {
            fail(host, 1);
        }
        assertEquals(5, chip.totFailCtr(1));
        host.expect(0x919D, host.send("9071000002010000")); // DS Table 39: key locked
        assertEquals(5, chip.totFailCtr());

        succeed(host, 0);
        byte[] keyData = concat(new byte[16], new byte[] {1}, Crc32Nk.of(new byte[16]));
        host.call(0xC4, new byte[] {1}, keyData, CommMode.FULL); // ChangeKey resets the key's counters
        assertEquals(0, chip.totFailCtr(1));
        succeed(host, 1);
        assertTrue(chip.isAuthenticated());
    }

    @Test
    void policyRejectsImpossibleValues() {
        assertThrows(IllegalArgumentException.class, () -> new FailedAuthenticationPolicy(0, 10, 50,
                Duration.ZERO, Duration.ZERO, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> FailedAuthenticationPolicy.defaults()
                .withDelay(1, Duration.ofSeconds(2), Duration.ZERO, Duration.ofSeconds(1)));
        assertEquals(Duration.ofSeconds(60), FailedAuthenticationPolicy.defaults().delayFor(1000));
        assertEquals(Duration.ZERO, FailedAuthenticationPolicy.defaults().delayFor(49));
    }
}
