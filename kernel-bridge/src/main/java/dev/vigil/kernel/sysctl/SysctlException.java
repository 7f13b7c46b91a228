package dev.vigil.kernel.sysctl;

/** A kernel parameter could not be read or written; the message names the key. */
public final class SysctlException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SysctlException(String message, Throwable cause) {
        super(message, cause);
    }
}
