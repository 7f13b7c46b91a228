package dev.vigil.kernel.netlink;

import dev.vigil.kernel.testing.Golden;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Attribute layout per linux/netlink.h: {u16 len; u16 type} + payload, padded to 4 bytes (x86_64). */
class NlCodecTest {
    @Test
    void attributesArePaddedAndLengthsExcludePadding() {
        byte[] b = new NlEncoder().u8(1, 0xAB).u16(2, 0x1234).string(3, "ab").toBytes();
        assertThat(Golden.hex(b)).isEqualTo(
                "05000100ab000000" // len 5, type 1, 0xab + 3 pad
                        + "060002003412" + "0000" // len 6, type 2, host-order 0x1234 + 2 pad
                        + "07000300616200" + "00"); // len 7, type 3, "ab\0" + 1 pad
    }

    @Test
    void networkOrderValuesAreBigEndian() {
        byte[] b = new NlEncoder().be16(4, 80).be32(5, 0xffffff00).toBytes();
        assertThat(Golden.hex(b)).isEqualTo("0600040000500000" + "08000500ffffff00");
    }

    @Test
    void nestedAttributesCarryTheNestedFlagAndTheirTotalLength() throws Exception {
        NlEncoder e = new NlEncoder();
        int n = e.beginNested(1);
        e.u16(1, 2).address(3, InetAddress.getByName("10.0.0.1"));
        e.endNested(n);
        byte[] b = e.toBytes();
        assertThat(Golden.hex(b)).isEqualTo("1400" + "0180" + "060001000200" + "0000" + "080003000a000001");
        Attrs outer = Attrs.parse(ByteBuffer.wrap(b).order(ByteOrder.nativeOrder()));
        Attrs inner = outer.nested(1);
        assertThat(inner.u16(1)).isEqualTo(2);
        assertThat(inner.address(3, 4)).isEqualTo(InetAddress.getByName("10.0.0.1"));
    }

    @Test
    void decoderReadsEveryTypeBack() {
        byte[] b = new NlEncoder().u32(1, -5).u64(2, 1L << 40).be16(3, 443).flag(4).string(5, "eth0").toBytes();
        Attrs a = Attrs.parse(ByteBuffer.wrap(b).order(ByteOrder.nativeOrder()));
        assertThat(a.u32(1)).isEqualTo(-5);
        assertThat(a.u64(2)).isEqualTo(1L << 40);
        assertThat(a.be16(3)).isEqualTo(443);
        assertThat(a.has(4)).isTrue();
        assertThat(a.string(5)).isEqualTo("eth0");
        assertThat(a.has(6)).isFalse();
        assertThat(a.u32(6, 9)).isEqualTo(9);
    }

    @Test
    void truncatedAttributeIsRejected() {
        byte[] b = {8, 0, 1, 0, 1, 2};
        assertThatThrownBy(() -> Attrs.parse(ByteBuffer.wrap(b))).hasMessageContaining("malformed attribute length 8");
    }

    @Test
    void messagesSplitAtAlignedBoundaries() {
        byte[] d = Golden.received("/golden/netlink/route-add-extack-error.hex").get(0);
        var msgs = NlMessage.parseAll(ByteBuffer.wrap(d).order(ByteOrder.nativeOrder()));
        assertThat(msgs).hasSize(1);
        assertThat(msgs.get(0).type()).isEqualTo(Netlink.NLMSG_ERROR);
        assertThat(msgs.get(0).flags()).isEqualTo(Netlink.NLM_F_ACK_TLVS);
        assertThat(msgs.get(0).payload().remaining()).isEqualTo(0x60 - 16);
    }

    @Test
    void requestHeaderLayout() {
        byte[] b = new NlRequest("X", 0x18, 0x600, new byte[] {1, 2, 3}).toBytes(0x01020304);
        assertThat(Golden.hex(b)).isEqualTo("13000000" + "1800" + "0006" + "04030201" + "00000000" + "010203" + "00");
    }

    @Test
    void attributesReadTheSameFromHeapDirectAndReadOnlyBuffers() throws Exception {
        NlEncoder e = new NlEncoder().u8(1, 0xAB).u16(2, 0xBEEF).u32(3, 0xCAFEBABE).u64(4, 0x0123456789ABCDEFL)
                .be16(5, 8080).be32(6, 0xffffff00).string(7, "wrr");
        int n = e.beginNested(8);
        e.u32(1, 7);
        e.endNested(n);
        byte[] b = e.toBytes();
        ByteBuffer direct = ByteBuffer.allocateDirect(b.length + 8).order(ByteOrder.nativeOrder());
        direct.position(8);
        direct.put(b).position(8);
        ByteBuffer offsetHeap = ByteBuffer.wrap(new byte[b.length + 3], 3, b.length).slice().put(b).flip();
        for (ByteBuffer in : new ByteBuffer[] {ByteBuffer.wrap(b), direct, ByteBuffer.wrap(b).asReadOnlyBuffer(),
                offsetHeap}) {
            Attrs a = Attrs.parse(in.order(ByteOrder.nativeOrder()));
            assertThat(a.u8(1)).isEqualTo(0xAB);
            assertThat(a.u16(2)).isEqualTo(0xBEEF);
            assertThat(a.u32(3)).isEqualTo(0xCAFEBABE);
            assertThat(a.u64(4)).isEqualTo(0x0123456789ABCDEFL);
            assertThat(a.be16(5)).isEqualTo(8080);
            assertThat(a.be32(6)).isEqualTo(0xffffff00);
            assertThat(a.string(7)).isEqualTo("wrr");
            assertThat(a.nested(8).u32(1)).isEqualTo(7);
            assertThat(a.get(2).value().getShort(0) & 0xffff).isEqualTo(0xBEEF);
            assertThat(a.all()).hasSize(8);
        }
    }

    @Test
    void messagesOfADirectDatagramParseAsOfAHeapOne() {
        byte[] one = new NlRequest("x", 20, 0, new NlEncoder().u32(1, 42).toBytes()).toBytes(7);
        ByteBuffer direct = ByteBuffer.allocateDirect(2 * one.length).order(ByteOrder.nativeOrder());
        direct.put(one).put(one).flip();
        java.util.List<NlMessage> msgs = NlMessage.parseAll(direct);
        assertThat(msgs).hasSize(2).allSatisfy(m -> {
            assertThat(m.type()).isEqualTo(20);
            assertThat(m.seq()).isEqualTo(7);
            assertThat(m.attrs(0).u32(1)).isEqualTo(42);
        });
    }
}
