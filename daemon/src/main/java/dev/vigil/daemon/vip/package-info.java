/** VIP backends: the exec and netlink backends, the asynchronous port VRRP hands addresses to, and the record of addresses this daemon placed. */
package dev.vigil.daemon.vip;
