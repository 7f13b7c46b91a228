package dev.vigil.vrrp.instance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.kernel.rtnl.IfAddress;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

/** Addresses in status and logs read as {@code ip addr} prints them. */
class VipTest {
    @Test
    void ipv6VipIsCompressed() throws UnknownHostException {
        Vip v = new Vip(IfAddress.of(2, "fd79:0:0:0:0:0:0:50/64"), "eth0", true);
        assertThat(v).hasToString("fd79::50/64 dev eth0");
    }

    @Test
    void linkLocalMasterAddressLosesJavasScopeSuffix() throws UnknownHostException {
        InetAddress scoped = Inet6Address.getByAddress(null, InetAddress.getByName("fe80::d440:7bff:fed9:f53d").getAddress(), 2);
        assertThat(scoped.getHostAddress()).isEqualTo("fe80:0:0:0:d440:7bff:fed9:f53d%2");
        assertThat(Vip.text(scoped)).isEqualTo("fe80::d440:7bff:fed9:f53d");
    }

    @Test
    void ipv4IsDottedQuad() throws UnknownHostException {
        assertThat(Vip.text(InetAddress.getByName("10.79.0.1"))).isEqualTo("10.79.0.1");
    }
}
