package dev.vigil.kernel.ipvs;

import dev.vigil.kernel.IpFamily;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.Inet6Address;

import static org.assertj.core.api.Assertions.assertThat;

class IpAddressesTest {
    @ParameterizedTest
    @CsvSource({
        "10.9.0.1, 10.9.0.1",
        "2001:db8::1, 2001:db8::1",
        "2001:0db8:0:0:0:0:0:1, 2001:db8::1",
        "::1, ::1",
        "::, ::",
        "::ffff:10.0.0.1, ::ffff:10.0.0.1",
        "::10.0.0.1, ::10.0.0.1",
        "1:0:0:1:0:0:0:0, 1:0:0:1::",
        "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
        "2001:0:0:1:0:0:0:1, 2001:0:0:1::1",
        "fe80::1:0, fe80::1:0",
        "2001:db8::1:0, 2001:db8::1:0",
    })
    void formatsLikeGlibcInetNtop(String in, String out) {
        assertThat(IpAddresses.format(IpAddresses.parse(in))).isEqualTo(out);
    }

    @Test
    void mappedAddressesStayIpv6() {
        assertThat(IpAddresses.parse("::ffff:10.0.0.1")).isInstanceOf(Inet6Address.class);
        assertThat(IpAddresses.of(IpFamily.V6, IpAddresses.union(IpAddresses.parse("::ffff:1.2.3.4"))))
                .isInstanceOf(Inet6Address.class);
        assertThat(IpAddresses.union(IpAddresses.parse("10.0.0.1"))).hasSize(16).startsWith(10, 0, 0, 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "10.1", "10.0.0.256", "1.2.3.4.5", "", "10.0.0.x", "[::1]", "g::1", "1:::2"})
    void rejectsWhatIsNotANumericAddress(String s) {
        assertThat(IpAddresses.parse(s)).isNull();
    }

    @Test
    void masksAndPorts() {
        assertThat(IpAddresses.v4Mask(0xffffff00)).isEqualTo("255.255.255.0");
        assertThat(IpAddresses.v4Mask(24)).isEqualTo("0.0.0.24");
        assertThat(IpAddresses.withPort(IpAddresses.parse("2001:db8::1"), 80)).isEqualTo("[2001:db8::1]:80");
    }
}
