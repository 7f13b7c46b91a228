package dev.vigil.conf.model;

/** The IPVS forwarding method: masquerading, direct routing or tunnelling. */
public enum LvsMethod {
    NAT, DR, TUN
}
