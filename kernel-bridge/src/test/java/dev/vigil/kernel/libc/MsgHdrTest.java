package dev.vigil.kernel.libc;

import dev.vigil.kernel.KernelBridge;
import jnr.ffi.Pointer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The hand-made LP64 msghdr layout (needs libc for native memory, not root). */
class MsgHdrTest {
    @BeforeAll
    static void libc() {
        assumeTrue(KernelBridge.isAvailable(), () -> "skipped: kernel bridge unavailable: "
                + KernelBridge.unavailabilityCause());
    }

    @Test
    void sendLayoutPointsAtNameIovecAndControl() {
        byte[] name = new byte[16];
        name[0] = 2;
        byte[] data = {1, 2, 3, 4, 5};
        Cmsg pktinfo = new Cmsg(0, 8, new byte[12]);
        MsgHdr m = MsgHdr.forSend(name, data, List.of(pktinfo));
        Pointer p = m.pointer();
        long base = p.address();

        assertThat(p.getAddress(0)).isEqualTo(base + 72);    // msg_name after msghdr (56) + iovec (16)
        assertThat(p.getInt(8)).isEqualTo(16);               // msg_namelen
        assertThat(p.getAddress(16)).isEqualTo(base + 56);   // msg_iov
        assertThat(p.getLong(24)).isEqualTo(1);              // msg_iovlen
        assertThat(p.getAddress(32)).isEqualTo(base + 88);   // msg_control
        assertThat(p.getLong(40)).isEqualTo(Cmsg.space(12)); // msg_controllen = 32
        assertThat(p.getLong(64)).isEqualTo(5);              // iov_len
        byte[] back = new byte[5];
        p.get(p.getAddress(56) - base, back, 0, 5);
        assertThat(back).isEqualTo(data);
        assertThat(p.getLong(88)).as("cmsg_len").isEqualTo(28);
        assertThat(p.getInt(96)).as("cmsg_level").isZero();
        assertThat(p.getInt(100)).as("cmsg_type").isEqualTo(8);
    }

    @Test
    void receiveBuffersResetAndControlRoundTrip() {
        MsgHdr m = MsgHdr.forReceive(28, 256, 100);
        m.pointer().putInt(8, 3);
        m.pointer().putLong(40, 0);
        m.pointer().putInt(48, 0x20);
        m.reset();
        assertThat(m.pointer().getInt(8)).isEqualTo(28);
        assertThat(m.pointer().getLong(40)).isEqualTo(256);
        assertThat(m.flags()).isZero();

        List<Cmsg> cmsgs = List.of(new Cmsg(41, 50, new byte[20]), new Cmsg(41, 52, new byte[] {64, 0, 0, 0}));
        byte[] buf = MsgHdr.encodeControl(cmsgs);
        assertThat(buf).hasSize(40 + 24);
        assertThat(MsgHdr.decodeControl(buf, buf.length)).isEqualTo(cmsgs);
        assertThat(MsgHdr.decodeControl(buf, 50)).as("truncated second message dropped").hasSize(1);
    }
}
