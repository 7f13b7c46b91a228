package dev.vigil.lvs.ipvsadm;

import dev.vigil.kernel.genl.Genl;
import dev.vigil.kernel.ipvs.IpvsCodec;
import dev.vigil.kernel.ipvs.IpvsConstants;
import dev.vigil.kernel.ipvs.IpvsOp;
import dev.vigil.kernel.ipvs.NetlinkIpvs;
import dev.vigil.kernel.ipvs.ServiceKey;
import dev.vigil.kernel.netlink.FakeNetlinkKernel;
import dev.vigil.kernel.netlink.Netlink;
import dev.vigil.kernel.netlink.NetlinkClient;
import dev.vigil.kernel.netlink.NetlinkTransport;
import dev.vigil.kernel.netlink.NlMessage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs {@code vigil ipvs restore} and {@code save} end to end against kernels made of canned
 * netlink replies: the same classes, encoders, decoders and formatting as against the real
 * kernel, but no IPVS needed and no table touched. {@code cds/make-archive} runs it to list the
 * classes the ipvs commands load (its archive then covers the whole save and restore path on a
 * build machine without IPVS); {@code IpvsadmBench} uses the same kernels to time the Java side.
 *
 * <p>{@code main(RULES_FILE)} trains on the rules of the file that parse (a malformed line, which
 * the other training run needs, is left out).
 */
public final class IpvsadmTraining {
    /** The family id the canned kernels give IPVS. */
    static final int FAMILY_ID = 42;

    private IpvsadmTraining() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: IpvsadmTraining RULES_FILE");
            System.exit(2);
        }
        List<IpvsadmRules.Rule> rules = validRules(Files.readString(Path.of(args[0]), StandardCharsets.UTF_8));
        IpvsRestore.Result restored = new IpvsRestore(ipvs(new AckingKernel())).restore(rules, true);
        String saved = IpvsadmSave.save(ipvs(new DumpingKernel(rules)));
        System.out.println(restored.applied() + " rules restored, " + saved.length() + " characters saved");
    }

    /** The rules of {@code text} without its malformed lines. */
    static List<IpvsadmRules.Rule> validRules(String text) {
        try {
            return IpvsadmRules.parse(text);
        } catch (IpvsadmException e) {
            Set<Integer> bad = new HashSet<>();
            for (IpvsadmException.LineError error : e.errors()) {
                bad.add(error.line());
            }
            String[] lines = text.split("\n", -1);
            StringBuilder valid = new StringBuilder();
            for (int i = 0; i < lines.length; i++) {
                valid.append(bad.contains(i + 1) ? "" : lines[i]).append('\n');
            }
            return IpvsadmRules.parse(valid.toString());
        }
    }

    /** An IPVS table over {@code kernel}. */
    static NetlinkIpvs ipvs(NetlinkTransport kernel) {
        return new NetlinkIpvs(new NetlinkClient(kernel));
    }

    /** Answers the IPVS family lookup, then whatever {@link #answer} makes of each datagram. */
    abstract static class Kernel implements NetlinkTransport {
        private final Deque<ByteBuffer> pending = new ArrayDeque<>();

        @Override
        public void send(ByteBuffer datagram) {
            List<NlMessage> msgs = NlMessage.parseAll(datagram.slice().order(ByteOrder.nativeOrder()));
            NlMessage first = msgs.get(0);
            if (first.type() == Genl.GENL_ID_CTRL) {
                byte[] body = Genl.header(1, 0).string(Genl.CTRL_ATTR_FAMILY_NAME, IpvsConstants.GENL_NAME)
                        .u16(Genl.CTRL_ATTR_FAMILY_ID, FAMILY_ID).toBytes();
                pending.add(FakeNetlinkKernel.encode(List.of(
                        new FakeNetlinkKernel.Reply(Genl.GENL_ID_CTRL, 0, first.seq(), body),
                        FakeNetlinkKernel.Reply.error(first, 0))));
                return;
            }
            pending.add(FakeNetlinkKernel.encode(answer(msgs)));
        }

        /** The replies to one datagram's requests. */
        abstract List<FakeNetlinkKernel.Reply> answer(List<NlMessage> msgs);

        @Override
        public ByteBuffer receive(int timeoutMillis) {
            return pending.poll();
        }

        @Override
        public void close() {
        }
    }

    /** Acknowledges the last request of each datagram (the only one that asks). */
    static final class AckingKernel extends Kernel {
        @Override
        List<FakeNetlinkKernel.Reply> answer(List<NlMessage> msgs) {
            return List.of(FakeNetlinkKernel.Reply.error(msgs.get(msgs.size() - 1), 0));
        }
    }

    /** Answers service and destination dumps with the table that {@code rules} describe. */
    static final class DumpingKernel extends Kernel {
        private final List<byte[]> services = new ArrayList<>();
        private final Map<ByteBuffer, List<byte[]>> dests = new HashMap<>();

        DumpingKernel(List<IpvsadmRules.Rule> rules) {
            IpvsCodec codec = new IpvsCodec(FAMILY_ID);
            for (IpvsadmRules.Rule r : rules) {
                if (r.op() instanceof IpvsOp.AddService a) {
                    services.add(codec.newService(a.service()).body());
                    dests.put(key(codec, a.service().key()), new ArrayList<>());
                } else if (r.op() instanceof IpvsOp.AddDestination a) {
                    dests.get(key(codec, a.service())).add(codec.newDest(a.service(), a.destination()).body());
                }
            }
        }

        private static ByteBuffer key(IpvsCodec codec, ServiceKey k) {
            return ByteBuffer.wrap(codec.dumpDests(k).body());
        }

        @Override
        List<FakeNetlinkKernel.Reply> answer(List<NlMessage> msgs) {
            NlMessage m = msgs.get(0);
            List<byte[]> bodies;
            if (Genl.command(m) == IpvsConstants.CMD_GET_SERVICE) {
                bodies = services;
            } else {
                byte[] body = new byte[m.payload().remaining()];
                m.payload().duplicate().get(body);
                bodies = dests.getOrDefault(ByteBuffer.wrap(body), List.of());
            }
            List<FakeNetlinkKernel.Reply> out = new ArrayList<>(bodies.size() + 1);
            for (byte[] b : bodies) {
                out.add(new FakeNetlinkKernel.Reply(FAMILY_ID, Netlink.NLM_F_MULTI, m.seq(), b));
            }
            out.add(FakeNetlinkKernel.Reply.done(m));
            return out;
        }
    }
}
