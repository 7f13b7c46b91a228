/** Vigil's bridge to the Linux kernel: netlink, IPVS, raw VRRP sockets, ARP and namespaces. */
package dev.vigil.kernel;
