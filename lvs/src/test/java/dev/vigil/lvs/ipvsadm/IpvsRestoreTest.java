package dev.vigil.lvs.ipvsadm;

import dev.vigil.kernel.ipvs.FakeIpvsTable;
import dev.vigil.kernel.ipvs.IpAddresses;
import dev.vigil.kernel.ipvs.Service;
import dev.vigil.kernel.ipvs.ServiceKey;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IpvsRestoreTest {
    private final FakeIpvsTable table = new FakeIpvsTable();

    @Test
    void appliesRulesAndSavesThemBack() {
        String rules = "-A -t 10.0.0.1:80 -s wrr -p 120\n-a -t 10.0.0.1:80 -r 10.0.0.2:80 -m -w 3\n"
                + "-A -f 7 -6 -s rr\n-a -f 7 -6 -r [2001:db8::2]:0 -g -w 1\n";
        IpvsRestore.Result r = new IpvsRestore(table).restore(rules, false);
        assertThat(r.ok()).isTrue();
        assertThat(r.applied()).isEqualTo(4);
        assertThat(IpvsadmSave.save(table)).isEqualTo(rules);
    }

    @Test
    void flushFirstReplacesTheTable() {
        table.addService(Service.of(ServiceKey.udp(IpAddresses.parse("10.0.0.9"), 53), "rr"));
        new IpvsRestore(table).restore("-A -t 10.0.0.1:80 -s rr\n", true);
        assertThat(IpvsadmSave.save(table)).isEqualTo("-A -t 10.0.0.1:80 -s rr\n");
    }

    @Test
    void kernelRefusalsNameTheLineAndTheReasonAndTheRestIsApplied() {
        String rules = "-A -t 10.0.0.1:80 -s rr\n\n-a -t 10.0.0.1:99 -r 10.0.0.2 -m\n-A -t 10.0.0.1:80 -s rr\n"
                + "-a -t 10.0.0.1:80 -r 10.0.0.3 -m\n";
        IpvsRestore.Result r = new IpvsRestore(table).restore(rules, false);
        assertThat(r.applied()).isEqualTo(2);
        assertThat(r.failures()).extracting(IpvsRestore.Failure::line).containsExactly(3, 4);
        assertThat(r.failures().get(0).toString()).isEqualTo(
                "line 3: ESRCH (No such process): service not defined: -a -t 10.0.0.1:99 -r 10.0.0.2 -m");
        assertThat(r.failures().get(1).reason()).isEqualTo("EEXIST (File exists): service already exists");
        assertThat(r.failures().get(0).op()).isEqualTo("IPVS_CMD_NEW_DEST(TCP 10.0.0.1:99 -> 10.0.0.2:99)");
        assertThatThrownBy(r::throwIfFailed).isInstanceOf(IpvsadmException.class)
                .hasMessageStartingWith("2 of 4 rules refused by the kernel: line 3: ESRCH (No such process)");
        assertThat(IpvsadmSave.save(table)).isEqualTo("-A -t 10.0.0.1:80 -s rr\n-a -t 10.0.0.1:80 -r 10.0.0.3:80 -m -w 1\n");
    }

    @Test
    void malformedRulesApplyNothing() {
        assertThatThrownBy(() -> new IpvsRestore(table).restore("-A -t 10.0.0.1:80\n-a -t 10.0.0.1:80 -r x\n", true))
                .isInstanceOf(IpvsadmException.class).hasMessageContaining("line 2: illegal real server address");
        assertThat(table.applyCalls()).isZero();
        assertThat(table.listServices()).isEmpty();
    }

    @Test
    void appliesInBatches() {
        StringBuilder rules = new StringBuilder();
        for (int i = 1; i <= 10; i++) {
            rules.append("-A -t 10.0.0.1:").append(i).append('\n');
        }
        new IpvsRestore(table, 3).restore(rules.toString(), false);
        assertThat(table.applyCalls()).isEqualTo(4);
        assertThat(table.listServices()).hasSize(10);
    }
}
