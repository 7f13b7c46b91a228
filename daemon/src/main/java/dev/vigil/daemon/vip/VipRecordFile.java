package dev.vigil.daemon.vip;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.plugin.vip.VirtualAddress;
import dev.vigil.vrrp.instance.AddressRecord;
import dev.vigil.vrrp.instance.Vip;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The record of the virtual addresses this daemon has placed and not yet taken away, kept in a
 * JSON file that is replaced atomically (written beside it, then renamed) on every change. The
 * next start reads it and removes what it lists: addresses left by a process killed while master
 * (kill -9, a crash), including ones whose instance or address has left the configuration since.
 * An address enters the record before it is added and leaves after it is removed.
 *
 * <p>Calls from the VRRP loop ({@link #adding}, {@link #removed}) change the record in memory and
 * leave the file to a writer thread, so a transition never waits for the file system (a write and
 * rename costs about 0.1 ms on tmpfs but several ms on a disk file system): the write is requested
 * before the addresses are added, and a kill -9 within the moment it takes may leave them out of
 * the file. Other callers ({@link #add}, {@link #remove}: VIP backends' own threads, start-up)
 * write before they return.
 *
 * <p>The file needs no fsync: a killed process's writes are in the page cache already, and a
 * power loss or reboot takes the addresses away too. Each daemon has its own file (next to its
 * pid file by default), so several daemons on one host, in different network namespaces, never
 * remove each other's addresses.
 */
public final class VipRecordFile implements AddressRecord, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(VipRecordFile.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One recorded address and the backend that placed it. */
    public record Entry(String backend, VirtualAddress address) {
        public Entry {
            Objects.requireNonNull(backend, "backend");
            Objects.requireNonNull(address, "address");
        }
    }

    private final Path file;
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final Object io = new Object();
    private final java.util.concurrent.ExecutorService writer;
    private long version;
    private long written;
    private boolean writeQueued;

    private VipRecordFile(Path file) {
        this.file = file;
        this.writer = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "vip-record");
            t.setDaemon(true);
            return t;
        });
    }

    /** The record in {@code file}: empty when the file does not exist; an unreadable file is set aside with a warning. */
    public static VipRecordFile open(Path file) {
        VipRecordFile r = new VipRecordFile(file.toAbsolutePath());
        if (Files.exists(file)) {
            try {
                for (Entry e : parse(Files.readString(file))) {
                    r.entries.put(key(e.address()), e);
                }
            } catch (IOException | RuntimeException e) {
                Path aside = file.resolveSibling(file.getFileName() + ".unreadable");
                LOG.warn("VIP record {} is unreadable ({}); moved to {}, stale addresses it listed stay", file,
                        e.getMessage(), aside);
                try {
                    Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException ignored) {
                    // the next write replaces it
                }
            }
        }
        return r;
    }

    /** A record kept in memory only (no file): nothing survives the process. */
    public static VipRecordFile inMemory() {
        return new VipRecordFile(null);
    }

    /** The file, or null for a record in memory. */
    public Path file() {
        return file;
    }

    /** What the record lists now (in memory; the file may be a moment behind after {@link #adding}). */
    public synchronized List<Entry> entries() {
        return List.copyOf(entries.values());
    }

    /** Records {@code addresses} as placed by {@code backend} (before they are added); written when this returns. */
    public void add(String backend, Collection<VirtualAddress> addresses) {
        if (put(backend, addresses)) {
            flush();
        }
    }

    /** Forgets {@code addresses} (after they were removed); written when this returns. */
    public void remove(Collection<VirtualAddress> addresses) {
        if (drop(addresses)) {
            flush();
        }
    }

    /** From the VRRP loop: recorded in memory now, in the file by the writer thread. */
    @Override
    public void adding(String instance, List<Vip> vips) {
        if (put(NetlinkVipBackendFactory.TYPE, VipBackends.virtual(instance, vips))) {
            flushSoon();
        }
    }

    /** From the VRRP loop: forgotten in memory now, in the file by the writer thread. */
    @Override
    public void removed(String instance, List<Vip> vips) {
        if (drop(VipBackends.virtual(instance, vips))) {
            flushSoon();
        }
    }

    private synchronized boolean put(String backend, Collection<VirtualAddress> addresses) {
        boolean changed = false;
        for (VirtualAddress a : addresses) {
            Entry e = new Entry(backend, a);
            changed |= !e.equals(entries.put(key(a), e));
        }
        if (changed) {
            version++;
        }
        return changed;
    }

    private synchronized boolean drop(Collection<VirtualAddress> addresses) {
        boolean changed = false;
        for (VirtualAddress a : addresses) {
            changed |= entries.remove(key(a)) != null;
        }
        if (changed) {
            version++;
        }
        return changed;
    }

    private synchronized void flushSoon() {
        if (writeQueued) {
            return;
        }
        writeQueued = true;
        try {
            writer.execute(this::flush);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            writeQueued = false;
            flush();
        }
    }

    /** Writes the record as it is now, unless a newer state was written already. */
    private void flush() {
        List<Entry> snapshot;
        long v;
        synchronized (this) {
            writeQueued = false;
            snapshot = List.copyOf(entries.values());
            v = version;
        }
        synchronized (io) {
            if (v > written) {
                write(snapshot);
                written = v;
            }
        }
    }

    /** Writes what is pending and stops the writer thread. */
    @Override
    public void close() {
        writer.shutdown();
        try {
            writer.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flush();
    }

    private static String key(VirtualAddress a) {
        return a.owner() + " " + a.address().getHostAddress() + "/" + a.prefixLength() + " " + a.device();
    }

    private void write(List<Entry> snapshot) {
        if (file == null) {
            return;
        }
        List<Map<String, Object>> list = new ArrayList<>();
        for (Entry e : snapshot) {
            VirtualAddress a = e.address();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("instance", a.owner());
            m.put("backend", e.backend());
            m.put("address", dev.vigil.kernel.ipvs.IpAddresses.format(a.address()));
            m.put("prefix", a.prefixLength());
            m.put("dev", a.device());
            a.label().ifPresent(l -> m.put("label", l));
            m.put("scope", a.scope());
            a.broadcast().ifPresent(b -> m.put("broadcast", b.getHostAddress()));
            list.add(m);
        }
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
            Files.writeString(tmp, MAPPER.writeValueAsString(Map.of("version", 1, "addresses", list)) + "\n");
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            LOG.error("cannot write the VIP record {}: {}", file, e.getMessage());
        }
    }

    static List<Entry> parse(String text) throws IOException {
        Map<String, Object> root = MAPPER.readValue(text, new TypeReference<Map<String, Object>>() {
        });
        Object list = root.get("addresses");
        if (!(list instanceof List<?> items)) {
            throw new IllegalArgumentException("no 'addresses' list");
        }
        List<Entry> out = new ArrayList<>();
        for (Object o : items) {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) o;
            VirtualAddress a = new VirtualAddress(str(m, "instance"), inet(str(m, "address")),
                    ((Number) m.get("prefix")).intValue(), str(m, "dev"), Optional.ofNullable((String) m.get("label")),
                    str(m, "scope"), Optional.ofNullable((String) m.get("broadcast")).map(VipRecordFile::inet));
            out.add(new Entry(str(m, "backend"), a));
        }
        return out;
    }

    private static String str(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (!(v instanceof String s)) {
            throw new IllegalArgumentException("entry without '" + key + "': " + m);
        }
        return s;
    }

    private static InetAddress inet(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (java.net.UnknownHostException e) {
            throw new UncheckedIOException(e);
        }
    }
}
