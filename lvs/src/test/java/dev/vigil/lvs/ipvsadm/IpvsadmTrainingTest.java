package dev.vigil.lvs.ipvsadm;

import dev.vigil.kernel.ipvs.FakeIpvsTable;
import dev.vigil.kernel.ipvs.NetlinkIpvs;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The canned kernels that train the class-data archive run the real save and restore path. */
class IpvsadmTrainingTest {
    private static final String RULES = """
            -A -t 10.1.0.1:80 -s wrr
            -a -t 10.1.0.1:80 -r 10.2.0.1:8080 -m -w 1
            -a -t 10.1.0.1:80 -r not-an-address:80 -m
            -A -u [2001:db8::1]:53 -s rr -p 300
            -a -u [2001:db8::1]:53 -r [2001:db8::2]:53 -g -w 2
            """;

    @Test
    void trainsOnTheRulesThatParse() {
        List<IpvsadmRules.Rule> rules = IpvsadmTraining.validRules(RULES);
        assertThat(rules).hasSize(4);
        assertThat(rules).extracting(IpvsadmRules.Rule::line).containsExactly(1, 2, 4, 5);
    }

    @Test
    void aSaveThroughTheCannedDumpsIsTheSaveOfTheTable() {
        List<IpvsadmRules.Rule> rules = IpvsadmTraining.validRules(RULES);
        FakeIpvsTable fake = new FakeIpvsTable();
        assertThat(new IpvsRestore(fake).restore(rules, false).failures()).isEmpty();
        try (NetlinkIpvs canned = IpvsadmTraining.ipvs(new IpvsadmTraining.DumpingKernel(rules))) {
            assertThat(IpvsadmSave.save(canned)).isEqualTo(IpvsadmSave.save(fake)).contains("-A -t 10.1.0.1:80 -s wrr");
        }
        try (NetlinkIpvs acking = IpvsadmTraining.ipvs(new IpvsadmTraining.AckingKernel())) {
            assertThat(new IpvsRestore(acking).restore(rules, true).ok()).isTrue();
        }
    }
}
