package org.iceising.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Makes the special files a user can point a command at by mistake: named pipes that nobody writes to. */
public final class SpecialFiles {
    private SpecialFiles() {
    }

    /** A named pipe {@code dir/name} made with {@code mkfifo}; reading it blocks until a writer comes. */
    public static Path fifo(Path dir, String name) throws IOException {
        Path p = dir.resolve(name);
        try {
            Process mk = new ProcessBuilder("mkfifo", p.toString()).inheritIO().start();
            if (mk.waitFor() != 0 || !Files.exists(p) || Files.isRegularFile(p)) {
                throw new IOException("mkfifo could not make " + p);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while making " + p, e);
        }
        return p;
    }
}
