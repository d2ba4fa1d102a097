/**
 * The station's client of the ixkio Management API (platform-api §2): {@link
 * com.tagline.station.platform.ixkio.IxkioClient} PATCHes tag codes with {@link
 * com.tagline.station.platform.ixkio.TagCodeUpdate}s and answers {@link
 * com.tagline.station.platform.ixkio.UpdateResult}s.
 */
package com.tagline.station.platform.ixkio;
