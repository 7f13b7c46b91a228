/**
 * rtnetlink: links, addresses, routes and policy rules as domain records, their wire codec,
 * and the {@link dev.vigil.kernel.rtnl.AddressTable}, {@link dev.vigil.kernel.rtnl.RouteTable},
 * {@link dev.vigil.kernel.rtnl.LinkMonitor} and {@link dev.vigil.kernel.rtnl.LinkControl} interfaces with netlink and in-memory implementations.
 */
package dev.vigil.kernel.rtnl;
