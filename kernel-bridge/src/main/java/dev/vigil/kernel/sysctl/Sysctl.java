package dev.vigil.kernel.sysctl;

/**
 * Kernel parameters by path under {@code /proc/sys}, e.g. {@code net/ipv4/conf/vrrp.51/arp_ignore}
 * (slashes, so interface names may hold dots). An in-memory implementation is {@link FakeSysctl}.
 */
public interface Sysctl {

    /** The parameter's value, trimmed; throws {@link SysctlException} when it cannot be read. */
    String read(String key);

    /** Sets the parameter; throws {@link SysctlException} when it cannot be written. */
    void write(String key, String value);

    /** The key of a per-interface IPv4 parameter: {@code net/ipv4/conf/IF/NAME}. */
    static String ipv4Conf(String interfaceName, String name) {
        return "net/ipv4/conf/" + interfaceName + "/" + name;
    }

    /** The key of a per-interface IPv6 parameter: {@code net/ipv6/conf/IF/NAME}. */
    static String ipv6Conf(String interfaceName, String name) {
        return "net/ipv6/conf/" + interfaceName + "/" + name;
    }
}
