package org.iceising.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * How option values are read, with messages in words that give the accepted form and range (picocli's
 * own name the Java type and the parser's exception).
 */
final class Converters {
    /** NSIDC's daily grids begin on 25 October 1978; dates well outside the era of the data are mistakes. */
    static final LocalDate FIRST_DATE = LocalDate.of(1978, 1, 1);
    static final LocalDate LAST_DATE = LocalDate.of(2100, 12, 31);
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);

    private Converters() {
    }

    static void register(CommandLine cl) {
        cl.registerConverter(LocalDate.class, Converters::date);
        ITypeConverter<Integer> ints = s -> (int) whole(s, Integer.MIN_VALUE, Integer.MAX_VALUE);
        cl.registerConverter(Integer.class, ints);
        cl.registerConverter(int.class, ints);
        ITypeConverter<Long> longs = s -> whole(s, Long.MIN_VALUE, Long.MAX_VALUE);
        cl.registerConverter(Long.class, longs);
        cl.registerConverter(long.class, longs);
        cl.registerConverter(Double.class, Converters::number);
        cl.registerConverter(double.class, Converters::number);
        cl.registerConverter(Path.class, Converters::path);
        cl.registerConverter(URI.class, Converters::uri);
    }

    /**
     * Reads an option's value with a parser of the layers below, whose refusal does not know the
     * option: it is named in front ("--area: focus area rows ... are outside ...").
     */
    static <T> T named(String option, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage(), e);
        }
    }

    /**
     * A converter for an option named with {@code converter = ...}: the value read by a parser of the
     * layers below, whose refusal (an IllegalArgumentException that lists the accepted names) becomes
     * picocli's.
     */
    abstract static class ByParser<T> implements ITypeConverter<T> {
        private final java.util.function.Function<String, T> parse;

        ByParser(java.util.function.Function<String, T> parse) {
            this.parse = parse;
        }

        @Override
        public T convert(String value) {
            try {
                return parse.apply(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static LocalDate date(String s) {
        LocalDate d;
        try {
            d = LocalDate.parse(s.trim(), ISO);
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("'" + s + "' is not a date: expected YYYY-MM-DD such as 2018-06-16, from "
                    + FIRST_DATE + " to " + LAST_DATE);
        }
        if (d.isBefore(FIRST_DATE) || d.isAfter(LAST_DATE)) {
            throw new TypeConversionException("'" + s + "' is outside " + FIRST_DATE + " .. " + LAST_DATE
                    + " (the satellite record starts in October 1978)");
        }
        return d;
    }

    private static long whole(String s, long min, long max) {
        long v;
        try {
            v = Long.parseLong(s.trim().replace("_", ""));
        } catch (NumberFormatException e) {
            if (!s.trim().matches("[-+]?[0-9_]+")) {
                throw new TypeConversionException(String.format(Locale.ROOT, "'%s' is not a whole number", s));
            }
            throw new TypeConversionException(String.format(Locale.ROOT, "'%s' is out of range (from %,d to %,d)", s, min, max));
        }
        if (v < min || v > max) {
            throw new TypeConversionException(String.format(Locale.ROOT, "'%s' is out of range (from %,d to %,d)", s, min, max));
        }
        return v;
    }

    private static double number(String s) {
        double v;
        try {
            v = Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + s + "' is not a number (such as 2.5 or -1e-3)");
        }
        if (!Double.isFinite(v)) {
            throw new TypeConversionException("'" + s + "' is not a finite number");
        }
        return v;
    }

    private static Path path(String s) {
        if (s.isBlank()) {
            throw new TypeConversionException("an empty path names no file or folder");
        }
        try {
            return Path.of(s);
        } catch (InvalidPathException e) {
            throw new TypeConversionException("'" + s + "' is not a usable path (" + e.getReason() + ")");
        }
    }

    private static URI uri(String s) {
        URI u;
        try {
            u = new URI(s.trim());
        } catch (URISyntaxException e) {
            throw new TypeConversionException("'" + s + "' is not a web address (" + e.getReason().toLowerCase(Locale.ROOT) + ")");
        }
        if (!"https".equalsIgnoreCase(u.getScheme()) && !"http".equalsIgnoreCase(u.getScheme()) || u.getHost() == null) {
            throw new TypeConversionException("'" + s + "' is not a web address: expected https://HOST such as https://cmr.earthdata.nasa.gov");
        }
        return u;
    }
}
