package dev.vigil.kernel.ipvs;

import dev.vigil.kernel.genl.Genl;
import dev.vigil.kernel.netlink.FakeNetlinkKernel;
import dev.vigil.kernel.netlink.Netlink;
import dev.vigil.kernel.netlink.NetlinkClient;
import dev.vigil.kernel.netlink.NlMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A capture of what ipvsadm sent to and received from the kernel (resources {@code golden/NAME.golden},
 * made by capture-ipvsadm.sh and strace2golden.py). {@link #run} plays the kernel's side to a
 * {@link NetlinkIpvs} and asserts that every request it sends equals one ipvsadm sent, byte for byte
 * with sequence number and port id masked (and, for dumps, ignoring NLM_F_ACK, which libnl adds).
 */
public final class IpvsGolden {
    /** One request ipvsadm sent and the kernel's replies to it. */
    public record Exchange(byte[] request, List<byte[]> replies) {
        int cmd() {
            return request[Netlink.HEADER_LEN] & 0xff;
        }
    }

    private final String name;
    private final List<String> notes = new ArrayList<>();
    private final List<String> output = new ArrayList<>();
    private final List<Exchange> exchanges = new ArrayList<>();
    private final List<byte[]> matched = new ArrayList<>();

    private IpvsGolden(String name) {
        this.name = name;
    }

    /** Loads capture {@code name} (e.g. {@code svc-add-tcp-wrr}). */
    public static IpvsGolden load(String name) {
        IpvsGolden g = new IpvsGolden(name);
        String path = "/dev/vigil/kernel/ipvs/golden/" + name + ".golden";
        try (InputStream in = IpvsGolden.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no golden capture " + path);
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                g.add(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return g;
    }

    private void add(String line) {
        if (line.startsWith("# ")) {
            notes.add(line.substring(2));
        } else if (line.startsWith("|")) {
            output.add(line.length() > 2 ? line.substring(2) : "");
        } else if (line.startsWith("> ")) {
            exchanges.add(new Exchange(HexFormat.of().parseHex(line.substring(2)), new ArrayList<>()));
        } else if (line.startsWith("< ")) {
            exchanges.get(exchanges.size() - 1).replies().add(HexFormat.of().parseHex(line.substring(2)));
        }
    }

    /** The ipvsadm command line that produced the capture. */
    public String command() {
        return notes.get(0);
    }

    /** What ipvsadm printed. */
    public List<String> output() {
        return output;
    }

    public List<Exchange> exchanges() {
        return exchanges;
    }

    /** The IPVS family id the capture's kernel used. */
    public int familyId() {
        return ByteBuffer.wrap(exchanges.get(0).request()).order(ByteOrder.LITTLE_ENDIAN).getShort(4) & 0xffff;
    }

    /** Runs {@code action} against a kernel replaying this capture; returns its result. */
    public <T> T run(Function<NetlinkIpvs, T> action) {
        FakeNetlinkKernel kernel = new FakeNetlinkKernel(this::answer);
        try (NetlinkIpvs ipvs = new NetlinkIpvs(new NetlinkClient(kernel))) {
            return action.apply(ipvs);
        }
    }

    /** The requests {@link #run} matched against the capture, in order. */
    public List<byte[]> matched() {
        return matched;
    }

    private List<FakeNetlinkKernel.Reply> answer(List<NlMessage> messages) {
        List<FakeNetlinkKernel.Reply> out = new ArrayList<>();
        for (NlMessage m : messages) {
            if (m.type() == Genl.GENL_ID_CTRL) {
                out.add(familyReply(m));
                out.add(FakeNetlinkKernel.Reply.error(m, 0));
            } else {
                out.addAll(replay(m));
            }
        }
        return out;
    }

    private FakeNetlinkKernel.Reply familyReply(NlMessage m) {
        byte[] body = Genl.header(1, 2).u16(Genl.CTRL_ATTR_FAMILY_ID, familyId())
                .string(Genl.CTRL_ATTR_FAMILY_NAME, IpvsConstants.GENL_NAME).u32(Genl.CTRL_ATTR_VERSION, 1)
                .u32(Genl.CTRL_ATTR_MAXATTR, 6).toBytes();
        return new FakeNetlinkKernel.Reply(m.type(), 0, m.seq(), body);
    }

    private List<FakeNetlinkKernel.Reply> replay(NlMessage m) {
        byte[] ours = wire(m);
        Exchange first = null;
        for (Exchange e : exchanges) {
            if (e.cmd() != (ours[Netlink.HEADER_LEN] & 0xff) || matched.contains(e.request())) {
                continue;
            }
            first = first == null ? e : first;
            if (masked(e.request(), m.hasFlag(Netlink.NLM_F_DUMP)).equals(masked(ours, false))) {
                matched.add(e.request());
                return replies(e, m);
            }
        }
        assertThat(masked(ours, false)).as("request not in capture %s (%s)", name, command())
                .isEqualTo(first == null ? "(no request with command " + ours[Netlink.HEADER_LEN] + ")"
                        : masked(first.request(), m.hasFlag(Netlink.NLM_F_DUMP)));
        throw new AssertionError("unreachable");
    }

    private static List<FakeNetlinkKernel.Reply> replies(Exchange e, NlMessage m) {
        List<FakeNetlinkKernel.Reply> out = new ArrayList<>();
        boolean acked = false;
        for (byte[] r : e.replies()) {
            ByteBuffer b = ByteBuffer.wrap(r).order(ByteOrder.LITTLE_ENDIAN);
            int type = b.getShort(4) & 0xffff;
            acked |= type == Netlink.NLMSG_ERROR || type == Netlink.NLMSG_DONE;
            byte[] payload = java.util.Arrays.copyOfRange(r, Netlink.HEADER_LEN, b.getInt(0));
            out.add(new FakeNetlinkKernel.Reply(type, b.getShort(6) & 0xffff, m.seq(), payload));
        }
        if (!acked) {
            // ipvsadm stops reading after a single reply; the kernel's ack was not captured.
            out.add(FakeNetlinkKernel.Reply.error(m, 0));
        }
        return out;
    }

    /** The message as it was on the wire. */
    private static byte[] wire(NlMessage m) {
        ByteBuffer p = m.payload().duplicate();
        byte[] body = new byte[p.remaining()];
        p.get(body);
        ByteBuffer b = ByteBuffer.allocate(Netlink.HEADER_LEN + body.length).order(ByteOrder.nativeOrder());
        b.putInt(Netlink.HEADER_LEN + body.length).putShort((short) m.type()).putShort((short) m.flags())
                .putInt(m.seq()).putInt(m.pid()).put(body);
        return b.array();
    }

    /** Hex with seq and pid zeroed; for libnl dumps, NLM_F_ACK cleared. */
    static String masked(byte[] msg, boolean clearAck) {
        byte[] b = msg.clone();
        java.util.Arrays.fill(b, 8, 16, (byte) 0);
        if (clearAck) {
            b[6] &= (byte) ~Netlink.NLM_F_ACK;
        }
        return HexFormat.of().formatHex(b);
    }
}
