package org.iceising.cli;

/**
 * The libraries' logging (netCDF-Java, ND4J, the downloader) goes through slf4j-simple, which
 * {@code simplelogger.properties} turns off. {@code --verbose} turns it on: slf4j-simple reads its
 * settings once, when the first logger is made, so this runs before any command does.
 */
final class Logging {
    private Logging() {
    }

    /** Library lines from INFO up, IceIsing's own from DEBUG, all on stderr. */
    static void verbose() {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
        System.setProperty("org.slf4j.simpleLogger.log.org.iceising", "debug");
    }
}
