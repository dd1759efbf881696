package org.iceising.cli;

import java.nio.file.Path;
import org.iceising.data.DataCatalogue;
import org.iceising.learn.ObservedSeason;
import org.iceising.model.Season;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The options that pick an observed season: data folder, year, area. */
final class SeasonOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--data", paramLabel = "DIR", description = DataFolder.DESCRIPTION)
    Path data;

    @Option(names = "--season", defaultValue = "2018", paramLabel = "YEAR",
            description = "The study's season of that year: 16 Jun -> 1 Jan, 13 periods. Default: ${DEFAULT-VALUE}.")
    int year;

    @Option(names = "--area", defaultValue = "focus", paramLabel = "AREA", description = AreaOption.DESCRIPTION)
    String area;

    /** The grids of the chosen season's days. */
    DataCatalogue catalogue() {
        Season study = Season.study(year);
        return DataFolder.catalogue(data, study.start(), study.end(), command.commandLine().getErr());
    }

    ObservedSeason load() {
        return load(catalogue());
    }

    ObservedSeason load(DataCatalogue catalogue) {
        ObservedSeason season = ObservedSeason.load(catalogue, Season.study(year), AreaOption.parse(area).area());
        if (season.starts().isEmpty()) {
            throw new IllegalArgumentException("no observed period start of the " + year + " season in " + catalogue.directory());
        }
        return season;
    }
}
