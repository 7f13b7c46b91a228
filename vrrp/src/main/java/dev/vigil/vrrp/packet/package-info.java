/** VRRP advertisements (RFC 5798 section 5, RFC 3768 section 5): values, wire codec and the receive checks of section 7.1. */
package dev.vigil.vrrp.packet;
