package dev.vigil.vrrp.engine;

import dev.vigil.kernel.IpFamily;
import dev.vigil.kernel.rtnl.AddressFlag;
import dev.vigil.kernel.rtnl.IfAddress;
import dev.vigil.kernel.vrrp.VrrpSocket;
import dev.vigil.kernel.vrrp.VrrpSocketOptions;
import dev.vigil.vrrp.instance.InstanceContext;
import dev.vigil.vrrp.instance.InstanceListener;
import dev.vigil.vrrp.instance.InstanceRunner;
import dev.vigil.vrrp.instance.InstanceSpec;
import dev.vigil.vrrp.instance.SocketPump;
import dev.vigil.vrrp.instance.VipPort;
import dev.vigil.vrrp.instance.VmacLink;
import dev.vigil.vrrp.time.Scheduler;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The running instances with their sockets and receive threads. Opening an instance picks its
 * local address (the configured source, else the interface's primary IPv4 address or IPv6
 * link-local address) and opens its socket there.
 */
final class Instances {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Instances.class);
    private final KernelPorts kernel;
    private final Scheduler loop;
    private final InstanceListener listener;
    private final VmacInterfaces vmacs;
    private final Map<String, Running> running = new LinkedHashMap<>();

    private record Running(InstanceSpec spec, InstanceRunner runner, VrrpSocket socket, SocketPump pump, VmacLink vmac) {
    }

    Instances(KernelPorts kernel, Scheduler loop, InstanceListener listener) {
        this.kernel = kernel;
        this.loop = loop;
        this.listener = listener;
        this.vmacs = new VmacInterfaces(kernel.linkControl(), kernel.sysctl(), kernel.addresses());
    }

    List<InstanceRunner> all() {
        return running.values().stream().map(Running::runner).toList();
    }

    InstanceRunner get(String name) {
        Running r = running.get(name);
        return r == null ? null : r.runner();
    }

    /**
     * Creates the instance's VMAC interface ({@code use_vmac}), opens its socket (on the VMAC
     * interface unless {@code vmac_xmit_base}) and creates its runner (not started).
     */
    InstanceRunner create(InstanceSpec spec) {
        InetAddress local = localAddress(spec);
        VipPort port = spec.vipBackend() == null ? null : kernel.vipPort(spec);
        VmacLink vmac = spec.vmac() == null ? null : vmacs.create(spec);
        try {
            String socketInterface = vmac == null || spec.vmac().xmitBase() ? spec.interfaceName() : vmac.name();
            VrrpSocketOptions.Builder options = VrrpSocketOptions.builder(spec.family(), socketInterface)
                    .unicastTtl(spec.unicastTtl());
            if (spec.family() == IpFamily.V4 || spec.sourceAddress() != null) {
                options.sourceAddress(local);
            }
            VrrpSocket socket = kernel.openSocket(options.build());
            InstanceRunner runner = new InstanceRunner(spec, new InstanceContext(loop, socket, kernel.addresses(),
                    kernel.routes(), kernel.arp(), listener, vmac,
                    port, kernel.addressRecord()), local);
            SocketPump pump = new SocketPump(spec.name(), socket, loop, runner::onPacket);
            running.put(spec.name(), new Running(spec, runner, socket, pump, vmac));
            filter(spec);
            return runner;
        } catch (RuntimeException e) {
            if (vmac != null) {
                vmacs.delete(spec, vmac);
            }
            throw e;
        }
    }

    /** Stops the instance (priority 0 when master), closes its socket and forgets it. */
    void stop(String name) {
        Running r = running.get(name);
        if (r == null) {
            return;
        }
        try {
            r.runner().stop();
        } finally {
            running.remove(name);
            unfilter(name);
            r.pump().close();
            if (r.vmac() != null) {
                vmacs.delete(r.spec(), r.vmac());
            }
        }
    }

    /**
     * Accept mode (RFC 5798 section 6.1): an instance that is not the address owner and has no
     * {@code accept} drops packets to and from its virtual addresses. The rules stay while the instance
     * runs (they matter only while it is master, since a backup does not hold the addresses); a reload
     * that changes the addresses calls this again. A failure is logged: the instance runs, accepting.
     */
    void filter(InstanceSpec spec) {
        List<InetAddress> vips = spec.filtersVips() ? spec.vips().stream().map(v -> v.address().address()).toList()
                : List.of();
        try {
            kernel.vipFilter().set(spec.name(), vips);
        } catch (RuntimeException e) {
            LOG.error("({}) cannot {} packets to its virtual addresses: {}", spec.name(),
                    vips.isEmpty() ? "stop dropping" : "drop", e.getMessage());
        }
    }

    private void unfilter(String name) {
        try {
            kernel.vipFilter().set(name, List.of());
        } catch (RuntimeException e) {
            LOG.error("({}) cannot stop dropping packets to its virtual addresses: {}", name, e.getMessage());
        }
    }

    private InetAddress localAddress(InstanceSpec spec) {
        if (spec.sourceAddress() != null) {
            return spec.sourceAddress();
        }
        Set<InetAddress> vips = spec.vips().stream().map(v -> v.address().address()).collect(Collectors.toSet());
        List<IfAddress> mine = new ArrayList<>(kernel.addresses().list().stream()
                .filter(a -> a.ifindex() == spec.interfaceIndex() && a.family() == spec.family())
                .filter(a -> !vips.contains(a.address())).toList());
        Optional<InetAddress> pick = spec.family() == IpFamily.V4
                ? mine.stream().filter(a -> !a.has(AddressFlag.SECONDARY)).map(IfAddress::address).findFirst()
                : mine.stream().map(IfAddress::address).filter(InetAddress::isLinkLocalAddress).findFirst();
        return pick.orElseThrow(() -> new IllegalArgumentException("vrrp_instance " + spec.name() + ": interface "
                + spec.interfaceName() + " has no " + (spec.family() == IpFamily.V4 ? "IPv4 address"
                : "IPv6 link-local address") + " to send adverts from (set mcast_src_ip or unicast_src_ip)"));
    }

}
