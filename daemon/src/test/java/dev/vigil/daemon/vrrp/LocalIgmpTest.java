package dev.vigil.daemon.vrrp;

import dev.vigil.kernel.sysctl.FakeSysctl;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LocalIgmpTest {
    private final FakeSysctl sysctl = new FakeSysctl();
    private final LocalIgmp igmp = new LocalIgmp(sysctl);

    @Test
    void setWhileTheOptionIsOnAndGivenBackWhenItGoes() {
        sysctl.write(LocalIgmp.KEY, "1");
        igmp.configure(false);
        assertThat(sysctl.read(LocalIgmp.KEY)).isEqualTo("1");
        igmp.configure(true);
        assertThat(sysctl.read(LocalIgmp.KEY)).isEqualTo("0");
        igmp.configure(true);
        assertThat(sysctl.read(LocalIgmp.KEY)).isEqualTo("0");
        igmp.configure(false); // a reload without the option
        assertThat(sysctl.read(LocalIgmp.KEY)).isEqualTo("1");
        igmp.configure(true);
        igmp.restore(); // stop
        assertThat(sysctl.read(LocalIgmp.KEY)).isEqualTo("1");
    }

    @Test
    void aValueChangedMeanwhileOrAlreadyZeroIsLeftAlone() {
        sysctl.write(LocalIgmp.KEY, "1");
        igmp.configure(true);
        sysctl.write(LocalIgmp.KEY, "1"); // an operator turned it back on
        igmp.restore();
        assertThat(sysctl.read(LocalIgmp.KEY)).isEqualTo("1");

        sysctl.write(LocalIgmp.KEY, "0");
        LocalIgmp again = new LocalIgmp(sysctl);
        again.configure(true);
        again.restore();
        assertThat(sysctl.read(LocalIgmp.KEY)).isEqualTo("0");
    }

    @Test
    void aKernelWithoutTheParameterIsLoggedNotFatal() {
        igmp.configure(true);
        igmp.restore();
        assertThat(sysctl.values()).doesNotContainKey(LocalIgmp.KEY);
    }
}
