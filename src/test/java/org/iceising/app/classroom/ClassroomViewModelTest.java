package org.iceising.app.classroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.iceising.app.task.SameThreadJobRunner;
import org.iceising.model.Boundary;
import org.iceising.model.ClassroomChain;
import org.iceising.model.Onsager;
import org.iceising.model.SpinKind;
import org.junit.jupiter.api.Test;

/** The classroom's state on the same-thread job runner: no window, no waiting. */
class ClassroomViewModelTest {
    private final ClassroomViewModel vm = new ClassroomViewModel(new SameThreadJobRunner());

    @Test
    void stepsAdvanceTheChainAndFillTheTimePlot() {
        vm.sizeProperty().set(16);
        assertEquals(16, vm.snapshotProperty().get().setup().size());
        assertEquals(0, vm.snapshotProperty().get().sweeps());
        vm.step(3);
        vm.step(2);
        assertEquals(5, vm.snapshotProperty().get().sweeps());
        assertEquals(List.of(0L, 3L, 5L), vm.history().stream().map(ClassroomViewModel.TimePoint::sweep).toList());
        assertEquals(vm.snapshotProperty().get().energyPerSite(), vm.history().get(2).energyPerSite());
    }

    @Test
    void slidersActOnTheNextSweepAndSetupChangesStartAfresh() {
        vm.sizeProperty().set(16);
        vm.step(2);
        vm.temperatureProperty().set(3.3);
        vm.fieldProperty().set(-0.5);
        vm.step(1);
        assertEquals(new ClassroomChain.Conditions(3.3, 1, -0.5), vm.snapshotProperty().get().conditions());
        assertEquals(3, vm.snapshotProperty().get().sweeps());
        vm.spinsProperty().set(SpinKind.CONTINUOUS);
        assertEquals(0, vm.snapshotProperty().get().sweeps());
        assertEquals(SpinKind.CONTINUOUS, vm.snapshotProperty().get().setup().spins());
        assertEquals(1, vm.history().size());
        vm.startProperty().set(ClassroomChain.Start.ORDERED);
        double[] spins = vm.snapshotProperty().get().spins();
        assertTrue(java.util.Arrays.stream(spins).allMatch(s -> s == 1), "an ordered start is all +1");
    }

    @Test
    void zeroAveragesStartsTheMeansAgain() {
        vm.sizeProperty().set(16);
        vm.step(10);
        assertEquals(10, vm.snapshotProperty().get().samples());
        vm.zeroAverages();
        assertEquals(0, vm.snapshotProperty().get().samples());
        vm.step(4);
        assertEquals(4, vm.snapshotProperty().get().samples());
    }

    @Test
    void startAtTcSetsTheTextbookCriticalPoint() {
        vm.spinsProperty().set(SpinKind.CONTINUOUS);
        vm.boundaryProperty().set(Boundary.STUDY);
        vm.couplingProperty().set(0.5);
        vm.fieldProperty().set(1);
        vm.startAtCriticalTemperature();
        ClassroomChain.Snapshot s = vm.snapshotProperty().get();
        assertEquals(new ClassroomChain.Conditions(Onsager.CRITICAL_TEMPERATURE, 1, 0), s.conditions());
        assertEquals(SpinKind.BINARY, s.setup().spins());
        assertEquals(Boundary.PERIODIC, s.setup().boundary());
        assertEquals("", vm.onsagerCaveat());
    }

    @Test
    void temperatureSweepMeasuresAgainstOnsagerAndExportsBoth() {
        vm.sizeProperty().set(32);
        vm.temperatureSweep(4, 200, 800);
        assertEquals(4, vm.sweepPoints().size());
        assertEquals(List.of(1.0, 2.0, 3.0, 4.0), vm.sweepPoints().stream().map(ClassroomChain.SweepPoint::temperature).toList());
        assertEquals(Onsager.magnetisation(1.0, 1), vm.sweepPoints().get(0).meanAbsMagnetisation(), 0.01);
        assertEquals(Onsager.energyPerSite(3.0, 1), vm.sweepPoints().get(2).meanEnergy(), 0.03);
        assertTrue(vm.noteProperty().get().startsWith("Swept 4 temperatures on a 32 × 32 lattice"), vm.noteProperty().get());
        String[] lines = vm.sweepCsv().split("\n");
        assertEquals(5, lines.length);
        assertTrue(lines[0].startsWith("temperature,mean_abs_magnetisation"));
        String[] first = lines[1].split(",");
        assertEquals(Onsager.magnetisation(1.0, 1), Double.parseDouble(first[4]), 1e-6);
        assertEquals(Onsager.energyPerSite(1.0, 1), Double.parseDouble(first[5]), 1e-6);
    }

    @Test
    void sweepTemperaturesScaleWithJAndTheCaveatSaysWhenOnsagerDoesNotApply() {
        vm.sizeProperty().set(16);
        vm.couplingProperty().set(2);
        vm.fieldProperty().set(0.25);
        vm.temperatureSweep(2, 1, 1);
        assertEquals(List.of(2.0, 8.0), vm.sweepPoints().stream().map(ClassroomChain.SweepPoint::temperature).toList());
        assertTrue(vm.noteProperty().get().contains("H = 0 only"), vm.noteProperty().get());
    }
}
