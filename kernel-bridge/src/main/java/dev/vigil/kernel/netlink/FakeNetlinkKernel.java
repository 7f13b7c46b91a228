package dev.vigil.kernel.netlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

/**
 * A fake kernel for tests: every datagram sent is recorded and handed, as messages, to a
 * function that returns the reply messages. Replies are queued as one datagram.
 */
public final class FakeNetlinkKernel implements NetlinkTransport {
    private final Function<List<NlMessage>, List<Reply>> kernel;
    private final List<byte[]> sent = new ArrayList<>();
    private final Deque<ByteBuffer> pending = new ArrayDeque<>();

    /** A reply message to build: header fields and payload bytes. */
    public record Reply(int type, int flags, int seq, byte[] payload) {
        /** An ack ({@code errno == 0}) or error for {@code request}. */
        public static Reply error(NlMessage request, int errno) {
            ByteBuffer b = ByteBuffer.allocate(4 + Netlink.HEADER_LEN).order(ByteOrder.nativeOrder());
            b.putInt(-errno);
            b.putInt(Netlink.HEADER_LEN + request.payload().remaining());
            b.putShort((short) request.type()).putShort((short) request.flags());
            b.putInt(request.seq()).putInt(request.pid());
            return new Reply(Netlink.NLMSG_ERROR, Netlink.NLM_F_CAPPED, request.seq(), b.array());
        }

        public static Reply done(NlMessage request) {
            return new Reply(Netlink.NLMSG_DONE, Netlink.NLM_F_MULTI, request.seq(), new byte[4]);
        }
    }

    public FakeNetlinkKernel(Function<List<NlMessage>, List<Reply>> kernel) {
        this.kernel = kernel;
    }

    /** Every datagram sent so far, as raw bytes. */
    public List<byte[]> sent() {
        return sent;
    }

    @Override
    public void send(ByteBuffer datagram) {
        byte[] b = new byte[datagram.remaining()];
        datagram.duplicate().get(b);
        sent.add(b);
        List<Reply> replies = kernel.apply(NlMessage.parseAll(ByteBuffer.wrap(b).order(ByteOrder.nativeOrder())));
        if (!replies.isEmpty()) {
            pending.add(encode(replies));
        }
    }

    /** Encodes reply messages into one datagram. */
    public static ByteBuffer encode(List<Reply> replies) {
        int total = 0;
        for (Reply r : replies) {
            total += Netlink.align(Netlink.HEADER_LEN + r.payload().length);
        }
        ByteBuffer b = ByteBuffer.allocate(total).order(ByteOrder.nativeOrder());
        for (Reply r : replies) {
            int start = b.position();
            b.putInt(Netlink.HEADER_LEN + r.payload().length).putShort((short) r.type())
                    .putShort((short) r.flags()).putInt(r.seq()).putInt(0).put(r.payload());
            b.position(start + Netlink.align(Netlink.HEADER_LEN + r.payload().length));
        }
        b.flip();
        return b;
    }

    @Override
    public ByteBuffer receive(int timeoutMillis) {
        return pending.poll();
    }

    @Override
    public void close() {
    }
}
