package dev.vigil.daemon.lab;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A client pinging an address every 5 ms ({@code ping -D}, root only) and recording when each reply
 * came and its IP TTL, so tests measure the longest gap in service around a failover and, when the
 * nodes answer with different TTLs ({@code net.ipv4.ip_default_ttl}), which node answered.
 */
public final class Probe implements AutoCloseable {
    private static final Pattern REPLY = Pattern.compile("^\\[(\\d+)\\.(\\d+)] \\d+ bytes from .* icmp_seq=(\\d+) ttl=(\\d+)");

    private final Process process;
    private final List<Long> replyMicros = new ArrayList<>();
    private final List<Integer> replySeqs = new ArrayList<>();
    private final List<Integer> replyTtls = new ArrayList<>();
    private final Thread reader;

    private Probe(Process process) {
        this.process = process;
        this.reader = new Thread(this::read, "probe");
        this.reader.setDaemon(true);
        this.reader.start();
    }

    /** Starts pinging {@code address} from {@code node}; the lab closes it. */
    public static Probe start(NetLab lab, String node, String address) {
        List<String> cmd = NetLab.inNs(lab.node(node).ns(), "ping", "-n", "-D", "-i", "0.005", "-W", "1", address);
        try {
            return lab.own(new Probe(new ProcessBuilder(cmd).redirectErrorStream(true).start()));
        } catch (IOException e) {
            throw new IllegalStateException("cannot start ping: " + e.getMessage(), e);
        }
    }

    private void read() {
        try (var in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII))) {
            String line;
            while ((line = in.readLine()) != null) {
                Matcher m = REPLY.matcher(line);
                if (m.find()) {
                    String frac = (m.group(2) + "000000").substring(0, 6);
                    long micros = Long.parseLong(m.group(1)) * 1_000_000L + Long.parseLong(frac);
                    synchronized (replyMicros) {
                        replyMicros.add(micros);
                        replySeqs.add(Integer.parseInt(m.group(3)));
                        replyTtls.add(Integer.parseInt(m.group(4)));
                    }
                }
            }
        } catch (IOException e) {
            // the probe was closed
        }
    }

    /** Replies received so far. */
    public int replies() {
        synchronized (replyMicros) {
            return replyMicros.size();
        }
    }

    /**
     * When the first reply with IP TTL {@code ttl} at or after {@code epochMicros} came (microseconds
     * since the epoch, the receive time ping printed), or -1 if none came yet.
     */
    public long firstReplyAfter(long epochMicros, int ttl) {
        long first = -1;
        synchronized (replyMicros) {
            for (int i = replyMicros.size() - 1; i >= 0 && replyMicros.get(i) >= epochMicros; i--) {
                if (replyTtls.get(i) == ttl) {
                    first = replyMicros.get(i);
                }
            }
        }
        return first;
    }

    /** Replies received at or after {@code epochMicros} (microseconds since the epoch). */
    public int repliesAfter(long epochMicros) {
        int n = 0;
        synchronized (replyMicros) {
            for (int i = replyMicros.size() - 1; i >= 0 && replyMicros.get(i) >= epochMicros; i--) {
                n++;
            }
        }
        return n;
    }

    /** The longest time between consecutive replies, counted from the {@code from}th reply on. */
    public Duration longestGap(int from) {
        long most = 0;
        synchronized (replyMicros) {
            for (int i = Math.max(from, 0) + 1; i < replyMicros.size(); i++) {
                most = Math.max(most, replyMicros.get(i) - replyMicros.get(i - 1));
            }
        }
        return Duration.ofNanos(most * 1000);
    }

    /**
     * Echo requests that got no reply, counted from the {@code from}th reply to the last one: the
     * holes in the replies' sequence numbers (which wrap at 65536).
     */
    public int lost(int from) {
        int lost = 0;
        synchronized (replyMicros) {
            for (int i = Math.max(from, 0) + 1; i < replySeqs.size(); i++) {
                lost += Math.floorMod(replySeqs.get(i) - replySeqs.get(i - 1), 65536) - 1;
            }
        }
        return lost;
    }

    /** Stops pinging (by the ping's PID). */
    @Override
    public void close() {
        process.destroy();
        try {
            reader.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.destroyForcibly();
    }

    @Override
    public String toString() {
        return "probe (pid " + process.pid() + ")";
    }
}
