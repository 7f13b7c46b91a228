package dev.vigil.kernel.rtnl;

import dev.vigil.kernel.netlink.Netlink;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Link requests compared with iproute2's bytes; kernel link dumps and notifications decoded. */
class LinkCodecTest {

    @Test
    void dumpRequestIsTheOneIpAddrShowSends() {
        Golden g = Golden.load("addr-dump");
        assertThat(g.ours(LinkCodec.dump(), Golden.DUMP)).isEqualTo(g.sentMessage(Rtnl.RTM_GETLINK));
    }

    @Test
    void getByNameIsTheOneIpSendsToResolveDev() {
        // iproute2 sends this lookup without NLM_F_ACK; the client adds it, so compare with REQUEST only.
        Golden g = Golden.load("addr-add-v4");
        byte[] ours = g.ours(LinkCodec.get("veth0"), Netlink.NLM_F_REQUEST);
        assertThat(ours).isEqualTo(g.sentMessage(Rtnl.RTM_GETLINK));
    }

    @Test
    void decodesTheKernelsLinkDump() {
        List<Link> links = Golden.load("link-dump").receivedMessages(Rtnl.RTM_NEWLINK).stream()
                .map(LinkCodec::decode).toList();
        assertThat(links).extracting(Link::index, Link::name).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, "lo"), org.assertj.core.groups.Tuple.tuple(2, "veth1"),
                org.assertj.core.groups.Tuple.tuple(3, "veth0"));
        Link lo = links.get(0);
        assertThat(lo.up()).isTrue();
        assertThat(lo.operState()).isEqualTo(OperState.UNKNOWN);
        assertThat(lo.mtu()).isEqualTo(65536);
        assertThat(lo.kind()).isNull();
        Link veth0 = links.get(2);
        assertThat(veth0.up()).isTrue();
        assertThat(veth0.running()).isTrue();
        assertThat(veth0.lowerUp()).isTrue();
        assertThat(veth0.carrier()).isTrue();
        assertThat(veth0.operState()).isEqualTo(OperState.UP);
        assertThat(veth0.mtu()).isEqualTo(1500);
        assertThat(veth0.mac()).matches("([0-9a-f]{2}:){5}[0-9a-f]{2}");
        assertThat(veth0.macBytes()).hasSize(6);
        assertThat(veth0.kind()).isEqualTo("veth");
        assertThat(veth0.master()).isZero();
    }

    @Test
    void decodesCarrierLossAndReturnNotifications() {
        // capture: ip link set veth1 down (veth0 loses carrier), then up again
        List<Link> events = Golden.load("monitor").receivedMessages(Rtnl.RTM_NEWLINK).stream()
                .filter(m -> !m.hasFlag(Netlink.NLM_F_MULTI)).map(LinkCodec::decode).toList();
        Link veth1Down = events.get(0);
        assertThat(veth1Down.name()).isEqualTo("veth1");
        assertThat(veth1Down.up()).isFalse();
        assertThat(veth1Down.operState()).isEqualTo(OperState.DOWN);
        Link veth0NoCarrier = events.stream().filter(l -> l.name().equals("veth0")).findFirst().orElseThrow();
        assertThat(veth0NoCarrier.up()).isTrue();
        assertThat(veth0NoCarrier.carrier()).isFalse();
        assertThat(veth0NoCarrier.lowerUp()).isFalse();
        assertThat(veth0NoCarrier.operState()).isEqualTo(OperState.LOWERLAYERDOWN);
        Link last = events.get(events.size() - 1);
        assertThat(last.name()).isEqualTo("veth0");
        assertThat(last.usable()).isTrue();
        assertThat(last.operState()).isEqualTo(OperState.UP);
    }
}
