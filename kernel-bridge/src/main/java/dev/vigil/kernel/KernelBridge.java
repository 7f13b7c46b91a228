package dev.vigil.kernel;

import dev.vigil.kernel.libc.Syscalls;

/**
 * Answers "can this process program the kernel?". Kernel-facing code and integration tests start
 * with {@link #isAvailable()} or {@link #ensureAvailability()}.
 */
public final class KernelBridge {
    private KernelBridge() {
    }

    /** True when libc could be bound and this is Linux. */
    public static boolean isAvailable() {
        return unavailabilityCause() == null;
    }

    /** Why the kernel bridge cannot be used, or {@code null} when it can. */
    public static Throwable unavailabilityCause() {
        return Syscalls.unavailabilityCause();
    }

    /** Throws the unavailability cause when the bridge cannot be used. */
    public static void ensureAvailability() {
        Throwable cause = unavailabilityCause();
        if (cause != null) {
            throw new UnsupportedOperationException("kernel bridge unavailable: " + cause.getMessage(), cause);
        }
    }
}
