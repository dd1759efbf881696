package org.iceising.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.iceising.data.DataCatalogue;
import org.iceising.data.FocusArea;
import org.iceising.model.IsingParams;
import org.iceising.model.Lattice;
import org.iceising.model.ProgressMonitor;
import org.iceising.model.Season;
import org.iceising.model.SemiMonthlyPeriod;
import org.iceising.model.SimulationSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The observed 2018 season of the project's sample data (real NSIDC grids) and its re-simulation. */
class SeasonEvaluationTest {
    static ObservedSeason season;

    @BeforeAll
    static void load() {
        season = ObservedSeason.load(DataCatalogue.scan(Path.of("sample-data")), Season.study(2018), FocusArea.STUDY);
    }

    @Test
    void theSampleSeasonLacksOnlyItsLastBoundary() {
        assertEquals(List.of(LocalDate.of(2019, 1, 1)), season.missing());
        assertEquals(13, season.starts().size());
        assertEquals(12, season.observedPeriods().size());
        assertEquals(LocalDate.of(2018, 12, 1), season.observedPeriods().get(11).start());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> season.pair(new SemiMonthlyPeriod(LocalDate.of(2018, 12, 16))));
        assertTrue(e.getMessage().contains("2019-01-01"), e.getMessage());
    }

    @Test
    void persistenceMeasuresAreThoseOfTheObservedLattices() {
        SemiMonthlyPeriod aug = new SemiMonthlyPeriod(LocalDate.of(2018, 8, 1));
        SortedMap<SemiMonthlyPeriod, IsingParams> params = new TreeMap<>(Map.of(aug, IsingParams.studyMelt()));
        SeasonEvaluation.Period p = SeasonEvaluation.evaluate(season, params, 2, 1, 50_000, SimulationSettings.study(), 2,
                ProgressMonitor.NONE).periods().get(0);
        ObservedSeason.Pair pair = season.pair(aug);
        // by hand from the concentrations: coverage = mean c, extent = share of c >= 0.15, distance = mean |w_start - w_end|
        double[] c0 = pair.start().concentrations();
        double[] c1 = pair.end().concentrations();
        double cov0 = 0;
        double cov1 = 0;
        double ext0 = 0;
        double dist = 0;
        int n = 0;
        for (int i = 0; i < c0.length; i++) {
            if (!Double.isNaN(c0[i])) {
                n++;
                cov0 += c0[i];
                cov1 += c1[i];
                ext0 += c0[i] >= 0.15 - 1e-12 ? 1 : 0;
                dist += Math.abs(c0[i] - c1[i]);
            }
        }
        assertEquals(cov0 / n, p.coverageStart(), 1e-12);
        assertEquals(cov1 / n, p.coverageObserved(), 1e-12);
        assertEquals(ext0 / n, p.extentStart(), 1e-12);
        assertEquals(dist / n, p.distancePersistence(), 1e-12);
        assertEquals(2, p.simulated().size());
        assertTrue(p.coverageObserved() < p.coverageStart(), "ice melts in early August");
    }

    @Test
    void withOverwhelmingInertiaTheSimulationIsPersistence() {
        SortedMap<SemiMonthlyPeriod, IsingParams> params = new TreeMap<>();
        for (SemiMonthlyPeriod p : season.observedPeriods().subList(0, 3)) {
            params.put(p, new IsingParams(2.5, 5, 0, 0, 1e4));
        }
        SeasonEvaluation.Result r = SeasonEvaluation.evaluate(season, params, 2, 7, 50_000, SimulationSettings.study(), 2, ProgressMonitor.NONE);
        for (SeasonEvaluation.Period p : r.periods()) {
            assertEquals(p.coverageStart(), p.coverageSimulated(), 1e-3);
            assertEquals(p.distancePersistence(), p.distanceSimulated(), 1e-3);
        }
        assertTrue(r.table().contains("2018-06-16 .. 2018-07-01"), r.table());
    }

    @Test
    void reSimulationIsReproducibleBySeed() {
        SemiMonthlyPeriod sep = new SemiMonthlyPeriod(LocalDate.of(2018, 9, 16));
        Map<SemiMonthlyPeriod, IsingParams> params = Map.of(sep, IsingParams.studyFreeze());
        SeasonEvaluation.Result a = SeasonEvaluation.evaluate(season, params, 3, 5, 50_000, SimulationSettings.study(), 1, ProgressMonitor.NONE);
        SeasonEvaluation.Result b = SeasonEvaluation.evaluate(season, params, 3, 5, 50_000, SimulationSettings.study(), 2, ProgressMonitor.NONE);
        assertEquals(a.periods().get(0).simulated(), b.periods().get(0).simulated());
        assertTrue(a.periods().get(0).coverageSimulated() > a.periods().get(0).coverageStart(), "a freezing field grows ice");
    }

    @Test
    void startsFeedTheGenerator() {
        Map<SemiMonthlyPeriod, Lattice> starts = season.starts();
        assertEquals(new SemiMonthlyPeriod(LocalDate.of(2018, 6, 16)), starts.keySet().iterator().next());
        assertEquals(3600, starts.values().iterator().next().activeCount(), "the study's area has no masked cells in June 2018");
    }
}
