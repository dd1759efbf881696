package org.iceising.app.season;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.iceising.data.DataCatalogue;
import org.iceising.data.SampleData;
import org.junit.jupiter.api.Test;

class DataOnDiskTest {

    @Test
    void gapsAreWrittenAsRuns() {
        LocalDate d = LocalDate.of(2018, 12, 30);
        assertEquals(List.of("2018-12-30 .. 2019-01-01 (3 days)", "2019-01-05"),
                DataOnDisk.ranges(List.of(d, d.plusDays(1), d.plusDays(2), d.plusDays(6))));
    }

    @Test
    void describesTheSampleSeason2018() {
        DataCatalogue c = DataCatalogue.scan(SampleData.directory());
        String text = DataOnDisk.describe(c, 2018, LocalDate.of(2030, 1, 1));
        assertTrue(text.contains(c.dates().size() + " days with grids, " + c.dates().first() + " .. " + c.dates().last()), text);
        long missing = c.missing(LocalDate.of(2018, 6, 16), LocalDate.of(2019, 1, 1)).size();
        assertTrue(text.contains((200 - missing) + " of 200 days present"), text);
        assertTrue(text.contains("2019-01-01"), "the season's last day has no file in the sample data: " + text);
        assertEquals("No data folder is open.", DataOnDisk.describe(null, 2018, LocalDate.now()));
    }
}
