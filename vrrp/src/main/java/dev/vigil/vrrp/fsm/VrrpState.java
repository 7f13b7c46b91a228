package dev.vigil.vrrp.fsm;

/**
 * The states of a virtual router: Initialize, Backup and Master of RFC 5798 section 6.4, plus
 * keepalived's FAULT (tracking says this node cannot serve; it neither sends nor answers adverts).
 */
public enum VrrpState {
    /** RFC 5798 6.4.1: waiting for a Startup event; also the state after Shutdown. */
    INIT,
    /** RFC 5798 6.4.2: monitoring the Master. */
    BACKUP,
    /** RFC 5798 6.4.3: forwarding for the virtual addresses. */
    MASTER,
    /** keepalived: a tracked interface, script or file failed; the instance does not take part. */
    FAULT
}
