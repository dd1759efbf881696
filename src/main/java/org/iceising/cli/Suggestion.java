package org.iceising.cli;

import java.util.Collection;
import java.util.Map;
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
        // the distance, or -1 beyond the threshold
        LevenshteinDistance distance = new LevenshteinDistance(Math.max(1, typed.length() / 3));
        return names.stream()
                .map(n -> Map.entry(n, distance.apply(typed, n)))
                .filter(e -> e.getValue() >= 0)
                .min(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey);
    }
}
