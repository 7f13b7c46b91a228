package dev.vigil.kernel.nft;

import java.net.InetAddress;
import java.util.List;

/**
 * Drops packets to and from virtual addresses: what a VRRP master that is not the address owner does
 * without accept mode (RFC 5798 section 6.4.3: it "MUST NOT accept packets addressed to the IPvX
 * address(es) associated with the virtual router" unless Accept_Mode is True). Each owner (an
 * instance name) has its own list; an address is dropped while some owner lists it. Failures are
 * {@link NftException}s. An in-memory implementation for tests is {@link FakeVipFilter}.
 */
public interface VipFilter extends AutoCloseable {

    /** Replaces the addresses dropped for {@code owner}; an empty list stops dropping them. */
    void set(String owner, List<InetAddress> addresses);

    /** Removes every rule this filter installed. */
    @Override
    void close();
}
