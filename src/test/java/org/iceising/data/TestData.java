package org.iceising.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where the tests find real NSIDC files: the project's sample-data and a few extra test resources. */
final class TestData {
    static final Path SAMPLE = Path.of("sample-data");
    static final Path NT_2018 = SAMPLE.resolve("nt_2018");
    static final Path NETCDF = SAMPLE.resolve("netcdf");
    static final Path GRID = SAMPLE.resolve("grid");
    static final Path EXTENT_CSV = SAMPLE.resolve("extent/N_seaice_extent_daily_v3.0.csv");
    static final Path NC_2023 = NETCDF.resolve("NSIDC0081_SEAICE_PS_N25km_20230130_v2.0.nc");
    static final Path NC_2024 = NETCDF.resolve("NSIDC0081_SEAICE_PS_N25km_20240820_v2.0.nc");
    static final Path CDR_2021 = NETCDF.resolve("seaice_conc_daily_nh_20211231_f17_v04r00.nc");
    static final Path BT_2018 = SAMPLE.resolve("bt/bt_20181213_f17_v3.1_n.bin");
    static final Path NT_20180916 = NT_2018.resolve("nt_20180916_f18_nrt_n.bin");
    /** Real files not in sample-data (see PROVENANCE.md there). */
    static final Path EXTRA = Path.of("src/test/resources/nsidc-extra");
    static final Path FINAL_20170601 = EXTRA.resolve("nt_20170601_f17_v1.1_n.bin");
    static final Path V01_20010107 = EXTRA.resolve("nt_20010107_f13_v01_n.bin");
    static final Path NRT_20150818 = EXTRA.resolve("nt_20150818_f17_nrt_n.bin");
    /** Same day as the Bootstrap sample {@link #BT_2018}. */
    static final Path NT_20181213 = EXTRA.resolve("nt_20181213_f18_nrt_n.bin");

    private TestData() {
    }

    /** Every NASA Team binary among the real files. */
    static List<Path> nasaTeamBinaries() {
        return Stream.concat(list(NT_2018).stream(), list(EXTRA).stream())
                .filter(p -> p.getFileName().toString().startsWith("nt_")).sorted().toList();
    }

    static List<Path> list(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
