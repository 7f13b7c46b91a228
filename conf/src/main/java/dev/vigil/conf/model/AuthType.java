package dev.vigil.conf.model;

/** VRRPv2 authentication (RFC 2338 section 5.3.6; removed by RFC 3768). */
public enum AuthType {
    PASS, AH
}
