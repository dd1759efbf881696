package org.iceising.app.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.iceising.app.parameters.Preset;
import org.iceising.learn.report.ColourScale;
import org.iceising.learn.report.Png;
import org.iceising.model.CancelledException;
import org.iceising.model.Ensemble;
import org.iceising.model.IsingParams;
import org.iceising.model.Lattice;
import org.iceising.model.ProgressMonitor;
import org.iceising.model.SeasonRun;
import org.iceising.model.SemiMonthlyPeriod;
import org.iceising.model.SimulationSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnimationTest {
    private static final SemiMonthlyPeriod SEPT_16 = new SemiMonthlyPeriod(LocalDate.of(2018, 9, 16)); // 15 days
    private static final SemiMonthlyPeriod OCT_1 = new SemiMonthlyPeriod(LocalDate.of(2018, 10, 1)); // 15 days
    private static final IsingParams FREEZE = Preset.STUDY_FREEZE_SAMPLE.params();
    private static final long STEPS = 20_000;
    private static final long SEED = 7;

    @TempDir
    Path dir;

    /** A 20 × 20 lattice with masked cells. */
    static Lattice lattice(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] c = new double[20 * 20];
        for (int i = 0; i < c.length; i++) {
            c[i] = i % 37 == 0 ? Double.NaN : r.nextDouble();
        }
        return Lattice.ofConcentration(20, 20, c);
    }

    /** Observations of Sept 16 (start, a mid day and end); Oct 1 has no file at its start. */
    private static final Animation.Observations OBSERVED = (p, m) -> {
        Map<LocalDate, Lattice> out = new TreeMap<>();
        if (p.equals(SEPT_16)) {
            out.put(p.start(), lattice(1));
            out.put(p.start().plusDays(5), lattice(2));
            out.put(p.end(), lattice(3));
        } else {
            out.put(p.end(), lattice(4));
        }
        return out;
    };

    private static Animation.Request request(Map<SemiMonthlyPeriod, IsingParams> periods, int delay) {
        return new Animation.Request(periods, SimulationSettings.study(), STEPS, SEED, ColourScale.ICE, delay, "Focus area test");
    }

    /** 8 px margin, two panels of 20 cells × 15 px with 8 px after each, a 90 px colour bar; title, two caption lines, label. */
    private static final int WIDTH = 8 + 2 * (20 * 15 + 8) + 90;
    private static final int HEIGHT = 30 + 2 * 14 + 20 * 15 + 16 + 8 + 8;

    @Test
    void aGifHasOneFramePerDayTheDelayOfTheSpeedAndLoopsForEver() throws Exception {
        Path gif = dir.resolve("period.gif");
        int delay = Animation.delayCentis(2);
        assertEquals(50, delay, "two days a second: half a second a frame");
        int n = Animation.write(gif, Animation.Format.GIF, request(Map.of(SEPT_16, FREEZE), delay), OBSERVED, ProgressMonitor.NONE);
        assertEquals(16, n, "the start and the end of each of 15 days");

        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            reader.setInput(in);
            assertEquals(16, reader.getNumImages(true));
            for (int k = 0; k < 16; k++) {
                BufferedImage frame = reader.read(k);
                assertEquals(WIDTH, frame.getWidth());
                assertEquals(HEIGHT, frame.getHeight());
                IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(k).getAsTree("javax_imageio_gif_image_1.0");
                IIOMetadataNode control = (IIOMetadataNode) root.getElementsByTagName("GraphicControlExtension").item(0);
                assertEquals("50", control.getAttribute("delayTime"));
            }
            IIOMetadataNode first = (IIOMetadataNode) reader.getImageMetadata(0).getAsTree("javax_imageio_gif_image_1.0");
            IIOMetadataNode app = (IIOMetadataNode) first.getElementsByTagName("ApplicationExtension").item(0);
            assertEquals("NETSCAPE", app.getAttribute("applicationID"));
            assertEquals("2.0", app.getAttribute("authenticationCode"));
            // sub-block 1, loop count 0 (little-endian): for ever
            assertArrayEquals(new byte[] {1, 0, 0}, (byte[]) app.getUserObject());
        } finally {
            reader.dispose();
        }
        assertEquals(List.of(gif), files(dir), "no temporary file is left beside it");
    }

    @Test
    void pngFramesShowTheObservedDayBesideTheSimulationThatEndsWhereTheChainDoes() throws Exception {
        Path frames = dir.resolve("frames");
        int n = Animation.write(frames, Animation.Format.PNG_FRAMES, request(Map.of(SEPT_16, FREEZE), 10), OBSERVED, ProgressMonitor.NONE);
        assertEquals(16, n);
        assertEquals(16, files(frames).size());
        assertEquals(frames.resolve("frame-0001.png"), files(frames).get(0));
        assertEquals(frames.resolve("frame-0016.png"), files(frames).get(15));

        // the last frame's simulated panel is the period run at once (chain 0 of an ensemble with the seed)
        Lattice start = lattice(1);
        Lattice end = Ensemble.run(start, FREEZE, SimulationSettings.study(), SeasonRun.steps(start, STEPS), 1, SEED, 1, ProgressMonitor.NONE).get(0);
        BufferedImage last = ImageIO.read(frames.resolve("frame-0016.png").toFile());
        assertEquals(WIDTH, last.getWidth());
        assertPanel(last, 8 + 20 * 15 + 8, end);
        // beside it the observed end; day 5 shows its observation, day 1 (no file) the masked grey
        assertPanel(last, 8, lattice(3));
        assertPanel(ImageIO.read(frames.resolve("frame-0006.png").toFile()), 8, lattice(2));
        BufferedImage day1 = ImageIO.read(frames.resolve("frame-0002.png").toFile());
        assertEquals(Png.MASKED, day1.getRGB(8 + 7, 30 + 28 + 16 + 7));
        // the first frame shows the observed start twice
        assertPanel(ImageIO.read(frames.resolve("frame-0001.png").toFile()), 8 + 20 * 15 + 8, start);
    }

    /** Every cell's centre pixel in the panel at x0 is the ice scale's colour of the lattice's value (grey where masked). */
    private static void assertPanel(BufferedImage img, int x0, Lattice expected) {
        int y0 = 30 + 2 * 14 + 16;
        double[] c = expected.concentrations();
        for (int r = 0; r < 20; r++) {
            for (int col = 0; col < 20; col++) {
                double v = c[r * 20 + col];
                int want = Double.isNaN(v) ? Png.MASKED : ColourScale.ICE.argb(v);
                assertEquals(want, img.getRGB(x0 + col * 15 + 7, y0 + r * 15 + 7), "cell " + r + "," + col);
            }
        }
    }

    @Test
    void aSeasonPassesOverAPeriodWithoutAnObservedStart() throws Exception {
        Map<SemiMonthlyPeriod, IsingParams> both = new TreeMap<>(Map.of(SEPT_16, FREEZE, OCT_1, FREEZE));
        assertEquals(16, Animation.write(dir.resolve("season.gif"), Animation.Format.GIF, request(both, 10), OBSERVED, ProgressMonitor.NONE));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Animation.write(dir.resolve("oct.gif"),
                Animation.Format.GIF, request(Map.of(OCT_1, FREEZE), 10), OBSERVED, ProgressMonitor.NONE));
        assertEquals("nothing to animate: no period has an observed start (no file on 2018-10-01)", e.getMessage());
        assertEquals(List.of(dir.resolve("season.gif")), files(dir), "nothing of the failed export is left");
    }

    @Test
    void aCancelledExportLeavesNothingHalfWritten() throws Exception {
        for (Animation.Format format : Animation.Format.values()) {
            Path target = dir.resolve(format == Animation.Format.GIF ? "cut.gif" : "cut-frames");
            AtomicInteger frames = new AtomicInteger();
            ProgressMonitor cancelAfterThree = new ProgressMonitor() {
                @Override
                public void progress(long done, long total, String message) {
                    if (message.startsWith("Frame ")) {
                        frames.incrementAndGet();
                    }
                }

                @Override
                public boolean isCancelled() {
                    return frames.get() >= 3;
                }
            };
            assertThrows(CancelledException.class, () -> Animation.write(target, format, request(Map.of(SEPT_16, FREEZE), 10), OBSERVED,
                    cancelAfterThree));
            assertEquals(3, frames.get(), "three frames were drawn before the cancel");
            assertEquals(List.of(), files(dir), format + ": neither the target nor a temporary file or folder is left");
        }
    }

    @Test
    void pngFramesDoNotGoIntoAFolderThatHoldsFiles() throws Exception {
        Path taken = Files.createDirectory(dir.resolve("taken"));
        Files.writeString(taken.resolve("notes.txt"), "mine");
        IOException e = assertThrows(IOException.class, () -> Animation.write(taken, Animation.Format.PNG_FRAMES,
                request(Map.of(SEPT_16, FREEZE), 10), OBSERVED, ProgressMonitor.NONE));
        assertTrue(e.getMessage().contains("already exists and is not an empty folder"), e.getMessage());
        assertEquals(List.of(taken.resolve("notes.txt")), files(taken));
        assertEquals(List.of(taken), files(dir));
        // an empty folder of that name is taken over
        Path empty = Files.createDirectory(dir.resolve("empty"));
        assertEquals(16, Animation.write(empty, Animation.Format.PNG_FRAMES, request(Map.of(SEPT_16, FREEZE), 10), OBSERVED, ProgressMonitor.NONE));
        assertEquals(16, files(empty).size());
    }

    @Test
    void theDelayFollowsTheSpeedWithinWhatGifAllows() {
        assertEquals(200, Animation.delayCentis(0.5));
        assertEquals(100, Animation.delayCentis(1));
        assertEquals(7, Animation.delayCentis(15));
        assertEquals(2, Animation.delayCentis(60), "a 60th of a second is below what viewers honour: 2 hundredths");
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.sorted().toList();
        }
    }
}
