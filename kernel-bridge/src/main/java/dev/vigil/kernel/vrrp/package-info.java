/** VRRP advertisement transport: raw IP protocol 112 sockets for IPv4/IPv6 and an in-memory fake, bytes in and out. */
package dev.vigil.kernel.vrrp;
