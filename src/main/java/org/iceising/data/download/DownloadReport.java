package org.iceising.data.download;

import java.util.List;
import java.util.Locale;

/**
 * What a download did: one outcome per granule CMR listed, in date order, the links refused, and whether
 * the user cancelled (then the granules not finished are {@link FileOutcome.Status#CANCELLED}; every file
 * fetched before is complete and in place).
 */
public record DownloadReport(DownloadRequest request, List<FileOutcome> files, List<String> rejected,
                             boolean cancelled) {

    public DownloadReport {
        files = List.copyOf(files);
        rejected = List.copyOf(rejected);
    }

    public List<FileOutcome> with(FileOutcome.Status status) {
        return files.stream().filter(f -> f.status() == status).toList();
    }

    public List<FileOutcome> fetched() {
        return with(FileOutcome.Status.FETCHED);
    }

    public List<FileOutcome> skipped() {
        return with(FileOutcome.Status.SKIPPED);
    }

    public List<FileOutcome> failed() {
        return with(FileOutcome.Status.FAILED);
    }

    public long bytesFetched() {
        return files.stream().mapToLong(FileOutcome::bytes).sum();
    }

    /** One line, e.g. "NSIDC-0081 v2, 2022-06-01 to 2022-06-30: 28 fetched (3.4 MB), 2 skipped, 0 failed". */
    public String summary() {
        return String.format(Locale.ROOT, "%s, %s to %s: %d fetched (%.1f MB), %d skipped, %d failed%s%s",
                request.product(), request.from(), request.to(), fetched().size(), bytesFetched() / 1e6,
                skipped().size(), failed().size(), rejected.isEmpty() ? "" : ", " + rejected.size() + " links refused",
                cancelled ? "; cancelled" : "");
    }
}
