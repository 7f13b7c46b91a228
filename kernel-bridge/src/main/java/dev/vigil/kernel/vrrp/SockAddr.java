package dev.vigil.kernel.vrrp;

import dev.vigil.kernel.libc.Bytes;
import dev.vigil.kernel.libc.Syscalls;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** {@code sockaddr_in} / {@code sockaddr_in6} encoding and decoding for raw sockets (port 0). */
final class SockAddr {
    static final int IN_SIZE = 16;
    static final int IN6_SIZE = 28;

    private SockAddr() {
    }

    /** {@code struct sockaddr_in}: family, port 0, address, zero padding. */
    static byte[] in(Inet4Address address) {
        byte[] b = new byte[IN_SIZE];
        Bytes.putShortHost(b, 0, Syscalls.AF_INET);
        System.arraycopy(address.getAddress(), 0, b, 4, 4);
        return b;
    }

    /**
     * {@code struct sockaddr_in6}: family, port 0, flow info 0, address, scope id. Link-local
     * unicast and link- or interface-local multicast destinations get {@code ifindex} as scope.
     */
    static byte[] in6(Inet6Address address, int ifindex) {
        byte[] b = new byte[IN6_SIZE];
        Bytes.putShortHost(b, 0, Syscalls.AF_INET6);
        System.arraycopy(address.getAddress(), 0, b, 8, 16);
        if (needsScope(address)) {
            Bytes.putIntHost(b, 24, ifindex);
        }
        return b;
    }

    static boolean needsScope(Inet6Address a) {
        return a.isLinkLocalAddress() || a.isMCLinkLocal() || a.isMCNodeLocal();
    }

    /** The address of a {@code sockaddr_in6}, link-local ones with their scope id. */
    static Inet6Address in6Address(byte[] sockaddr) {
        byte[] addr = new byte[16];
        System.arraycopy(sockaddr, 8, addr, 0, 16);
        int scope = Bytes.intHost(sockaddr, 24);
        return inet6(addr, scope);
    }

    /** An Inet6Address (never an IPv4-mapped Inet4Address); scope set when link-local and non-zero. */
    static Inet6Address inet6(byte[] addr, int scope) {
        try {
            Inet6Address plain = Inet6Address.getByAddress(null, addr, -1);
            if (scope > 0 && needsScope(plain)) {
                return Inet6Address.getByAddress(null, addr, scope);
            }
            return plain;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The IPv4 address in {@code b[off..off+4)}. */
    static Inet4Address inet4(byte[] b, int off) {
        byte[] a = new byte[4];
        System.arraycopy(b, off, a, 0, 4);
        try {
            return (Inet4Address) InetAddress.getByAddress(a);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
