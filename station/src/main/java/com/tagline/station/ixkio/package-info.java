/**
 * The station's ixkio files (platform-api §2.2): the encoding manifest the operator imports, validated
 * as a whole by {@link com.tagline.station.ixkio.EncodingManifest}, and the {@code xuid,uid} association
 * export ({@link com.tagline.station.ixkio.AssociationExport}). The two are pure code;
 * {@link com.tagline.station.ixkio.ManifestImport} and {@link com.tagline.station.ixkio.ConfiguredAssociations}
 * connect them to the store (the commands {@code import-manifest} and {@code export-associations}).
 */
package com.tagline.station.ixkio;
