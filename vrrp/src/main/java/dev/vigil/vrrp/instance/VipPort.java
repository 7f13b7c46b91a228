package dev.vigil.vrrp.instance;

import java.util.List;

/**
 * Where an instance's virtual addresses go when a VIP backend other than the kernel's address table
 * places them (a command, a cloud API, a router). Calls come on the instance's event loop and
 * return at once: the port carries them out elsewhere, in the order they were made, so adverts are
 * never held up by a slow or failing backend.
 */
public interface VipPort {
    /** Asks for {@code vips} of {@code instance} to be put in place (the instance became master). */
    void add(String instance, List<Vip> vips);

    /** Asks for {@code vips} of {@code instance} to be taken away (it is no longer master). */
    void remove(String instance, List<Vip> vips);
}
