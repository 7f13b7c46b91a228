package dev.vigil.kernel.rtnl;

/**
 * Creates, brings up and down, and deletes links: the backend of keepalived's {@code use_vmac}.
 * An in-memory implementation for tests is {@link FakeLinkControl}.
 */
public interface LinkControl {

    /** Creates {@code macvlan} and returns its index; fails with {@code EEXIST} when the name is taken. */
    int addMacvlan(Macvlan macvlan);

    /** {@code ip link set dev #index up|down}; fails with {@code ENODEV} when there is no such link. */
    void setUp(int index, boolean up);

    /** Deletes the link named {@code name}; false when there is none. */
    boolean ensureAbsent(String name);

    /** The index of the link named {@code name}, 0 when there is none. */
    int indexOf(String name);
}
