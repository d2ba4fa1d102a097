/**
 * The station's ixkio files (platform-api §2.2): the encoding manifest the operator imports, validated
 * as a whole by {@link com.tagline.station.ixkio.EncodingManifest}, and the {@code xuid,uid} association
 * export ({@link com.tagline.station.ixkio.AssociationExport}). Pure code; the store wiring lives elsewhere.
 */
package com.tagline.station.ixkio;
