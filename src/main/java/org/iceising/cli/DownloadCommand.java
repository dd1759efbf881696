package org.iceising.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.iceising.data.AtomicFiles;
import org.iceising.data.UserDataFolder;
import org.iceising.data.download.DownloadReport;
import org.iceising.data.download.DownloadRequest;
import org.iceising.data.download.EarthdataCredentials;
import org.iceising.data.download.EarthdataDownloader;
import org.iceising.data.download.FileOutcome;
import org.iceising.data.download.NsidcProduct;
import org.iceising.data.download.TransferSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "download", mixinStandardHelpOptions = true,
        description = {"Fetches NSIDC daily north 25 km grids from NASA Earthdata (searched in CMR).",
                "Credentials: the EARTHDATA_TOKEN environment variable (a bearer token), else ~/.netrc "
                        + "(machine urs.earthdata.nasa.gov login USER password PASS). They are never printed or stored.",
                "Files already present and valid are skipped; each file is written under a temporary name and renamed.",
                "Exit code 1 when CMR or a file fails (each failed file is listed), 2 for a wrong argument or destination."})
final class DownloadCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "DATE", description = "First day, YYYY-MM-DD.")
    LocalDate from;

    @Option(names = "--to", required = true, paramLabel = "DATE", description = "Last day, YYYY-MM-DD (inclusive).")
    LocalDate to;

    @Option(names = "--product", defaultValue = "nsidc-0081", paramLabel = "NAME", converter = ProductConverter.class,
            description = "nsidc-0081 (near-real-time, recent weeks) or nsidc-0051 (final, 1978 on). Default: ${DEFAULT-VALUE}.")
    NsidcProduct product;

    @Option(names = "--dest", paramLabel = "DIR", description = "Where to put the files. Default: the user data folder.")
    Path dest;

    @Option(names = "--cmr-url", paramLabel = "URL", description = "CMR search base address. Default: " + "https://cmr.earthdata.nasa.gov")
    URI cmrUrl;

    @Option(names = "--login-url", paramLabel = "URL", description = "Earthdata login base address. Default: https://urs.earthdata.nasa.gov")
    URI loginUrl;

    @Option(names = "--parallel", paramLabel = "N", description = "Files fetched at once, 1 to " + TransferSettings.MAX_PARALLELISM
            + ". Default: 4.")
    Integer parallel;

    @Override
    public Integer call() throws IOException {
        if (parallel != null) {
            Ranges.check("--parallel", parallel, 1, TransferSettings.MAX_PARALLELISM);
        }
        DownloadRequest request = DownloadRequest.of(product, from, to,
                dest == null ? UserDataFolder.directory() : dest);
        // a destination that cannot be is the user's to fix (exit 2), found before CMR is asked
        AtomicFiles.checkFolderTarget(request.destination());
        if (cmrUrl != null) {
            request = request.withCmrUrl(cmrUrl);
        }
        if (loginUrl != null) {
            request = request.withLoginUrl(loginUrl);
        }
        if (parallel != null) {
            request = request.withTransfer(TransferSettings.defaults().withParallelism(parallel));
        }
        EarthdataCredentials credentials = EarthdataCredentials.fromEnvironment(System.getenv(),
                Path.of(System.getProperty("user.home")), request.loginUrl());
        ConsoleProgress progress = new ConsoleProgress(System.err);
        DownloadReport report;
        try {
            report = new EarthdataDownloader(credentials).download(request, progress, org.iceising.data.download.DownloadListener.NONE);
        } finally {
            progress.finish();
        }
        PrintWriter o = spec.commandLine().getOut();
        o.println(report.summary());
        o.println("folder: " + request.destination());
        for (FileOutcome f : report.failed()) {
            o.println("failed: " + f.granule().fileName() + ": " + f.problem());
        }
        for (String r : report.rejected()) {
            o.println("refused: " + r);
        }
        return report.cancelled() ? IceIsingCommand.USER_ERROR : report.failed().isEmpty() ? 0 : 1;
    }

    /** The product by its name, or the names there are. */
    static final class ProductConverter extends Converters.ByParser<NsidcProduct> {
        ProductConverter() {
            super(NsidcProduct::fromName);
        }
    }
}
