/**
 * rtnetlink: links, addresses, routes and policy rules as domain records, their wire codec,
 * and the {@link dev.vigil.kernel.rtnl.AddressTable}, {@link dev.vigil.kernel.rtnl.RouteTable}
 * and {@link dev.vigil.kernel.rtnl.LinkMonitor} interfaces with netlink and in-memory implementations.
 */
package dev.vigil.kernel.rtnl;
