package dev.vigil.conf.model;

/** The layer 4 protocol of a virtual server. */
public enum Protocol {
    TCP, UDP, SCTP
}
