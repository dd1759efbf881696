/**
 * Getting NSIDC data: search NASA's CMR for NSIDC-0081 / NSIDC-0051 v2 daily northern 25 km files,
 * sign in through Earthdata Login (token or {@code .netrc}), and fetch them safely (temporary file and
 * atomic rename, retries with backoff, length and checksum checks, bounded parallelism, cancel).
 * Entry point: {@link org.iceising.data.download.EarthdataDownloader}.
 */
package org.iceising.data.download;
