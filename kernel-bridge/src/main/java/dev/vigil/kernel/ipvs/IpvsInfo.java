package dev.vigil.kernel.ipvs;

/** General IPVS information ({@code IPVS_CMD_GET_INFO}): version code and connection table size. */
public record IpvsInfo(int version, int connTableSize) {
    /** The version as ipvsadm prints it, e.g. {@code 1.2.1} for 0x010201. */
    public String versionString() {
        return ((version >> 16) & 0xff) + "." + ((version >> 8) & 0xff) + "." + (version & 0xff);
    }
}
