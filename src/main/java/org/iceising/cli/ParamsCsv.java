package org.iceising.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import org.iceising.learn.ParamsFile;
import org.iceising.model.IsingParams;
import org.iceising.model.SemiMonthlyPeriod;

/** Per-period parameters as CSV: {@code period_start,J,B0,Bx,By,I} (the learn layer's {@link ParamsFile}). */
final class ParamsCsv {
    static final String HEADER = ParamsFile.HEADER;

    private ParamsCsv() {
    }

    static void write(Path file, Map<SemiMonthlyPeriod, IsingParams> params) throws IOException {
        ParamsFile.write(file, params);
    }

    static SortedMap<SemiMonthlyPeriod, IsingParams> read(Path file) throws IOException {
        return ParamsFile.read(file);
    }
}
