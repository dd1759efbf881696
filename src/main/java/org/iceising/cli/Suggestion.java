package org.iceising.cli;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * What a user probably meant by a name that no command or option has: the nearest name by edit
 * distance, when it is near enough to be a slip of the keyboard (at most one edit in three
 * characters, and at least one). picocli's own suggestions are not used: for "fti" they offer
 * "sensitivity" and not "fit".
 */
final class Suggestion {
    private Suggestion() {
    }

    static Optional<String> nearest(String typed, Collection<String> names) {
        LevenshteinDistance distance = new LevenshteinDistance(Math.max(1, typed.length() / 3));
        return names.stream()
                .filter(n -> distance.apply(typed, n) >= 0)
                .min(Comparator.comparingInt((String n) -> distance.apply(typed, n)).thenComparing(Comparator.naturalOrder()));
    }
}
