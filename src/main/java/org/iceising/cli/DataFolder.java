package org.iceising.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import org.iceising.data.DataCatalogue;
import org.iceising.data.DefaultData;
import picocli.CommandLine.Model.CommandSpec;

/** The grids a command reads: the folder named with --data, else the default folder that has them. */
final class DataFolder {
    /** The help of every --data option. */
    static final String DESCRIPTION = "Folder of NSIDC grids (any nesting). Default: the sample data or the per-user "
            + "data folder (where download puts grids), whichever has more of the days asked for (a note on stderr says which when both exist).";

    private DataFolder() {
    }

    /**
     * Scans {@code data}, or chooses a default folder for the days from {@code from} to {@code to} and
     * says which; what the scan left out is reported as skipped, days held twice as notes.
     */
    static DataCatalogue catalogue(CommandSpec spec, Path data, LocalDate from, LocalDate to) {
        DataCatalogue catalogue;
        if (data != null) {
            catalogue = DataCatalogue.scan(data);
        } else {
            DefaultData.Choice choice = DefaultData.choose(from, to);
            if (!choice.note().isEmpty()) {
                spec.commandLine().getErr().println(IceIsingCommand.oneLine(choice.note()));
            }
            catalogue = choice.catalogue();
        }
        catalogue.problems().forEach(p -> Skipped.report(spec, p));
        catalogue.duplicates().forEach(d -> Skipped.note(spec, d));
        return catalogue;
    }
}
