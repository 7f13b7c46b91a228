package dev.vigil.kernel.rtnl;

import dev.vigil.kernel.arp.MacAddress;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LinkTest {
    private static Link withMac(String mac) {
        return new Link(2, "eth0", Rtnl.IFF_UP, true, OperState.UP, 1500, mac, null, 0);
    }

    @Test
    void ethernetLinksHaveAMacAddress() {
        assertThat(withMac("02:00:5e:10:00:01").ethernetMac()).contains(MacAddress.parse("02:00:5e:10:00:01"));
    }

    @Test
    void linksWithoutAnEthernetAddressHaveNone() {
        assertThat(withMac(null).ethernetMac()).isEmpty();
        assertThat(withMac("0a:00:00:01").ethernetMac()).as("ipip: 4-byte address").isEmpty();
    }
}
