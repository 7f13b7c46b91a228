package dev.vigil.kernel.ipvs;

import dev.vigil.kernel.libc.KernelException;

/** The kernel has no IPVS: the generic netlink family {@code IPVS} does not resolve. */
public class IpvsUnavailableException extends KernelException {
    static final String MESSAGE =
            "IPVS is not available in this kernel (generic netlink family IPVS not found; modprobe ip_vs)";

    public IpvsUnavailableException(int errno, Throwable cause) {
        super("CTRL_CMD_GETFAMILY(IPVS)", errno, null);
        initCause(cause);
    }

    @Override
    public String getMessage() {
        return MESSAGE;
    }
}
