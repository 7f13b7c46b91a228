package dev.vigil.daemon.lab;

/** The outcome of a command: exit status, standard output and standard error. */
public record ExecResult(int exit, String out, String err) {
    /** True when the command exited 0. */
    public boolean ok() {
        return exit == 0;
    }
}
