package org.iceising.data.download;

import java.util.List;

/**
 * What a CMR search found.
 *
 * @param granules the daily northern 25 km files in the date range, one per file name, by date
 * @param rejected data links refused (a path or {@code ..} in the name, not https), one sentence each
 */
public record CmrSearchResult(List<Granule> granules, List<String> rejected) {

    public CmrSearchResult {
        granules = List.copyOf(granules);
        rejected = List.copyOf(rejected);
    }
}
