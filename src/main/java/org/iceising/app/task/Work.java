package org.iceising.app.task;

import org.iceising.model.ProgressMonitor;

/** The plain-Java body of a {@link Job}: it reports to a monitor and stops when the monitor says it is cancelled. */
@FunctionalInterface
public interface Work<T> {
    T run(ProgressMonitor monitor) throws Exception;
}
