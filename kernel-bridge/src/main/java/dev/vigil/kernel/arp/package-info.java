/** Address announcements on takeover: gratuitous ARP for IPv4 and unsolicited Neighbour Advertisements for IPv6. */
package dev.vigil.kernel.arp;
