package com.tagline.station.store;

import java.time.Instant;

/**
 * One encoding lease as the store knows it.
 *
 * @param available   leased tags not yet used up (to renew, or to give back on release)
 * @param unconfirmed outcomes of its tags the platform has not confirmed yet (a lease with any is
 *                    never released: its tags would go back to the pool before their report lands)
 */
public record LeaseSummary(String leaseId, Instant expiresAt, int available, int unconfirmed) {
}
