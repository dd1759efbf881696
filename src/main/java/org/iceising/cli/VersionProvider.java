package org.iceising.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest, or "development" when run from classes. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = IceIsingCommand.class.getPackage().getImplementationVersion();
        return new String[] {"IceIsing " + (v == null ? "development build" : v)};
    }
}
