package com.tagline.station.store;

import java.time.Instant;

/**
 * One encoding lease as the store knows it.
 *
 * @param available   leased tags not yet used up (to renew, or to give back on release)
 * @param unconfirmed outcomes of its tags the platform has not confirmed yet, plus attempts of its tags
 *                    still in flight or interrupted (a lease with any is never released: its tags would go
 *                    back to the pool before their report lands, or while a chip part-way through one may
 *                    still come back), plus tags held by a chip (architecture §5: they belong to it)
 */
public record LeaseSummary(String leaseId, Instant expiresAt, int available, int unconfirmed) {
}
