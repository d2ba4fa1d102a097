package com.tagline.station.store;

import java.util.List;

/**
 * One schema step: applied once, in one transaction, together with its {@code schema_version} row.
 *
 * @param version     strictly increasing from 1
 * @param description what the step does, stored with the version
 * @param statements  the DDL/DML to run, in order
 */
record Migration(int version, String description, List<String> statements) {
    Migration {
        statements = List.copyOf(statements);
    }
}
