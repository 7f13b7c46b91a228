package dev.vigil.kernel.nft;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * {@link VipFilter} over the {@code nft} command, in the network namespace of this process. The rules
 * live in their own table ({@code inet vigil} unless named otherwise), created at the first address
 * and deleted at {@link #close()}: sets {@code vips4} and {@code vips6}, and chains on the input and
 * output hooks (priority {@code filter - 1}, as keepalived's) dropping packets to and from their
 * members. Neighbour solicitations and advertisements pass, so that neighbours still resolve the
 * addresses (ARP is not IP and passes anyway). keepalived 2.2.7 installs the same kind of rules in its
 * tables {@code ip keepalived} and {@code ip6 keepalived}.
 */
public final class NftVipFilter implements VipFilter {
    private static final long TIMEOUT_SECONDS = 10;

    private final String nft;
    private final String table;
    private final Map<String, List<InetAddress>> owners = new LinkedHashMap<>();
    private boolean created;

    /** @param nft the nft command ({@code nft}); @param table the table's name in family inet */
    public NftVipFilter(String nft, String table) {
        this.nft = Objects.requireNonNull(nft, "nft");
        this.table = Objects.requireNonNull(table, "table");
    }

    /** The {@code inet vigil} table through {@code nft} from the PATH. */
    public static NftVipFilter create() {
        return new NftVipFilter("nft", "vigil");
    }

    @Override
    public synchronized void set(String owner, List<InetAddress> addresses) {
        Objects.requireNonNull(owner, "owner");
        Map<String, List<InetAddress>> next = new LinkedHashMap<>(owners);
        if (addresses.isEmpty()) {
            next.remove(owner);
        } else {
            next.put(owner, List.copyOf(addresses));
        }
        Set<InetAddress> before = union(owners);
        Set<InetAddress> after = union(next);
        Set<InetAddress> added = new LinkedHashSet<>(after);
        added.removeAll(before);
        Set<InetAddress> removed = new LinkedHashSet<>(before);
        removed.removeAll(after);
        if (added.isEmpty() && removed.isEmpty()) {
            owners.clear();
            owners.putAll(next);
            return;
        }
        StringBuilder script = new StringBuilder();
        if (!created) {
            script.append(tableScript());
        }
        elements(script, "delete", removed);
        elements(script, "add", added);
        run(script.toString(), owner);
        created = true;
        owners.clear();
        owners.putAll(next);
    }

    /** The script that (re)creates the table empty, replacing one a previous run left. */
    String tableScript() {
        String nd = "icmpv6 type { nd-neighbor-solicit, nd-neighbor-advert } accept";
        return "table inet " + table + "\n"
                + "delete table inet " + table + "\n"
                + "table inet " + table + " {\n"
                + "  set vips4 { type ipv4_addr; }\n"
                + "  set vips6 { type ipv6_addr; }\n"
                + "  chain in {\n"
                + "    type filter hook input priority filter - 1; policy accept;\n"
                + "    " + nd + "\n"
                + "    ip daddr @vips4 drop\n"
                + "    ip6 daddr @vips6 drop\n"
                + "  }\n"
                + "  chain out {\n"
                + "    type filter hook output priority filter - 1; policy accept;\n"
                + "    " + nd + "\n"
                + "    ip saddr @vips4 drop\n"
                + "    ip6 saddr @vips6 drop\n"
                + "  }\n"
                + "}\n";
    }

    private void elements(StringBuilder script, String verb, Set<InetAddress> addresses) {
        List<InetAddress> v4 = new ArrayList<>();
        List<InetAddress> v6 = new ArrayList<>();
        addresses.forEach(a -> (a instanceof Inet4Address ? v4 : v6).add(a));
        element(script, verb, "vips4", v4);
        element(script, verb, "vips6", v6);
    }

    private void element(StringBuilder script, String verb, String set, List<InetAddress> addresses) {
        if (!addresses.isEmpty()) {
            script.append(verb).append(" element inet ").append(table).append(' ').append(set).append(" { ")
                    .append(addresses.stream().map(InetAddress::getHostAddress).collect(Collectors.joining(", ")))
                    .append(" }\n");
        }
    }

    private static Set<InetAddress> union(Map<String, List<InetAddress>> map) {
        Set<InetAddress> all = new LinkedHashSet<>();
        map.values().forEach(all::addAll);
        return all;
    }

    private void run(String script, String what) {
        Process p;
        try {
            p = new ProcessBuilder(nft, "-f", "-").redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new NftException("cannot run " + nft + " for " + what + " (is nftables installed?): "
                    + e.getMessage(), e);
        }
        try (OutputStream in = p.getOutputStream()) {
            in.write(script.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            p.destroyForcibly();
            throw new NftException(nft + " -f - for " + what + ": " + e.getMessage(), e);
        }
        try {
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new NftException(nft + " -f - for " + what + " did not finish in " + TIMEOUT_SECONDS + " s", null);
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (p.exitValue() != 0) {
                throw new NftException(nft + " -f - for " + what + " failed (exit " + p.exitValue() + "): " + out, null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new NftException(nft + " -f - for " + what + " interrupted", e);
        } catch (IOException e) {
            throw new NftException(nft + " -f - for " + what + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        owners.clear();
        if (created) {
            created = false;
            run("delete table inet " + table + "\n", "close");
        }
    }
}
