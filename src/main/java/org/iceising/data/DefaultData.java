package org.iceising.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Where grids are looked for when no folder is named: the sample data ({@link SampleData}) and the
 * per-user data folder where downloads go ({@link UserDataFolder}). Of those that exist, the one with
 * grids for most days of the range asked for is used (the sample data when they tie), and when both
 * exist a note says which, so that downloaded grids are found without naming their folder.
 */
public final class DefaultData {

    /** The catalogue used and, when there was a choice, one line saying which folder it is ("" otherwise). */
    public record Choice(DataCatalogue catalogue, String note) {
    }

    private DefaultData() {
    }

    /** The default folder with grids for most days from {@code from} to {@code to}, both included. */
    public static Choice choose(LocalDate from, LocalDate to) {
        List<Path> folders = new ArrayList<>();
        DataFileException noSample = null;
        try {
            folders.add(SampleData.directory());
        } catch (DataFileException e) {
            noSample = e;
        }
        Path user = UserDataFolder.directory();
        if (Files.isDirectory(user)) {
            folders.add(user);
        }
        if (folders.isEmpty()) {
            throw new DataFileException(user, "holds no downloaded grids and " + noSample.getMessage());
        }
        return choose(folders, from, to);
    }

    /** The choice among {@code folders} (each an existing folder), the first winning ties. */
    static Choice choose(List<Path> folders, LocalDate from, LocalDate to) {
        DataCatalogue best = null;
        int bestDays = -1;
        List<String> counts = new ArrayList<>();
        for (Path f : folders) {
            DataCatalogue c = DataCatalogue.scan(f);
            int days = c.dates().subSet(from, to.plusDays(1)).size();
            counts.add(f + " has " + days);
            if (days > bestDays) {
                best = c;
                bestDays = days;
            }
        }
        if (folders.size() == 1) {
            return new Choice(best, "");
        }
        String span = from.equals(to) ? "for " + from : "from " + from + " to " + to;
        return new Choice(best, "data: " + best.directory() + " (grids " + span + ": " + String.join(", ", counts)
                + "; name another with --data)");
    }
}
