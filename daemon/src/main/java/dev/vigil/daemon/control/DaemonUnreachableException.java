package dev.vigil.daemon.control;

import java.io.IOException;
import java.nio.file.Path;

/** No daemon answers on the control socket. */
public final class DaemonUnreachableException extends IOException {
    public DaemonUnreachableException(Path socket, IOException cause) {
        super("cannot reach the daemon at " + socket + ": " + describe(cause) + " (is 'vigil run' running?)", cause);
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
