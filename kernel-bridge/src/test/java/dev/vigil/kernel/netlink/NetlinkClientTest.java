package dev.vigil.kernel.netlink;

import dev.vigil.kernel.genl.Genl;
import dev.vigil.kernel.libc.Errno;
import dev.vigil.kernel.netlink.FakeNetlinkKernel.Reply;
import dev.vigil.kernel.testing.Golden;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NetlinkClientTest {
    private static final String GENL = "/golden/netlink/genl-getfamily-nlctrl.hex";
    private static final String EXTACK = "/golden/netlink/route-add-extack-error.hex";

    /** Replays the payload of a captured kernel reply under the request's sequence number. */
    private static List<Reply> replay(NlMessage req, byte[] captured) {
        List<Reply> out = new ArrayList<>();
        for (NlMessage m : NlMessage.parseAll(ByteBuffer.wrap(captured).order(java.nio.ByteOrder.nativeOrder()))) {
            byte[] p = new byte[m.payload().remaining()];
            m.payload().duplicate().get(p);
            out.add(new Reply(m.type(), m.flags(), req.seq(), p));
        }
        return out;
    }

    @Test
    void getFamilyRequestIsByteForByteWhatIproute2Sends() {
        byte[] expected = Golden.sent(GENL).get(0);
        // genl sends REQUEST|ACK; the client adds those flags itself when sending.
        FakeNetlinkKernel k = new FakeNetlinkKernel(reqs -> List.of(Reply.error(reqs.get(0), 0)));
        new NetlinkClient(k).request(Genl.getFamilyRequest("nlctrl"));
        assertThat(Golden.hex(Golden.maskSeqPid(k.sent().get(0)))).isEqualTo(Golden.hex(Golden.maskSeqPid(expected)));
    }

    @Test
    void decodesTheKernelsFamilyReply() {
        FakeNetlinkKernel k = new FakeNetlinkKernel(reqs -> {
            List<Reply> r = new ArrayList<>(replay(reqs.get(0), Golden.received(GENL).get(0)));
            r.add(Reply.error(reqs.get(0), 0));
            return r;
        });
        Genl.Family f = Genl.resolve(new NetlinkClient(k), "nlctrl");
        assertThat(f).isEqualTo(new Genl.Family("nlctrl", 0x10, 2, 0));
    }

    @Test
    void kernelErrorWithExtendedAckNamesOpErrnoAndMessage() {
        FakeNetlinkKernel k = new FakeNetlinkKernel(reqs -> replay(reqs.get(0), Golden.received(EXTACK).get(0)));
        NlRequest r = new NlRequest("RTM_NEWROUTE 10.0.0.0/24", 24, 0, new byte[12]);
        assertThatThrownBy(() -> new NetlinkClient(k).request(r))
                .isInstanceOfSatisfying(NetlinkException.class, e -> {
                    assertThat(e.errno()).isEqualTo(Errno.ENETUNREACH);
                    assertThat(e.errnoName()).isEqualTo("ENETUNREACH");
                    assertThat(e.extAckMessage()).isEqualTo("Nexthop has invalid gateway");
                })
                .hasMessageStartingWith("RTM_NEWROUTE 10.0.0.0/24 failed: ENETUNREACH (")
                .hasMessageEndingWith(": Nexthop has invalid gateway");
    }

    @Test
    void cappedErrorWithTlvsAfterTheRequestHeader() {
        // struct nlmsgerr {int error; struct nlmsghdr msg;} then TLVs (NLM_F_CAPPED|NLM_F_ACK_TLVS)
        NlEncoder p = new NlEncoder().putU32(-Errno.EEXIST)
                .putU32(40).putU16(20).putU16(0x605).putU32(7).putU32(0)
                .string(Netlink.NLMSGERR_ATTR_MSG, "already there");
        FakeNetlinkKernel k = new FakeNetlinkKernel(reqs -> List.of(new Reply(Netlink.NLMSG_ERROR,
                Netlink.NLM_F_CAPPED | Netlink.NLM_F_ACK_TLVS, reqs.get(0).seq(), p.toBytes())));
        assertThatThrownBy(() -> new NetlinkClient(k).request(new NlRequest("OP", 20, 0, new byte[0])))
                .isInstanceOfSatisfying(NetlinkException.class, e -> {
                    assertThat(e.errnoName()).isEqualTo("EEXIST");
                    assertThat(e.extAckMessage()).isEqualTo("already there");
                });
    }

    @Test
    void extendedAckOffsetNamesTheRejectedAttribute() {
        // Request body: a 4-byte family header, then attribute type 5 (8 bytes) at byte 16 + 4 = 20.
        NlRequest req = new NlRequest("SET", 30, 0, new NlEncoder().putU32(0).putU16(8).putU16(5).putU32(1).toBytes());
        NlEncoder p = new NlEncoder().putU32(-Errno.EINVAL)
                .putU32(28).putU16(30).putU16(0x5).putU32(7).putU32(0)
                .string(Netlink.NLMSGERR_ATTR_MSG, "bad value").u32(Netlink.NLMSGERR_ATTR_OFFS, 20);
        FakeNetlinkKernel k = new FakeNetlinkKernel(reqs -> List.of(new Reply(Netlink.NLMSG_ERROR,
                Netlink.NLM_F_CAPPED | Netlink.NLM_F_ACK_TLVS, reqs.get(0).seq(), p.toBytes())));
        assertThatThrownBy(() -> new NetlinkClient(k).request(req))
                .isInstanceOfSatisfying(NetlinkException.class, e -> assertThat(e.extAckMessage())
                        .isEqualTo("bad value (attribute type 5 at byte 20 of the request)"));
        assertThat(NetlinkClient.offendingAttribute(req, 200)).isEqualTo("at byte 200 of the request");
    }

    @Test
    void strayRepliesDoNotExtendTheWaitForOurs() {
        NetlinkTransport chatty = new NetlinkTransport() {
            @Override
            public void send(ByteBuffer datagram) {
            }

            @Override
            public ByteBuffer receive(int timeoutMillis) {
                // Answers to someone else's request (sequence 1), never to ours.
                return ByteBuffer.wrap(new NlEncoder().putU32(0).request("X", Netlink.NLMSG_NOOP, 0).toBytes(1))
                        .order(java.nio.ByteOrder.nativeOrder());
            }

            @Override
            public void close() {
            }
        };
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> new NetlinkClient(chatty, 200).request(new NlRequest("GET", 30, 0, new byte[4])))
                .hasMessageContaining("GET (waiting for the kernel's reply)").hasMessageContaining("ETIMEDOUT");
        assertThat(System.nanoTime() - t0).isGreaterThanOrEqualTo(200_000_000L);
    }

    @Test
    void interruptedDumpIsRetriedAndOnlyTheCleanPassReturned() {
        int[] calls = {0};
        FakeNetlinkKernel k = new FakeNetlinkKernel(reqs -> {
            NlMessage q = reqs.get(0);
            assertThat(q.flags() & Netlink.NLM_F_DUMP).isEqualTo(Netlink.NLM_F_DUMP);
            int flags = Netlink.NLM_F_MULTI | (calls[0]++ == 0 ? Netlink.NLM_F_DUMP_INTR : 0);
            return List.of(new Reply(30, flags, q.seq(), new byte[] {1, 0, 0, 0}),
                    new Reply(30, flags, q.seq(), new byte[] {2, 0, 0, 0}),
                    Reply.done(q));
        });
        List<NlMessage> got = new NetlinkClient(k).dump(new NlRequest("DUMP", 30, 0, new byte[4]));
        assertThat(calls[0]).isEqualTo(2);
        assertThat(got).hasSize(2);
    }

    @Test
    void errorInsideADumpIsThrown() {
        FakeNetlinkKernel k = new FakeNetlinkKernel(reqs -> {
            ByteBuffer b = ByteBuffer.allocate(4).order(java.nio.ByteOrder.nativeOrder()).putInt(-Errno.EINVAL);
            return List.of(new Reply(Netlink.NLMSG_DONE, Netlink.NLM_F_MULTI, reqs.get(0).seq(), b.array()));
        });
        assertThatThrownBy(() -> new NetlinkClient(k).dump(new NlRequest("GETX", 30, 0, new byte[4])))
                .hasMessageContaining("GETX failed: EINVAL");
    }

    @Test
    void batchPacksManyRequestsPerDatagramAndReportsEachResult() {
        FakeNetlinkKernel k = new FakeNetlinkKernel(reqs -> {
            List<Reply> acks = new ArrayList<>();
            for (int j = 0; j < reqs.size(); j++) {
                NlMessage q = reqs.get(j);
                boolean last = j == reqs.size() - 1;
                assertThat(q.flags() & Netlink.NLM_F_ACK).isEqualTo(last ? Netlink.NLM_F_ACK : 0);
                int err = q.payload().getInt(0) == 300 ? Errno.EEXIST : 0;
                // As the kernel does: an error is always answered, success only when asked for.
                if (err != 0 || last) {
                    acks.add(Reply.error(q, err));
                }
            }
            return acks;
        });
        List<NlRequest> reqs = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            reqs.add(new NlEncoder().putU32(i).request("ADD " + i, 40, 0));
        }
        List<NetlinkClient.Result> results = new NetlinkClient(k).batch(reqs);
        assertThat(k.sent()).hasSize(3);
        assertThat(k.sent().get(0)).hasSize(NetlinkClient.BATCH_WINDOW * 20);
        assertThat(results).hasSize(600);
        assertThat(results.stream().filter(r -> !r.ok()).map(r -> r.request().op())).containsExactly("ADD 300");
        assertThat(results.get(300).exception()).hasMessageStartingWith("ADD 300 failed: EEXIST");
    }

    @Test
    void messagesForOtherSequenceNumbersAreIgnored() {
        FakeNetlinkKernel k = new FakeNetlinkKernel(reqs -> {
            NlMessage q = reqs.get(0);
            return List.of(new Reply(50, 0, q.seq() - 1, new byte[4]), new Reply(51, 0, q.seq(), new byte[4]),
                    Reply.error(q, 0));
        });
        List<NlMessage> got = new NetlinkClient(k).request(new NlRequest("GET", 50, 0, new byte[0]));
        assertThat(got).extracting(NlMessage::type).containsExactly(51);
    }

    @Test
    void silentKernelTimesOutInsteadOfHanging() {
        NetlinkTransport silent = new NetlinkTransport() {
            @Override
            public void send(ByteBuffer datagram) {
            }

            @Override
            public ByteBuffer receive(int timeoutMillis) {
                return null;
            }

            @Override
            public void close() {
            }
        };
        assertThatThrownBy(() -> new NetlinkClient(silent).request(new NlRequest("GET", 50, 0, new byte[0])))
                .hasMessageContaining("ETIMEDOUT");
    }
}
