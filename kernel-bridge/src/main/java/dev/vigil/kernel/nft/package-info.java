/** Packet filtering through nftables: the drop rules of VRRP masters without accept mode. */
package dev.vigil.kernel.nft;
