package org.iceising.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import ucar.ma2.ArrayByte;
import ucar.ma2.DataType;
import ucar.ma2.InvalidRangeException;
import ucar.nc2.Attribute;
import ucar.nc2.Dimension;
import ucar.nc2.NetcdfFile;
import ucar.nc2.NetcdfFileWriter;
import ucar.nc2.Variable;

/** Copies of real files in the forms a fault case needs that cannot be made by cutting or changing bytes. */
public final class DamagedCopies {
    private DamagedCopies() {
    }

    /**
     * A netCDF-3 copy of the F18 concentrations of the real NSIDC-0081 grid {@code source} (the
     * 2023-01-30 sample), as an old tool would write it, with the given {@code scale_factor}.
     */
    public static Path netcdf3(Path source, Path target, double scaleFactor) throws IOException {
        ucar.ma2.Array real;
        try (NetcdfFile nc = NetcdfFile.open(source.toString())) {
            real = nc.findVariable("F18_ICECON").read();
        }
        NetcdfFileWriter w = NetcdfFileWriter.createNew(NetcdfFileWriter.Version.netcdf3, target.toString());
        try {
            Dimension t = w.addDimension(null, "time", 1);
            Dimension y = w.addDimension(null, "y", SeaIceGrid.ROWS);
            Dimension x = w.addDimension(null, "x", SeaIceGrid.COLS);
            Variable v = w.addVariable(null, "F18_ICECON", DataType.BYTE, List.of(t, y, x));
            v.addAttribute(new Attribute("scale_factor", scaleFactor));
            w.addGroupAttribute(null, new Attribute("time_coverage_start", "2023-01-30 00:00.00"));
            w.create();
            w.write(v, ArrayByte.factory(DataType.BYTE, new int[] {1, SeaIceGrid.ROWS, SeaIceGrid.COLS}, real.copyTo1DJavaArray()));
        } catch (InvalidRangeException e) {
            throw new IllegalStateException(e);
        } finally {
            w.close();
        }
        return target;
    }
}
