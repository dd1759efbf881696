package org.iceising.data;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.iceising.model.Lattice;
import org.iceising.model.ProgressMonitor;

/**
 * The grids read lately, so that stepping back and forth through days does not read files again.
 * Grids are immutable; the cache may be used from any thread. A netCDF file's sensor is chosen
 * for the focus area, so the area is part of the key.
 */
public final class GridCache {
    private record Key(LocalDate date, FocusArea area) {
    }

    private final DataCatalogue catalogue;
    private final Map<Key, SeaIceGrid> grids;

    public GridCache(DataCatalogue catalogue, int capacity) {
        this.catalogue = catalogue;
        this.grids = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, SeaIceGrid> eldest) {
                return size() > capacity;
            }
        };
    }

    public DataCatalogue catalogue() {
        return catalogue;
    }

    /** The grid of {@code date} (which must be in the catalogue). */
    public synchronized SeaIceGrid get(LocalDate date, FocusArea area) {
        return grids.computeIfAbsent(new Key(date, area), k -> catalogue.load(k.date(), k.area()));
    }

    /**
     * The focus area's lattice of each of {@code dates} that the catalogue has a grid for (dates
     * without one are absent), in date order; reports each date read and stops when cancelled.
     */
    public SortedMap<LocalDate, Lattice> lattices(Collection<LocalDate> dates, FocusArea area, ProgressMonitor monitor) {
        SortedMap<LocalDate, Lattice> out = new TreeMap<>();
        int k = 0;
        for (LocalDate d : dates) {
            monitor.checkCancelled();
            if (catalogue.file(d).isPresent()) {
                out.put(d, area.lattice(get(d, area)));
            }
            monitor.progress(++k, dates.size(), "reading " + d);
        }
        return out;
    }
}
