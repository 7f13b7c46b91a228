package dev.vigil.kernel.netlink;

import dev.vigil.kernel.libc.Errno;
import dev.vigil.kernel.libc.KernelException;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Request/response over a {@link NetlinkTransport}: acknowledged requests, multi-part dumps
 * (retried when the kernel flags {@code NLM_F_DUMP_INTR}) and batches of many requests per
 * datagram with a result per request. Thread-safe: calls are serialised.
 */
public final class NetlinkClient implements AutoCloseable {
    /** Requests per datagram in a batch; their acks must fit the receive buffer. */
    static final int BATCH_WINDOW = 256;
    static final int BATCH_BYTES = 120 << 10;
    private static final int DUMP_RETRIES = 10;
    private static final int REPLY_TIMEOUT_MILLIS = 30_000;

    private final NetlinkTransport transport;
    private final long replyTimeoutNanos;
    private volatile boolean closed;
    private int seq = ThreadLocalRandom.current().nextInt(1, 1 << 30);
    private ByteBuffer out = ByteBuffer.allocate(BATCH_BYTES + (64 << 10)).order(ByteOrder.nativeOrder());

    public NetlinkClient(NetlinkTransport transport) {
        this(transport, REPLY_TIMEOUT_MILLIS);
    }

    NetlinkClient(NetlinkTransport transport, int replyTimeoutMillis) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.replyTimeoutNanos = replyTimeoutMillis * 1_000_000L;
    }

    /** Opens a client over a real socket for {@code protocol}. */
    public static NetlinkClient open(int protocol) {
        return new NetlinkClient(NetlinkSocket.open(protocol));
    }

    /** Over {@link NetlinkSocket#openWithReceiveLength}: for protocols whose messages are all small. */
    public static NetlinkClient openWithReceiveLength(int protocol, int receiveLength) {
        return new NetlinkClient(NetlinkSocket.openWithReceiveLength(protocol, receiveLength));
    }

    /** The outcome of one request of a batch: {@code errno == 0} means acknowledged. */
    public record Result(NlRequest request, int errno, String extAck) {
        public boolean ok() {
            return errno == 0;
        }

        public NetlinkException exception() {
            return new NetlinkException(request.op(), errno, extAck);
        }
    }

    private int nextSeq() {
        seq = seq == Integer.MAX_VALUE ? 1 : seq + 1;
        return seq;
    }

    /** Reserves {@code n} consecutive sequence numbers (never 0, never wrapping) and returns the first. */
    private int reserveSeqs(int n) {
        if (seq > Integer.MAX_VALUE - n - 1) {
            seq = 0;
        }
        int first = seq + 1;
        seq += n;
        return first;
    }

    /**
     * Sends one request with {@code NLM_F_ACK} and returns the replies that came before the ack.
     * Throws {@link NetlinkException} when the kernel answers with an error.
     */
    public synchronized List<NlMessage> request(NlRequest request) {
        int s = nextSeq();
        send(List.of(request), s, Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK);
        List<NlMessage> replies = new ArrayList<>();
        Wait wait = new Wait();
        while (true) {
            for (NlMessage m : receive(request.op(), wait)) {
                if (m.seq() != s) {
                    continue;
                }
                wait.progress();
                if (m.type() == Netlink.NLMSG_ERROR) {
                    Result r = decodeError(request, m);
                    if (!r.ok()) {
                        throw r.exception();
                    }
                    return replies;
                }
                if (m.type() == Netlink.NLMSG_DONE) {
                    return replies;
                }
                replies.add(m);
            }
        }
    }

    /** Runs a dump ({@code NLM_F_DUMP}) and returns every message of it. */
    public synchronized List<NlMessage> dump(NlRequest request) {
        for (int attempt = 0; attempt < DUMP_RETRIES; attempt++) {
            int s = nextSeq();
            send(List.of(request), s, Netlink.NLM_F_REQUEST | Netlink.NLM_F_DUMP);
            List<NlMessage> replies = new ArrayList<>();
            boolean interrupted = false;
            boolean done = false;
            Wait wait = new Wait();
            while (!done) {
                for (NlMessage m : receive(request.op(), wait)) {
                    if (m.seq() != s) {
                        continue;
                    }
                    wait.progress();
                    interrupted |= m.hasFlag(Netlink.NLM_F_DUMP_INTR);
                    if (m.type() == Netlink.NLMSG_DONE) {
                        int err = m.payload().remaining() >= 4 ? m.payload().getInt(0) : 0;
                        if (err < 0) {
                            throw new NetlinkException(request.op(), -err, extAckOf(request, m, 4));
                        }
                        done = true;
                    } else if (m.type() == Netlink.NLMSG_ERROR) {
                        Result r = decodeError(request, m);
                        if (!r.ok()) {
                            throw r.exception();
                        }
                        done = true;
                    } else if (m.type() != Netlink.NLMSG_NOOP) {
                        replies.add(m);
                    }
                }
            }
            if (!interrupted) {
                return replies;
            }
        }
        throw new NetlinkException(request.op(), Errno.EINTR,
                "dump interrupted by concurrent changes " + DUMP_RETRIES + " times");
    }

    /**
     * Sends all requests, many per datagram, and returns one result per request in order. The
     * kernel processes them in order and a failure does not stop the rest. Only the last request
     * of each datagram asks for an acknowledgement: the kernel answers the others only when they
     * fail, so its answers to a whole datagram usually take one receive instead of one each.
     */
    public synchronized List<Result> batch(List<NlRequest> requests) {
        List<Result> results = new ArrayList<>(requests.size());
        int i = 0;
        while (i < requests.size()) {
            int n = windowSize(requests, i);
            List<NlRequest> window = requests.subList(i, i + n);
            int first = reserveSeqs(n);
            send(window, first, Netlink.NLM_F_REQUEST, Netlink.NLM_F_ACK);
            Result[] got = new Result[n];
            Wait wait = new Wait();
            while (got[n - 1] == null) {
                for (NlMessage m : receive(window.get(0).op(), wait)) {
                    int idx = m.seq() - first;
                    if (idx >= 0 && idx < n && m.type() == Netlink.NLMSG_ERROR) {
                        wait.progress();
                        got[idx] = decodeError(window.get(idx), m);
                    }
                }
            }
            for (int k = 0; k < n; k++) {
                results.add(got[k] != null ? got[k] : new Result(window.get(k), 0, null));
            }
            i += n;
        }
        return results;
    }

    /** How many requests from {@code from} go in one datagram. */
    private static int windowSize(List<NlRequest> requests, int from) {
        int bytes = 0;
        int n = 0;
        while (from + n < requests.size() && n < BATCH_WINDOW) {
            int len = Netlink.align(requests.get(from + n).length());
            if (n > 0 && bytes + len > BATCH_BYTES) {
                break;
            }
            bytes += len;
            n++;
        }
        return n;
    }

    /** Like {@link #batch} but throws the first failure (after all requests were sent). */
    public List<Result> batchOrThrow(List<NlRequest> requests) {
        List<Result> results = batch(requests);
        for (Result r : results) {
            if (!r.ok()) {
                throw r.exception();
            }
        }
        return results;
    }

    private void send(List<NlRequest> requests, int firstSeq, int flags) {
        send(requests, firstSeq, flags, 0);
    }

    /** Sends {@code requests} in one datagram; the last one also gets {@code lastFlags}. */
    private void send(List<NlRequest> requests, int firstSeq, int flags, int lastFlags) {
        int total = 0;
        for (NlRequest r : requests) {
            total += Netlink.align(r.length());
        }
        if (out.capacity() < total) {
            out = ByteBuffer.allocate(total).order(ByteOrder.nativeOrder());
        }
        out.clear();
        int s = firstSeq;
        int last = requests.size() - 1;
        for (int k = 0; k <= last; k++) {
            requests.get(k).encode(out, s++, k == last ? flags | lastFlags : flags);
        }
        out.flip();
        transport.send(out);
    }

    /**
     * When to give up waiting for the kernel: the reply timeout (30 s) after the last reply that
     * belonged to the exchange. Stray messages do not renew it, so they cannot keep a caller
     * waiting forever, and a long dump still completes while it makes progress. The clock is read
     * only when the last datagram made no progress or nothing is queued: a dump whose replies are
     * all queued (the usual case) reads it not at all, which matters where reading it is a system
     * call (some virtual machines' clock sources).
     */
    private final class Wait {
        private long until;
        private boolean running;
        private boolean progressed = true;

        /** A reply that belongs to the exchange arrived: the next wait gets the full timeout. */
        void progress() {
            progressed = true;
            running = false;
        }

        /** Nanoseconds left, starting the timeout now if none is running; at most 0 when it passed. */
        long nanosLeft() {
            long now = System.nanoTime();
            if (!running) {
                running = true;
                until = now + replyTimeoutNanos;
            }
            return until - now;
        }
    }

    private List<NlMessage> receive(String op, Wait wait) {
        if (closed) {
            throw new KernelException(op, Errno.EBADF, "netlink client closed");
        }
        boolean progressed = wait.progressed;
        wait.progressed = false;
        ByteBuffer d = null;
        if (progressed || wait.nanosLeft() > 0) {
            d = transport.receiveNow();
        }
        if (d == null) {
            long left = wait.nanosLeft();
            d = left <= 0 ? null : transport.receive((int) Math.max(1, left / 1_000_000L));
        }
        if (d == null) {
            throw new KernelException(op + " (waiting for the kernel's reply)", Errno.ETIMEDOUT);
        }
        return NlMessage.parseAll(d);
    }

    /** Decodes an NLMSG_ERROR message (an ack when the error is 0). */
    static Result decodeError(NlRequest request, NlMessage m) {
        ByteBuffer p = m.payload();
        if (p.remaining() < 4) {
            return new Result(request, Errno.EINVAL, "truncated NLMSG_ERROR from the kernel");
        }
        int err = p.getInt(0);
        int origLen = p.remaining() >= 8 ? p.getInt(4) : Netlink.HEADER_LEN;
        int tlvOffset = m.hasFlag(Netlink.NLM_F_CAPPED) ? 4 + Netlink.HEADER_LEN : 4 + Netlink.align(origLen);
        String ext = m.hasFlag(Netlink.NLM_F_ACK_TLVS) ? extAckOf(request, m, tlvOffset) : null;
        return new Result(request, -err, ext);
    }

    /**
     * The kernel's extended ack: its message, and the attribute it rejected when it says which
     * ({@code NLMSGERR_ATTR_OFFS}, a byte offset into our request).
     */
    private static String extAckOf(NlRequest request, NlMessage m, int offset) {
        if (m.payload().remaining() <= offset) {
            return null;
        }
        try {
            Attrs tlvs = Attrs.parse(m.payloadFrom(offset));
            String msg = tlvs.has(Netlink.NLMSGERR_ATTR_MSG) ? tlvs.string(Netlink.NLMSGERR_ATTR_MSG) : null;
            if (!tlvs.has(Netlink.NLMSGERR_ATTR_OFFS)) {
                return msg;
            }
            String where = offendingAttribute(request, tlvs.u32(Netlink.NLMSGERR_ATTR_OFFS));
            return msg == null ? where : msg + " (" + where + ")";
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Names the attribute of {@code request} that starts at {@code offset} (from its netlink header). */
    static String offendingAttribute(NlRequest request, int offset) {
        int pos = offset - Netlink.HEADER_LEN;
        byte[] body = request.body();
        if (pos < 0 || pos + 4 > body.length) {
            return "at byte " + offset + " of the request";
        }
        int type = ByteBuffer.wrap(body).order(ByteOrder.nativeOrder()).getShort(pos + 2) & Netlink.NLA_TYPE_MASK;
        return "attribute type " + type + " at byte " + offset + " of the request";
    }

    /** Closes the transport once no request is in flight. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            transport.close();
        }
    }
}
