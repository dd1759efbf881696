package org.iceising.app.task;

import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;
import org.iceising.data.download.EarthdataAuthException;
import org.iceising.data.download.NoGranulesException;

/**
 * The one place of the workbench that turns an exception into the line a user reads: what went
 * wrong and where, in words, no class names and no stack trace. The layers below say the what and
 * where in their messages; this unwraps them and words the few that carry no message.
 */
public final class Failures {
    /** A plain lower-case word at the start: "the file …", not "nt_20180616_f18_nrt_n.bin: …". */
    private static final Pattern FIRST_WORD = Pattern.compile("[a-z]+(?![\\w.])");

    private Failures() {
    }

    /** One line saying what went wrong; a sentence starts with a capital, a file name is left as it is. */
    public static String describe(Throwable thrown) {
        String line = words(unwrap(thrown));
        return FIRST_WORD.matcher(line).lookingAt() ? Character.toUpperCase(line.charAt(0)) + line.substring(1) : line;
    }

    private static String words(Throwable t) {
        if (t instanceof EarthdataAuthException) {
            return "Earthdata refused the credentials: " + message(t);
        }
        if (t instanceof NoGranulesException) {
            return "Nothing to fetch: " + message(t);
        }
        if (t instanceof NoSuchFileException f) {
            return "No such file or folder: " + f.getFile();
        }
        if (t instanceof AccessDeniedException f) {
            return "Not allowed to read or write " + f.getFile();
        }
        if (t instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason() + ": " + f.getFile();
        }
        if (t instanceof OutOfMemoryError) {
            return "Out of memory: give the workbench more (java -Xmx…) or ask for less";
        }
        if (t instanceof LinkageError) {
            return "A library the workbench needs could not be loaded on this machine: " + message(t);
        }
        return message(t);
    }

    /** The cause that says what happened, under the wrappers that only say where it was caught. */
    private static Throwable unwrap(Throwable t) {
        Throwable at = t;
        while (at.getCause() != null && at.getCause() != at
                && (at instanceof ExecutionException || at instanceof CompletionException || at instanceof InvocationTargetException
                || at instanceof UncheckedIOException || at.getMessage() == null || at.getMessage().isBlank()
                || at.getMessage().equals(at.getCause().toString()))) {
            at = at.getCause();
        }
        return at;
    }

    /** The message's first line, or a plain sentence when there is none. */
    private static String message(Throwable t) {
        String m = t.getMessage();
        if (m == null || m.isBlank()) {
            return "an unexpected error (" + kind(t.getClass().getSimpleName()) + ")";
        }
        return m.lines().findFirst().orElse("").strip();
    }

    /** "IllegalStateException" → "illegal state". */
    private static String kind(String className) {
        return className.replaceAll("(Exception|Error)$", "").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }
}
