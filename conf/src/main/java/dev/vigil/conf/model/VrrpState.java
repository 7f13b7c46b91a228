package dev.vigil.conf.model;

/** The initial state of a VRRP instance (RFC 5798 section 6.4). */
public enum VrrpState {
    MASTER, BACKUP
}
