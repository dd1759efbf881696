package org.iceising.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.iceising.model.Lattice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FocusAreaTest {
    @Test
    void studyAreaIsRows180To239AndColumns80To139() {
        FocusArea s = FocusArea.STUDY;
        assertTrue(s.contains(180, 80) && s.contains(239, 139));
        assertFalse(s.contains(179, 80) || s.contains(240, 80) || s.contains(180, 79) || s.contains(180, 140));
        assertEquals(3600, s.cells());
    }

    @Test
    void parsesSlicesInclusiveRangesAndTheStudyKeyword() {
        assertEquals(FocusArea.STUDY, FocusArea.parse("180:240,80:140"));
        assertEquals(FocusArea.STUDY, FocusArea.parse(" 180-239 , 80-139 "));
        assertEquals(FocusArea.STUDY, FocusArea.parse("Study"));
        assertEquals(FocusArea.STUDY, FocusArea.parse("focus"));
        assertEquals(FocusArea.STUDY, FocusArea.parse("180,80,60,60"));
        assertEquals(new FocusArea(10, 20, 30, 40), FocusArea.parse(" 10, 20 ,30,40"));
        assertEquals(new FocusArea(0, 0, 448, 304), FocusArea.parse("0:448,0:304"));
        FocusArea a = new FocusArea(10, 20, 5, 7);
        assertEquals(a, FocusArea.parse(a.spec()));
        assertEquals("10:15,20:27", a.spec());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "400:460,0:10; focus area rows 400..459 are outside the grid's rows 0..447",
        "0:10,300:310; focus area columns 300..309 are outside the grid's columns 0..303",
        "180:240; focus area '180:240': expected R0,C0,ROWS,COLS such as 180,80,60,60, or ROWS,COLS ranges such as 180:240,80:140",
        "1,2,x,4; focus area '1,2,x,4': 'x' is not a whole number (expected R0,C0,ROWS,COLS such as 180,80,60,60)",
        "a:b,1:2; focus area 'a:b,1:2': rows 'a:b' is not a range such as 180:240 or 180-239",
        "10:10,0:5; focus area '10:10,0:5': rows '10:10' is empty",
        "0:5,9-3; focus area '0:5,9-3': columns '9-3' is empty",
        "0:99999999999,0:5; focus area '0:99999999999,0:5': rows '0:99999999999' is out of range"})
    void rejectsBadTextWithTheReason(String text, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FocusArea.parse(text));
        assertEquals(message, e.getMessage());
    }

    @Test
    void rejectsEmptyOrNegativeRectangles() {
        assertEquals("focus area must be at least 1 x 1, got 0 rows x 5 columns",
                assertThrows(IllegalArgumentException.class, () -> new FocusArea(0, 0, 0, 5)).getMessage());
        assertEquals("focus area rows -1..8 are outside the grid's rows 0..447",
                assertThrows(IllegalArgumentException.class, () -> new FocusArea(-1, 0, 10, 5)).getMessage());
    }

    @Test
    void studyAreaOf20180916HasNoFlaggedCellsSoAllItsCellsAreActive() {
        SeaIceGrid g = GridReader.read(TestData.NT_20180916);
        assertEquals(3600, g.count(CellFlag.VALID, FocusArea.STUDY));
        Lattice l = FocusArea.STUDY.lattice(g);
        assertEquals(60, l.rows());
        assertEquals(60, l.cols());
        assertEquals(3600, l.activeCount());
        for (int r = 0; r < 60; r++) {
            for (int c = 0; c < 60; c++) {
                double conc = g.concentration(180 + r, 80 + c);
                assertEquals(1 - 2 * conc, l.spin(r, c), 1e-12);
            }
        }
    }

    @Test
    void flaggedCellsInsideAnAreaBecomeMaskedCells() {
        SeaIceGrid g = GridReader.read(TestData.NT_20180916);
        // rows 210..269, columns 130..189 hold the pole hole and the north coasts of Ellesmere and Greenland
        FocusArea a = new FocusArea(210, 130, 60, 60);
        Lattice l = a.lattice(g);
        int flagged = 0;
        for (int r = 0; r < a.rows(); r++) {
            for (int c = 0; c < a.cols(); c++) {
                boolean valid = g.flag(a.row0() + r, a.col0() + c) == CellFlag.VALID;
                assertEquals(valid, l.isActive(r, c));
                flagged += valid ? 0 : 1;
            }
        }
        assertEquals(44, g.count(CellFlag.POLE_HOLE, a), "the whole pole hole is inside");
        assertEquals(195, g.count(CellFlag.LAND, a));
        assertEquals(87, g.count(CellFlag.COAST, a));
        assertEquals(a.cells() - flagged, l.activeCount());
    }
}
