/** VRRP (RFC 5798 / RFC 3768): packet codec, state machine, instances, sync groups and tracking. */
package dev.vigil.vrrp;
