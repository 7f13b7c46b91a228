package dev.vigil.kernel.rtnl;

import dev.vigil.kernel.libc.Errno;
import dev.vigil.kernel.netlink.Netlink;
import dev.vigil.kernel.netlink.NetlinkClient;
import dev.vigil.kernel.netlink.NetlinkException;
import dev.vigil.kernel.netlink.NlMessage;

import java.util.Objects;

/** {@link LinkControl} over rtnetlink, sending what iproute2's {@code ip link} sends. */
public final class NetlinkLinkControl implements LinkControl, AutoCloseable {
    private final NetlinkClient client;
    private final boolean ownsClient;

    /** Uses {@code client} (an rtnetlink client), which the caller closes. */
    public NetlinkLinkControl(NetlinkClient client) {
        this(client, false);
    }

    private NetlinkLinkControl(NetlinkClient client, boolean ownsClient) {
        this.client = Objects.requireNonNull(client, "client");
        this.ownsClient = ownsClient;
    }

    /** Opens its own rtnetlink socket in the calling thread's network namespace. */
    public static NetlinkLinkControl open() {
        return new NetlinkLinkControl(NetlinkClient.open(Netlink.NETLINK_ROUTE), true);
    }

    @Override
    public int addMacvlan(Macvlan macvlan) {
        KernelCalls.call(client, LinkCodec.addMacvlan(macvlan));
        int index = indexOf(macvlan.name());
        if (index == 0) {
            throw new NetlinkException("RTM_GETLINK " + macvlan.name() + " after creating it", Errno.ENODEV, null);
        }
        return index;
    }

    @Override
    public void setUp(int index, boolean up) {
        KernelCalls.call(client, LinkCodec.setUp(index, up));
    }

    @Override
    public boolean ensureAbsent(String name) {
        int index = indexOf(name);
        return index != 0 && KernelCalls.call(client, LinkCodec.delete(index), Errno.ENODEV);
    }

    @Override
    public int indexOf(String name) {
        Objects.requireNonNull(name, "name");
        try {
            for (NlMessage m : client.request(LinkCodec.get(name))) {
                Link l = m.type() == Rtnl.RTM_NEWLINK ? LinkCodec.decode(m) : null;
                if (l != null) {
                    return l.index();
                }
            }
            return 0;
        } catch (NetlinkException e) {
            if (e.errno() == Errno.ENODEV) {
                return 0;
            }
            throw e;
        }
    }

    @Override
    public void close() {
        if (ownsClient) {
            client.close();
        }
    }
}
