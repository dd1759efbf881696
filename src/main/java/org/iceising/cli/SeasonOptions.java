package org.iceising.cli;

import java.nio.file.Path;
import org.iceising.data.DataCatalogue;
import org.iceising.data.SampleData;
import org.iceising.learn.ObservedSeason;
import org.iceising.model.Season;
import picocli.CommandLine.Option;

/** The options that pick an observed season: data folder, year, area. */
final class SeasonOptions {
    @Option(names = "--data", paramLabel = "DIR", description = "Folder of NSIDC grids (any nesting). Default: the sample data.")
    Path data;

    @Option(names = "--season", defaultValue = "2018", paramLabel = "YEAR",
            description = "The study's season of that year: 16 Jun -> 1 Jan, 13 periods. Default: ${DEFAULT-VALUE}.")
    int year;

    @Option(names = "--area", defaultValue = "focus", paramLabel = "AREA", description = AreaOption.DESCRIPTION)
    String area;

    DataCatalogue catalogue() {
        return DataCatalogue.scan(data == null ? SampleData.directory() : data);
    }

    ObservedSeason load() {
        DataCatalogue catalogue = catalogue();
        ObservedSeason season = ObservedSeason.load(catalogue, Season.study(year), AreaOption.parse(area).area());
        if (season.starts().isEmpty()) {
            throw new IllegalArgumentException("no observed period start of the " + year + " season in " + catalogue.directory());
        }
        return season;
    }
}
