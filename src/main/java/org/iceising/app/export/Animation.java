package org.iceising.app.export;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.iceising.app.parameters.ParametersViewModel;
import org.iceising.app.season.SeasonViewModel;
import org.iceising.data.AtomicFiles;
import org.iceising.learn.report.ColourScale;
import org.iceising.learn.report.Png;
import org.iceising.model.CancelledException;
import org.iceising.model.IsingParams;
import org.iceising.model.Lattice;
import org.iceising.model.MetropolisEngine;
import org.iceising.model.ProgressMonitor;
import org.iceising.model.SeasonRun;
import org.iceising.model.Seeds;
import org.iceising.model.SemiMonthlyPeriod;
import org.iceising.model.SimulationSettings;

/**
 * A period or a season as an animation, one frame per simulated day: the observation of the day
 * beside the simulation, with the colour bar and a caption (period, date, parameters, where the
 * data came from) on every frame. Each period is simulated from its own observed start with its
 * own parameters, seeded and split over its days exactly as the live view runs it, so a frame
 * shows what the live view shows on that day. Written as an animated GIF (the JDK's writer; the
 * delay and the endless loop in its metadata) or as a folder of numbered PNG frames; either is
 * written under a temporary name and renamed, and a cancelled export leaves nothing behind.
 *
 * <p>Plain Java: it runs on a job's thread and draws with the JDK's 2D graphics.
 */
public final class Animation {
    /** What the frames are written as. */
    public enum Format {
        /** One animated GIF file that loops for ever. */
        GIF,
        /** A folder of PNG images named frame-0001.png, frame-0002.png, …, in order. */
        PNG_FRAMES
    }

    /** The pixels a frame's panel has on its longer side, at least one per cell. */
    static final int PANEL_PIXELS = 300;

    /** Reads the observations of a period's days in the focus area (days without a file are absent). */
    @FunctionalInterface
    public interface Observations {
        Map<LocalDate, Lattice> of(SemiMonthlyPeriod period, ProgressMonitor monitor) throws IOException;
    }

    /**
     * What to animate and how.
     *
     * @param periods      the periods in order, each with the parameters it is simulated with
     * @param settings     the temperature
     * @param stepsPer3600 Metropolis steps per period for 3,600 ocean cells (scaled by a lattice's)
     * @param seed         the master seed
     * @param scale        the concentration colour scale of every frame
     * @param delayCentis  how long a frame shows in a GIF, in hundredths of a second (2 at least)
     * @param place        the caption's last line: the focus area and the data it came from
     */
    public record Request(Map<SemiMonthlyPeriod, IsingParams> periods, SimulationSettings settings, long stepsPer3600, long seed,
                          ColourScale scale, int delayCentis, String place) {
        public Request {
            if (periods.isEmpty()) {
                throw new IllegalArgumentException("an animation needs at least one period");
            }
            if (delayCentis < 2 || delayCentis > 65_535) {
                throw new IllegalArgumentException("a frame's delay must be 2 to 65,535 hundredths of a second, got " + delayCentis);
            }
            periods = Collections.unmodifiableMap(new LinkedHashMap<>(periods));
        }
    }

    /** Takes each frame as it is drawn. */
    @FunctionalInterface
    interface FrameSink {
        void accept(BufferedImage frame) throws IOException;
    }

    private Animation() {
    }

    /**
     * The frame delay for a playback speed: a day per frame at {@code daysPerSecond}, in hundredths of
     * a second (at least 2, which viewers still honour).
     */
    public static int delayCentis(double daysPerSecond) {
        return (int) Math.max(2, Math.min(65_535, Math.round(100 / daysPerSecond)));
    }

    /**
     * Simulates and writes the animation to {@code target}; returns the number of frames. A period
     * without an observed start is passed over (it cannot be simulated).
     *
     * @throws IOException         if the observations cannot be read or writing fails
     * @throws IllegalArgumentException if no period has an observed start to simulate from
     * @throws CancelledException  if the monitor is cancelled (nothing is left at {@code target})
     */
    public static int write(Path target, Format format, Request request, Observations observations, ProgressMonitor monitor)
            throws IOException {
        int[] count = new int[1];
        if (format == Format.GIF) {
            AtomicFiles.write(target, out -> {
                try (ImageOutputStream ios = new MemoryCacheImageOutputStream(out); Gif gif = new Gif(ios, request.delayCentis())) {
                    count[0] = frames(request, observations, monitor, gif::add);
                    gif.finish();
                }
            });
        } else {
            AtomicFiles.writeFolder(target, dir -> frames(request, observations, monitor, frame -> {
                Path file = dir.resolve(frameName(++count[0]));
                if (!ImageIO.write(frame, "png", file.toFile())) {
                    throw new IOException("no PNG writer in this Java runtime");
                }
            }));
        }
        return count[0];
    }

    /** The name of frame {@code n} (from 1) in a folder of PNG frames. */
    public static String frameName(int n) {
        return String.format(Locale.ROOT, "frame-%04d.png", n);
    }

