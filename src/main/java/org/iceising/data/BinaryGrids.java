package org.iceising.data;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;

/** Readers for the two flat binary formats: NASA Team ({@code nt_*.bin}) and Bootstrap ({@code bt_*.bin}). */
final class BinaryGrids {
    /** Size of a northern NASA Team binary: header plus one byte per cell. */
    static final int NASA_TEAM_BYTES = NasaTeamHeader.LENGTH + SeaIceGrid.CELLS;
    /** Size of a northern Bootstrap binary: one little-endian int16 per cell, no header. */
    static final int BOOTSTRAP_BYTES = 2 * SeaIceGrid.CELLS;

    private static final int NT_MAX = 250;
    private static final int BT_MAX = 1000;
    private static final int BT_MISSING = 1100;
    private static final int BT_LAND = 1200;

    private BinaryGrids() {
    }

    /** A NASA Team grid from the whole file's bytes (size already checked). */
    static SeaIceGrid nasaTeam(Path file, byte[] bytes, Optional<GridFileName> name) {
        NasaTeamHeader header;
        try {
            header = NasaTeamHeader.parse(bytes);
        } catch (IllegalArgumentException e) {
            throw new DataFileException(file, e.getMessage(), e);
        }
        if (header.columns() != SeaIceGrid.COLS || header.rows() != SeaIceGrid.ROWS) {
            throw new DataFileException(file, "wrong shape: header says " + header.rows() + " rows x " + header.columns()
                    + " columns, expected " + SeaIceGrid.ROWS + " x " + SeaIceGrid.COLS);
        }
        LocalDate date = header.date();
        name.ifPresent(n -> requireSameDate(file, n.date(), date, "header"));
        GridProduct byHeader = header.nearRealTime() ? GridProduct.NASA_TEAM_NRT_V1 : GridProduct.NASA_TEAM_FINAL_V1;
        GridProduct product = name.map(GridFileName::product).orElse(byHeader);
        if (product.finalProduct() != byHeader.finalProduct()) {
            throw new DataFileException(file, "file name says " + (product.finalProduct() ? "final" : "near-real-time")
                    + " but the header's file name field '" + header.fileNameField() + "' says "
                    + (byHeader.finalProduct() ? "final" : "near-real-time"));
        }
        String sensor = name.map(GridFileName::sensor).orElse(header.sensor());
        if (!header.sensor().isEmpty() && !sensor.equals(header.sensor())) {
            throw new DataFileException(file, "file name says " + sensor + " but the header says " + header.sensor());
        }
        double[] c = new double[SeaIceGrid.CELLS];
        CellFlag[] flags = new CellFlag[SeaIceGrid.CELLS];
        for (int i = 0; i < SeaIceGrid.CELLS; i++) {
            decodeByte(bytes[NasaTeamHeader.LENGTH + i] & 0xff, NT_MAX, i, c, flags);
        }
        return new SeaIceGrid(date, product, sensor, "", file, c, flags);
    }

    /** A Bootstrap grid from the whole file's bytes (size already checked); its date comes from its name. */
    static SeaIceGrid bootstrap(Path file, byte[] bytes, Optional<GridFileName> name) {
        GridFileName n = name.filter(x -> x.product() == GridProduct.BOOTSTRAP).orElseThrow(() -> new DataFileException(file,
                "a Bootstrap binary has no header, so its date must come from its NSIDC name (bt_YYYYMMDD_fNN_v3.1_n.bin)"));
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        double[] c = new double[SeaIceGrid.CELLS];
        CellFlag[] flags = new CellFlag[SeaIceGrid.CELLS];
        for (int i = 0; i < SeaIceGrid.CELLS; i++) {
            int v = buf.getShort(2 * i);
            if (v >= 0 && v <= BT_MAX) {
                c[i] = v / (double) BT_MAX;
                flags[i] = CellFlag.VALID;
            } else if (v == BT_MISSING || v == BT_LAND) {
                c[i] = Double.NaN;
                flags[i] = v == BT_LAND ? CellFlag.LAND : CellFlag.MISSING;
            } else {
                throw new DataFileException(file, "value " + v + " at " + cell(i)
                        + " is not a Bootstrap code (0..1000 concentration x 10, 1100 missing, 1200 land)");
            }
        }
        return new SeaIceGrid(n.date(), GridProduct.BOOTSTRAP, n.sensor(), "", file, c, flags);
    }

    /**
     * Decodes one NSIDC byte: 0..max is a concentration (code / max), 251..255 a flag; anything else is
     * an error (reported by the caller through the returned false).
     */
    static boolean decodeByte(int code, int max, int i, double[] c, CellFlag[] flags) {
        if (code <= max) {
            c[i] = code / (double) max;
            flags[i] = CellFlag.VALID;
            return true;
        }
        c[i] = Double.NaN;
        if (code >= 251) {
            flags[i] = CellFlag.ofFlagByte(code);
            return true;
        }
        return false;
    }

    static void requireSameDate(Path file, LocalDate fromName, LocalDate fromContent, String where) {
        if (!fromName.equals(fromContent)) {
            throw new DataFileException(file, "file name says " + fromName + " but the " + where + " says " + fromContent);
        }
    }

    static String cell(int index) {
        return "row " + index / SeaIceGrid.COLS + ", column " + index % SeaIceGrid.COLS;
    }
}
