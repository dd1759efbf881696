package org.iceising.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import org.iceising.data.DataCatalogue;
import org.iceising.data.DefaultData;

/** The grids a command reads: the folder named with --data, else the default folder that has them. */
final class DataFolder {
    /** The help of every --data option. */
    static final String DESCRIPTION = "Folder of NSIDC grids (any nesting). Default: the sample data or the per-user "
            + "data folder (where download puts grids), whichever has more of the days asked for (a note on stderr says which when both exist).";

    private DataFolder() {
    }

    /** Scans {@code data}, or chooses a default folder for the days from {@code from} to {@code to} and says which on {@code err}. */
    static DataCatalogue catalogue(Path data, LocalDate from, LocalDate to, PrintWriter err) {
        if (data != null) {
            return DataCatalogue.scan(data);
        }
        DefaultData.Choice choice = DefaultData.choose(from, to);
        if (!choice.note().isEmpty()) {
            err.println(choice.note());
        }
        return choice.catalogue();
    }
}
