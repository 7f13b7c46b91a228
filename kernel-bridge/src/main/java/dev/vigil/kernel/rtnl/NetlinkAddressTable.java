package dev.vigil.kernel.rtnl;

import dev.vigil.kernel.libc.Errno;
import dev.vigil.kernel.netlink.Netlink;
import dev.vigil.kernel.netlink.NetlinkClient;
import dev.vigil.kernel.netlink.NlMessage;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@link AddressTable} over rtnetlink. Its socket belongs to the network namespace of the thread
 * that opened it; calls are serialised by the client.
 */
public final class NetlinkAddressTable implements AddressTable, AutoCloseable {
    private final NetlinkClient client;
    private final boolean ownsClient;

    /** Uses {@code client} (an rtnetlink client), which the caller closes. */
    public NetlinkAddressTable(NetlinkClient client) {
        this(client, false);
    }

    private NetlinkAddressTable(NetlinkClient client, boolean ownsClient) {
        this.client = Objects.requireNonNull(client, "client");
        this.ownsClient = ownsClient;
    }

    /** Opens its own rtnetlink socket in the calling thread's network namespace. */
    public static NetlinkAddressTable open() {
        return new NetlinkAddressTable(NetlinkClient.open(Netlink.NETLINK_ROUTE), true);
    }

    @Override
    public void add(IfAddress address) {
        KernelCalls.call(client, AddressCodec.add(address));
    }

    @Override
    public void delete(IfAddress address) {
        KernelCalls.call(client, AddressCodec.delete(address));
    }

    @Override
    public boolean ensurePresent(IfAddress address) {
        return KernelCalls.call(client, AddressCodec.add(address), Errno.EEXIST);
    }

    @Override
    public boolean ensureAbsent(IfAddress address) {
        return KernelCalls.call(client, AddressCodec.delete(address), Errno.EADDRNOTAVAIL, Errno.ENODEV);
    }

    @Override
    public List<IfAddress> list() {
        List<IfAddress> out = new ArrayList<>();
        for (NlMessage m : client.dump(AddressCodec.dump())) {
            IfAddress a = m.type() == Rtnl.RTM_NEWADDR ? AddressCodec.decode(m) : null;
            if (a != null) {
                out.add(a);
            }
        }
        return out;
    }

    @Override
    public void close() {
        if (ownsClient) {
            client.close();
        }
    }
}
