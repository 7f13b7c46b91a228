package dev.vigil.kernel.rtnl;

import dev.vigil.kernel.netlink.Netlink;
import dev.vigil.kernel.netlink.NlMessage;
import dev.vigil.kernel.netlink.NlRequest;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A capture made by {@code golden/capture.sh} (read by the shared {@code testing.Golden}): the netlink datagrams iproute2 sent ({@code >})
 * and received ({@code <}) for one command, as the kernel saw and produced them (host byte
 * order of the capturing machine: little-endian).
 */
record Golden(String name, String command, List<byte[]> sent, List<byte[]> received) {

    static Golden load(String name) {
        org.junit.jupiter.api.Assumptions.assumeTrue(ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN,
                "skipped: the captures were made on a little-endian host");
        String resource = "/dev/vigil/kernel/rtnl/golden/" + name + ".txt";
        return new Golden(name, dev.vigil.kernel.testing.Golden.command(resource),
                dev.vigil.kernel.testing.Golden.sent(resource), dev.vigil.kernel.testing.Golden.received(resource));
    }

    /** The first message of {@code type} that iproute2 sent, exactly {@code nlmsg_len} bytes long. */
    byte[] sentMessage(int type) {
        for (byte[] d : sent) {
            ByteBuffer b = ByteBuffer.wrap(d).order(ByteOrder.LITTLE_ENDIAN);
            if (b.remaining() >= Netlink.HEADER_LEN && (b.getShort(4) & 0xffff) == type) {
                return Arrays.copyOf(d, b.getInt(0));
            }
        }
        throw new AssertionError(name + ": iproute2 sent no message of type " + type);
    }

    /**
     * The last message of {@code type} that iproute2 sent: {@code ip link} first sends an empty
     * {@code RTM_NEWLINK} to probe for strict checking, then the real one.
     */
    byte[] lastSentMessage(int type) {
        byte[] last = null;
        for (byte[] d : sent) {
            ByteBuffer b = ByteBuffer.wrap(d).order(ByteOrder.LITTLE_ENDIAN);
            if (b.remaining() >= Netlink.HEADER_LEN && (b.getShort(4) & 0xffff) == type) {
                last = Arrays.copyOf(d, b.getInt(0));
            }
        }
        if (last == null) {
            throw new AssertionError(name + ": iproute2 sent no message of type " + type);
        }
        return last;
    }

    /** Every message of {@code type} iproute2 received from the kernel. */
    List<NlMessage> receivedMessages(int type) {
        List<NlMessage> out = new ArrayList<>();
        for (byte[] d : received) {
            for (NlMessage m : NlMessage.parseAll(ByteBuffer.wrap(d).order(ByteOrder.nativeOrder()))) {
                if (m.type() == type) {
                    out.add(m);
                }
            }
        }
        return out;
    }

    /**
     * Our encoding of {@code request} as the client would send it ({@code extraFlags} are what
     * the client adds: REQUEST|ACK or REQUEST|DUMP), with the sequence number of iproute2's
     * message so that only real differences remain.
     */
    byte[] ours(NlRequest request, int extraFlags) {
        byte[] theirs = lastSentMessage(request.type());
        int seq = ByteBuffer.wrap(theirs).order(ByteOrder.LITTLE_ENDIAN).getInt(8);
        ByteBuffer b = ByteBuffer.allocate(Netlink.align(request.length())).order(ByteOrder.nativeOrder());
        request.encode(b, seq, extraFlags);
        return Arrays.copyOf(b.array(), request.length());
    }

    static final int ACKED = Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK;
    static final int DUMP = Netlink.NLM_F_REQUEST | Netlink.NLM_F_DUMP;
}
