package dev.vigil.lvs.ipvsadm;

import dev.vigil.kernel.ipvs.FakeIpvsTable;
import dev.vigil.kernel.ipvs.ForwardMethod;
import dev.vigil.kernel.ipvs.IpAddresses;
import dev.vigil.kernel.IpFamily;
import dev.vigil.kernel.ipvs.IpvsConstants;
import dev.vigil.kernel.ipvs.IpvsGolden;
import dev.vigil.kernel.ipvs.Service;
import dev.vigil.kernel.ipvs.ServiceFlag;
import dev.vigil.kernel.ipvs.ServiceKey;
import dev.vigil.kernel.ipvs.TunnelType;
import dev.vigil.kernel.ipvs.Destination;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** IpvsadmSave against what ipvsadm -Sn printed for the same table (recorded in the IPVS VM). */
class IpvsadmSaveTest {
    static final List<String> SCENARIOS = Resources.SCENARIOS;

    /** Builds the table from NAME.rules in a fake, orders services as the kernel dumped them, formats. */
    @ParameterizedTest
    @FieldSource("SCENARIOS")
    void sameTextAsIpvsadmSave(String name) {
        FakeIpvsTable table = new FakeIpvsTable();
        IpvsRestore.Result r = new IpvsRestore(table).restore(Resources.text(name + ".rules"), false);
        assertThat(r.failures()).hasSize(name.equals("order") ? 2 : 0);
        List<Service> services = Resources.inKernelOrder(table.listServices(), Resources.text(name + ".nosort"));
        assertThat(IpvsadmSave.format(services, table::listDestinations)).isEqualTo(Resources.text(name + ".saved"));
    }

    /** Decodes the kernel's dump replies captured under ipvsadm -S -n and formats them. */
    @Test
    void savesTheCapturedKernelDumpAsIpvsadmDid() {
        IpvsGolden g = IpvsGolden.load("save");
        String saved = g.run(IpvsadmSave::save);
        assertThat(saved).isEqualTo(String.join("\n", g.output()) + "\n");
    }

    @Test
    void emptyTableIsEmptyText() {
        assertThat(IpvsadmSave.save(new FakeIpvsTable())).isEmpty();
    }

    /** Streamed in parts (a table of several parts here) or built as one string: the same text. */
    @Test
    void streamedSaveIsTheSameText() throws Exception {
        FakeIpvsTable table = new FakeIpvsTable();
        assertThat(new IpvsRestore(table).restore(IpvsRestorePerfIT.rules(600, 10), false).failures()).isEmpty();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        IpvsadmSave.save(table, out);
        String text = IpvsadmSave.save(table);
        assertThat(text.length()).isGreaterThan(3 * 64 * 1024);
        assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(text);
    }

    @Test
    void lineFormats() {
        ServiceKey web = ServiceKey.udp(IpAddresses.parse("2001:db8::1"), 5060);
        Service s = Service.of(web, "sh").persistent(30).withNetmask(64).withPeName("sip")
                .withFlag(ServiceFlag.ONEPACKET, true).withFlag(ServiceFlag.SH_PORT, true);
        assertThat(IpvsadmSave.serviceLine(s)).isEqualTo("-A -u [2001:db8::1]:5060 -s sh -p 30 -M 64 --pe sip -o -b sh-port");
        Destination d = Destination.of(IpAddresses.parse("10.0.0.2"), 80, ForwardMethod.TUNNEL, 0)
                .withTunnel(TunnelType.GUE, 6080, IpvsConstants.TUNNEL_ENCAP_FLAG_REMCSUM);
        assertThat(IpvsadmSave.destinationLine("-f 7 -6", d))
                .isEqualTo("-a -f 7 -6 -r 10.0.0.2:80 -i -w 0 --tun-type gue --tun-port 6080 --tun-remcsum");
        assertThat(IpvsadmSave.serviceArgs(ServiceKey.fwmark(IpFamily.V4, -1))).isEqualTo("-f -1");
        assertThat(IpvsadmSave.serviceArgs(ServiceKey.sctp(IpAddresses.parse("10.0.0.1"), 9)))
                .isEqualTo("--sctp-service 10.0.0.1:9");
    }
}