    /** Simulates the periods day by day and hands each frame to {@code sink}; returns how many there were. */
    static int frames(Request request, Observations observations, ProgressMonitor monitor, FrameSink sink) throws IOException {
        int total = request.periods().keySet().stream().mapToInt(p -> p.days() + 1).sum();
        int done = 0;
        int written = 0;
        List<String> skipped = new ArrayList<>();
        for (Map.Entry<SemiMonthlyPeriod, IsingParams> e : request.periods().entrySet()) {
            SemiMonthlyPeriod period = e.getKey();
            checkCancelled(monitor);
            monitor.progress(done, total, "Reading the observations of " + period);
            Map<LocalDate, Lattice> observed = observations.of(period, ProgressMonitor.NONE);
            Lattice start = observed.get(period.start());
            if (start == null || start.activeCount() == 0) {
                skipped.add(period.start().toString());
                done += period.days() + 1;
                continue;
            }
            long steps = SeasonRun.steps(start, request.stepsPer3600());
            long[] perDay = period.stepsPerDay(steps);
            MetropolisEngine engine = new MetropolisEngine(start.copy(), e.getValue(), request.settings(), Seeds.forRun(request.seed(), 0));
            for (int day = 0; day <= period.days(); day++) {
                checkCancelled(monitor);
                if (day > 0) {
                    engine.run(perDay[day - 1]);
                }
                LocalDate date = period.start().plusDays(day);
                sink.accept(frame(request, period, e.getValue(), day, observed.get(date), engine.lattice()));
                written++;
                monitor.progress(++done, total, "Frame " + written + ": " + date);
            }
        }
        if (written == 0) {
            throw new IllegalArgumentException("nothing to animate: no period has an observed start (no file on " + String.join(", ", skipped) + ")");
        }
        return written;
    }

    private static void checkCancelled(ProgressMonitor monitor) {
        if (monitor.isCancelled()) {
            throw new CancelledException();
        }
    }

    /** One frame: the day's observation (grey with a note where it has no file) beside the simulation. */
    static BufferedImage frame(Request request, SemiMonthlyPeriod period, IsingParams params, int day, Lattice observed, Lattice simulated) {
        LocalDate date = period.start().plusDays(day);
        double[] none = new double[simulated.size()];
        Arrays.fill(none, Double.NaN);
        boolean seen = observed != null && observed.sameShape(simulated);
        List<Png.Panel> panels = List.of(
                new Png.Panel(seen ? "Observed · " + date : "Observed · " + date + ": no file", seen ? observed.concentrations() : none),
                new Png.Panel("Simulated · " + date + " (day " + day + " of " + period.days() + ")", simulated.concentrations()));
        String title = SeasonViewModel.span(period) + " " + period.start().getYear() + " · " + (period.isMelting() ? "melt" : "freeze")
                + " · day " + day + " of " + period.days() + " · " + date;
        String knobs = ParametersViewModel.describe(params, request.settings())
                + String.format(Locale.ROOT, " · %,d steps per 3,600 cells, seed %d", request.stepsPer3600(), request.seed());
        int cell = Math.max(1, PANEL_PIXELS / Math.max(simulated.rows(), simulated.cols()));
        return Png.maps(title, List.of(knobs, request.place()), panels, simulated.rows(), simulated.cols(), 2, request.scale(), cell);
    }

    /** An animated GIF written frame by frame through the JDK's writer. */
    private static final class Gif implements AutoCloseable {
        private static final String FORMAT = "javax_imageio_gif_image_1.0";
        private final ImageWriter writer;
        private final int delay;
        private boolean first = true;

        Gif(ImageOutputStream out, int delayCentis) throws IOException {
            Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("gif");
            if (!writers.hasNext()) {
                throw new IOException("no GIF writer in this Java runtime");
            }
            writer = writers.next();
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            delay = delayCentis;
        }

        void add(BufferedImage frame) throws IOException {
            IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(frame), null);
            IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(FORMAT);
            IIOMetadataNode control = child(root, "GraphicControlExtension");
            control.setAttribute("disposalMethod", "none");
            control.setAttribute("userInputFlag", "FALSE");
            control.setAttribute("transparentColorFlag", "FALSE");
            control.setAttribute("delayTime", Integer.toString(delay));
            control.setAttribute("transparentColorIndex", "0");
            if (first) {
                // the Netscape application extension: loop count 0, for ever
                IIOMetadataNode app = new IIOMetadataNode("ApplicationExtension");
                app.setAttribute("applicationID", "NETSCAPE");
                app.setAttribute("authenticationCode", "2.0");
                app.setUserObject(new byte[] {1, 0, 0});
                child(root, "ApplicationExtensions").appendChild(app);
                first = false;
            }
            meta.setFromTree(FORMAT, root);
            writer.writeToSequence(new IIOImage(frame, null, meta), null);
        }

        void finish() throws IOException {
            writer.endWriteSequence();
        }

        @Override
        public void close() {
            writer.dispose();
        }

        private static IIOMetadataNode child(IIOMetadataNode root, String name) {
            for (int k = 0; k < root.getLength(); k++) {
                if (root.item(k).getNodeName().equalsIgnoreCase(name)) {
                    return (IIOMetadataNode) root.item(k);
                }
            }
            IIOMetadataNode n = new IIOMetadataNode(name);
            root.appendChild(n);
            return n;
        }
    }
}
