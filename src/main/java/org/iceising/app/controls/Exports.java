package org.iceising.app.controls;

import org.iceising.app.export.Export;
import org.iceising.model.Lattice;

/** The export actions a pane can offer; the workbench asks where to write and writes in the background. */
public interface Exports {
    /** Exports a figure (image, colour bar and title) as PNG at {@code scale}, with {@code overlay} drawn over its image. */
    void png(Figure.Content figure, ExportScale scale, Figure.Overlay overlay);

    /** Exports a lattice's concentrations as CSV; {@code what} names it in the dialog. */
    void latticeCsv(Lattice lattice, String what);

    /** Saves an export (a chart as PNG, a table as CSV) where the user chooses. */
    void save(Export export);
}
