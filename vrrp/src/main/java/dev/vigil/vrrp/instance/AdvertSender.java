package dev.vigil.vrrp.instance;

import dev.vigil.kernel.vrrp.VrrpSocket;
import dev.vigil.vrrp.packet.VrrpAdvert;
import dev.vigil.vrrp.packet.VrrpCodec;
import java.net.InetAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends an instance's adverts: to the VRRP multicast group, or to each unicast peer. A send error
 * (interface down, no route) is counted and logged once per streak, never thrown at the state
 * machine: the next advert tries again.
 */
final class AdvertSender {
    private static final Logger LOG = LoggerFactory.getLogger(AdvertSender.class);

    private final VrrpSocket socket;
    private final InstanceCounters counters;
    private boolean failing;

    AdvertSender(VrrpSocket socket, InstanceCounters counters) {
        this.socket = socket;
        this.counters = counters;
    }

    void send(VrrpAdvert advert, InstanceSpec spec) {
        InetAddress source = socket.options().sourceAddress();
        if (spec.unicast()) {
            for (InetAddress peer : spec.unicastPeers()) {
                sendOne(advert, source, peer, spec.name());
            }
        } else {
            sendOne(advert, source, socket.options().family().vrrpGroup(), spec.name());
        }
    }

    private void sendOne(VrrpAdvert advert, InetAddress source, InetAddress destination, String name) {
        try {
            socket.send(VrrpCodec.encode(advert, source, destination), destination);
            counters.advertsSent++;
            if (failing) {
                LOG.info("({}) adverts go out again", name);
                failing = false;
            }
        } catch (RuntimeException e) {
            counters.sendErrors++;
            if (!failing) {
                LOG.warn("({}) cannot send advert to {}: {}", name, destination.getHostAddress(), e.getMessage());
                failing = true;
            }
        }
    }
}
