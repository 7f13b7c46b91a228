package dev.vigil.lvs.ipvsadm;

import dev.vigil.kernel.genl.Genl;
import dev.vigil.kernel.ipvs.Destination;
import dev.vigil.kernel.ipvs.IpvsCodec;
import dev.vigil.kernel.ipvs.IpvsConstants;
import dev.vigil.kernel.ipvs.IpvsOp;
import dev.vigil.kernel.ipvs.NetlinkIpvs;
import dev.vigil.kernel.ipvs.ServiceKey;
import dev.vigil.kernel.netlink.FakeNetlinkKernel;
import dev.vigil.kernel.netlink.Netlink;
import dev.vigil.kernel.netlink.NetlinkClient;
import dev.vigil.kernel.netlink.NetlinkTransport;
import dev.vigil.kernel.netlink.NlEncoder;
import dev.vigil.kernel.netlink.NlMessage;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Times the Java side of {@code vigil ipvs restore} and {@code save} without a kernel: rules
 * parsing plus request encoding against a transport that acknowledges every datagram, and a save
 * formatted from canned dump replies. Not a test; run its {@code main} with the launcher's JVM
 * options to see where the time goes:
 * {@code java -cp ... dev.vigil.lvs.ipvsadm.IpvsadmBench restore|save [SERVICES] [DESTS] [ROUNDS]}.
 */
public final class IpvsadmBench {
    private static final int FAMILY_ID = 42;

    private IpvsadmBench() {
    }

    public static void main(String[] args) {
        String mode = args.length > 0 ? args[0] : "restore";
        int services = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int dests = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        String rules = IpvsRestorePerfIT.rules(services, dests);
        String expected = null;
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            String what;
            if (mode.equals("restore")) {
                IpvsRestore.Result res = new IpvsRestore(ipvs(new AckingKernel())).restore(rules, false);
                what = res.applied() + " rules applied";
            } else {
                List<IpvsadmRules.Rule> parsed = IpvsadmRules.parse(rules);
                NetlinkIpvs ipvs = ipvs(new DumpingKernel(parsed));
                long t1 = System.nanoTime();
                String text = IpvsadmSave.save(ipvs);
                t0 = t1;
                expected = expected == null ? text : expected;
                what = text.length() + " chars, stable: " + text.equals(expected);
            }
            System.out.printf("%s round %d: %d ms (%s)%n", mode, r + 1, (System.nanoTime() - t0) / 1_000_000, what);
        }
    }

    private static NetlinkIpvs ipvs(NetlinkTransport kernel) {
        return new NetlinkIpvs(new NetlinkClient(kernel));
    }

    /** The family id reply to CTRL_CMD_GETFAMILY, then acks. */
    private abstract static class Kernel implements NetlinkTransport {
        final Deque<ByteBuffer> pending = new ArrayDeque<>();

        @Override
        public void send(ByteBuffer datagram) {
            ByteBuffer d = datagram.slice().order(ByteOrder.nativeOrder());
            List<NlMessage> msgs = NlMessage.parseAll(d);
            NlMessage first = msgs.get(0);
            if (first.type() == Genl.GENL_ID_CTRL) {
                byte[] body = Genl.header(1, 0).string(Genl.CTRL_ATTR_FAMILY_NAME, IpvsConstants.GENL_NAME)
                        .u16(Genl.CTRL_ATTR_FAMILY_ID, FAMILY_ID).toBytes();
                pending.add(FakeNetlinkKernel.encode(List.of(
                        new FakeNetlinkKernel.Reply(Genl.GENL_ID_CTRL, 0, first.seq(), body),
                        FakeNetlinkKernel.Reply.error(first, 0))));
                return;
            }
            answer(msgs);
        }

        abstract void answer(List<NlMessage> msgs);

        @Override
        public ByteBuffer receive(int timeoutMillis) {
            return pending.poll();
        }

        @Override
        public void close() {
        }
    }

    /** Acknowledges the last request of each datagram (the only one that asks). */
    private static final class AckingKernel extends Kernel {
        @Override
        void answer(List<NlMessage> msgs) {
            pending.add(FakeNetlinkKernel.encode(List.of(FakeNetlinkKernel.Reply.error(msgs.get(msgs.size() - 1), 0))));
        }
    }

    /** Answers service and destination dumps with the table the rules describe. */
    private static final class DumpingKernel extends Kernel {
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
        void answer(List<NlMessage> msgs) {
            NlMessage m = msgs.get(0);
            int cmd = Genl.command(m);
            List<byte[]> bodies;
            if (cmd == IpvsConstants.CMD_GET_SERVICE) {
                bodies = services;
            } else {
                byte[] body = new byte[m.payload().remaining()];
                m.payload().duplicate().get(body);
                bodies = dests.get(ByteBuffer.wrap(body));
            }
            List<FakeNetlinkKernel.Reply> out = new ArrayList<>(bodies.size() + 1);
            for (byte[] b : bodies) {
                out.add(new FakeNetlinkKernel.Reply(FAMILY_ID, Netlink.NLM_F_MULTI, m.seq(), b));
            }
            out.add(FakeNetlinkKernel.Reply.done(m));
            pending.add(FakeNetlinkKernel.encode(out));
        }
    }
}
