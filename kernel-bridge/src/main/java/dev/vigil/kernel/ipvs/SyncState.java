package dev.vigil.kernel.ipvs;

import java.util.Locale;

/** Role of a connection synchronisation daemon: {@code IP_VS_STATE_MASTER} or {@code _BACKUP}. */
public enum SyncState {
    MASTER(IpvsConstants.STATE_MASTER),
    BACKUP(IpvsConstants.STATE_BACKUP);

    private final int value;

    SyncState(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }

    /** {@code master} or {@code backup}, as ipvsadm writes it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SyncState of(int value) {
        for (SyncState s : values()) {
            if (s.value == value) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown IPVS sync daemon state " + value);
    }
}
