package org.iceising.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.iceising.learn.ParameterBounds;
import org.iceising.model.IsingParams;
import org.junit.jupiter.api.Test;

/** The jobs' own option parsing and the sweep's grid, against hand-worked cases. */
class OptionsTest {
    @Test
    void seasonsAreYearsListsAndRanges() {
        assertEquals(List.of(2018), Jobs.years("2018"));
        assertEquals(List.of(1979, 1980, 1981, 1990), Jobs.years("1990, 1979..1981"));
        assertEquals("--seasons: range '2020..2010' ends before it starts",
                assertThrows(IllegalArgumentException.class, () -> Jobs.years("2020..2010")).getMessage());
        assertEquals("--seasons: 'x' is neither a year nor a range like 1979..2020",
                assertThrows(IllegalArgumentException.class, () -> Jobs.years("2018,x")).getMessage());
    }

    @Test
    void eachAreaGetsItsOwnFolder() {
        assertEquals("2018-focus", PeriodTask.folder(2018, "focus"));
        assertEquals("2018-170-70-30-40", PeriodTask.folder(2018, "170,70,30,40"));
        assertEquals(List.of("focus", "arctic"), Jobs.areas(List.of("focus", "arctic")));
        assertThrows(IllegalArgumentException.class, () -> Jobs.areas(List.of("focus", "FOCUS")));
    }

    @Test
    void aGridCountsTheLastParameterFastestFromTheLowerCorner() {
        ParameterBounds box = ParameterBounds.parse("J=0..2,B0=-4..4,Bx=1..3,By=0..10,I=5..7");
        SweepPoints grid = SweepPoints.grid(3);
        assertEquals(243, grid.size());
        assertEquals(new IsingParams(0, -4, 1, 0, 5), grid.at(box, 0));
        assertEquals(new IsingParams(0, -4, 1, 0, 6), grid.at(box, 1));
        assertEquals(new IsingParams(0, -4, 1, 5, 5), grid.at(box, 3));
        // 1·81 + 2·27 + 0·9 + 1·3 + 2 = 140
        assertEquals(new IsingParams(1, 4, 1, 5, 7), grid.at(box, 140));
        assertEquals(new IsingParams(2, 4, 3, 10, 7), grid.at(box, 242));
        assertEquals(new IsingParams(1, 0, 2, 5, 6), SweepPoints.grid(1).at(box, 0));
        assertEquals(1, SweepPoints.grid(1).size());
        assertThrows(IllegalArgumentException.class, () -> SweepPoints.grid(0));
        assertThrows(IllegalArgumentException.class, () -> SweepPoints.random(0, 1));
    }
}
