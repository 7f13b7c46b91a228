package dev.vigil.kernel.ipvs;

import dev.vigil.kernel.genl.Genl;
import dev.vigil.kernel.libc.Errno;
import dev.vigil.kernel.netlink.FakeNetlinkKernel;
import dev.vigil.kernel.netlink.Netlink;
import dev.vigil.kernel.netlink.NetlinkClient;
import dev.vigil.kernel.netlink.NetlinkException;
import dev.vigil.kernel.netlink.NlMessage;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.vigil.kernel.ipvs.GoldenSupport.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** NetlinkIpvs over a fake kernel: family resolution, batching and error mapping. */
class NetlinkIpvsTest {
    private static final int FAMILY = 0x21;

    /** A kernel with IPVS as family {@link #FAMILY} that fails IPVS requests whose index is in {@code failing}. */
    private static FakeNetlinkKernel kernel(List<Integer> failing, int errno) {
        int[] n = {0};
        return new FakeNetlinkKernel(msgs -> {
            List<FakeNetlinkKernel.Reply> out = new ArrayList<>();
            for (NlMessage m : msgs) {
                if (m.type() == Genl.GENL_ID_CTRL) {
                    byte[] body = Genl.header(1, 2).u16(Genl.CTRL_ATTR_FAMILY_ID, FAMILY)
                            .string(Genl.CTRL_ATTR_FAMILY_NAME, "IPVS").toBytes();
                    out.add(new FakeNetlinkKernel.Reply(Genl.GENL_ID_CTRL, 0, m.seq(), body));
                    out.add(FakeNetlinkKernel.Reply.error(m, 0));
                } else {
                    out.add(FakeNetlinkKernel.Reply.error(m, failing.contains(n[0]++) ? errno : 0));
                }
            }
            return out;
        });
    }

    @Test
    void missingFamilySaysHowToGetIpvs() {
        FakeNetlinkKernel k = new FakeNetlinkKernel(msgs -> List.of(FakeNetlinkKernel.Reply.error(msgs.get(0), Errno.ENOENT)));
        assertThatThrownBy(() -> new NetlinkIpvs(new NetlinkClient(k)))
                .isInstanceOf(IpvsUnavailableException.class)
                .hasMessage("IPVS is not available in this kernel (generic netlink family IPVS not found; modprobe ip_vs)")
                .satisfies(e -> assertThat(((IpvsUnavailableException) e).errno()).isEqualTo(Errno.ENOENT));
    }

    @Test
    void requestsUseTheResolvedFamilyId() {
        FakeNetlinkKernel k = kernel(List.of(), 0);
        try (NetlinkIpvs ipvs = new NetlinkIpvs(new NetlinkClient(k))) {
            ipvs.flush();
            assertThat(ipvs.codec().familyId()).isEqualTo(FAMILY);
        }
        byte[] flush = k.sent().get(1);
        assertThat(flush[4] & 0xff).isEqualTo(FAMILY);
        assertThat(flush[16]).isEqualTo((byte) IpvsConstants.CMD_FLUSH);
        assertThat(flush[6] & 0xff).isEqualTo(Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK);
    }

    @Test
    void applySendsOneDatagramAndReportsEachOp() {
        FakeNetlinkKernel k = kernel(List.of(1), Errno.ESRCH);
        List<IpvsOp> ops = List.of(
                new IpvsOp.AddService(svc(tcp("10.0.0.1", 80), "rr")),
                new IpvsOp.AddDestination(tcp("10.0.0.1", 81), dest("10.0.0.2", 80, ForwardMethod.NAT, 1)),
                new IpvsOp.AddDestination(tcp("10.0.0.1", 80), dest("10.0.0.3", 80, ForwardMethod.NAT, 1)));
        List<OpResult> results;
        try (NetlinkIpvs ipvs = new NetlinkIpvs(new NetlinkClient(k))) {
            results = ipvs.apply(ops);
        }
        assertThat(k.sent()).hasSize(2);
        assertThat(results).extracting(OpResult::errno).containsExactly(0, Errno.ESRCH, 0);
        assertThat(results.get(1).errnoName()).isEqualTo("ESRCH");
        assertThat(results.get(1).exception())
                .hasMessageStartingWith("IPVS_CMD_NEW_DEST(TCP 10.0.0.1:81 -> 10.0.0.2:80) failed: ESRCH");
    }

    @Test
    void singleCallsThrowWithOpAndErrno() {
        FakeNetlinkKernel k = kernel(List.of(0), Errno.ESRCH);
        try (NetlinkIpvs ipvs = new NetlinkIpvs(new NetlinkClient(k))) {
            assertThatThrownBy(() -> ipvs.deleteService(udp("2001:db8::1", 53)))
                    .isInstanceOf(NetlinkException.class)
                    .hasMessageStartingWith("IPVS_CMD_DEL_SERVICE(UDP [2001:db8::1]:53) failed: ESRCH (");
        }
    }
}
