package dev.vigil.kernel.libc;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/** Errno names and libc's descriptions (strerror through jffi). */
class ErrnoTest {
    @Test
    void namesAndDescriptions() {
        assertThat(Errno.name(Errno.ENOENT)).isEqualTo("ENOENT");
        assertThat(Errno.name(100_000)).isEqualTo("errno 100000");
        assumeThat(DirectLibC.unavailabilityCause()).as("libc through jffi").isNull();
        assertThat(Errno.description(Errno.ENOENT)).isEqualTo("No such file or directory");
        assertThat(Errno.description(Errno.ESRCH)).isEqualTo("No such process");
        assertThat(Errno.description(100_000)).isEqualTo("Unknown error 100000");
    }

    @Test
    void aKernelExceptionNamesTheOperationTheErrnoAndItsDescription() {
        assumeThat(DirectLibC.unavailabilityCause()).as("libc through jffi").isNull();
        assertThat(new KernelException("sendto(rtnetlink)", Errno.ENOBUFS).getMessage())
                .isEqualTo("sendto(rtnetlink) failed: ENOBUFS (No buffer space available)");
    }
}
