package dev.vigil.kernel.sysctl;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** An in-memory {@link Sysctl}: unknown keys read as missing, as a file absent from /proc/sys would. */
public final class FakeSysctl implements Sysctl {
    private final Map<String, String> values = new LinkedHashMap<>();

    @Override
    public synchronized String read(String key) {
        String v = values.get(Objects.requireNonNull(key, "key"));
        if (v == null) {
            throw new SysctlException("cannot read sysctl " + key + ": no such key", null);
        }
        return v;
    }

    @Override
    public synchronized void write(String key, String value) {
        values.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
    }

    /** Every key and value set so far. */
    public synchronized Map<String, String> values() {
        return Map.copyOf(values);
    }
}
