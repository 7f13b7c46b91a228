package dev.vigil.kernel.libc;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static org.assertj.core.api.Assertions.assertThat;

/** The straight-line readers against ByteBuffer's, in host and network order. */
class BytesTest {
    @Test
    void readersAgreeWithByteBuffer() {
        byte[] b = {(byte) 0xfe, 0x01, (byte) 0x80, 0x7f, (byte) 0xff, 0x00, 0x12, (byte) 0x9a, 0x55};
        ByteBuffer host = ByteBuffer.wrap(b).order(ByteOrder.nativeOrder());
        ByteBuffer net = ByteBuffer.wrap(b).order(ByteOrder.BIG_ENDIAN);
        for (int off = 0; off + 8 <= b.length; off++) {
            assertThat(Bytes.shortHost(b, off)).isEqualTo(host.getShort(off) & 0xffff);
            assertThat(Bytes.shortNet(b, off)).isEqualTo(net.getShort(off) & 0xffff);
            assertThat(Bytes.intHost(b, off)).isEqualTo(host.getInt(off));
            assertThat(Bytes.intNet(b, off)).isEqualTo(net.getInt(off));
            assertThat(Bytes.longHost(b, off)).isEqualTo(host.getLong(off));
        }
    }

    @Test
    void writersAndReadersRoundTrip() {
        byte[] b = new byte[8];
        Bytes.putIntHost(b, 2, 0x8badf00d);
        assertThat(Bytes.intHost(b, 2)).isEqualTo(0x8badf00d);
        Bytes.putLongHost(b, 0, 0xdeadbeefcafef00dL);
        assertThat(Bytes.longHost(b, 0)).isEqualTo(0xdeadbeefcafef00dL);
        Bytes.putShortNet(b, 6, 0xabcd);
        assertThat(Bytes.shortNet(b, 6)).isEqualTo(0xabcd);
    }
}
