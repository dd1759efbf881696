package org.iceising.cli;

import java.nio.file.Path;
import org.iceising.data.DataCatalogue;
import org.iceising.data.FocusArea;
import org.iceising.learn.ObservedSeason;
import org.iceising.model.Season;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The options that pick an observed season: data folder, year, area. */
final class SeasonOptions {
    @Option(names = "--data", paramLabel = "DIR", description = DataFolder.DESCRIPTION)
    Path data;

    @Option(names = "--season", defaultValue = "2018", paramLabel = "YEAR",
            description = "The study's season of that year: 16 Jun -> 1 Jan, 13 periods. Default: ${DEFAULT-VALUE}.")
    int year;

    @Option(names = "--area", defaultValue = "focus", paramLabel = "AREA", description = AreaOption.DESCRIPTION)
    String area;

    /** Seasons the satellite record can hold (it starts in October 1978), and not far beyond. */
    static final int FIRST_YEAR = 1978;
    static final int LAST_YEAR = 2100;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    /** The grids of the chosen season's days; what the scan left out is reported as skipped. */
    DataCatalogue catalogue() {
        Ranges.check("--season", year, FIRST_YEAR, LAST_YEAR);
        Season study = Season.study(year);
        return DataFolder.catalogue(spec, data, study.start(), study.end());
    }

    /** Reads the season; files that cannot be read are reported and their dates count as unobserved. */
    ObservedSeason load() {
        return load(catalogue());
    }

    ObservedSeason load(DataCatalogue catalogue) {
        Ranges.check("--season", year, FIRST_YEAR, LAST_YEAR);
        FocusArea focus = AreaOption.parse(area).area();
        ObservedSeason season = ObservedSeason.load(catalogue, Season.study(year), focus, e -> Skipped.report(spec, e.getMessage()));
        if (season.starts().isEmpty()) {
            throw new IllegalArgumentException("no observed period start of the " + year + " season in " + catalogue.directory());
        }
        return season;
    }
}
