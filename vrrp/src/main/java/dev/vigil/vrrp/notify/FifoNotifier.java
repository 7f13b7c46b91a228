package dev.vigil.vrrp.notify;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one line per state change to keepalived's notify FIFO, e.g.
 * {@code INSTANCE "VI_1" MASTER 100}: kind, quoted name, state, priority, newline. The caller never
 * blocks: lines go through a bounded queue to a thread of the notifier, and a line that finds the
 * queue full is dropped and counted. A FIFO is opened read-write, so opening never waits for a
 * reader and lines written while no reader is there wait in the pipe; a regular file (or a path
 * that does not exist yet) is appended to.
 */
public final class FifoNotifier implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FifoNotifier.class);
    private static final int DEFAULT_CAPACITY = 1024;

    private final Path fifo;
    private final BlockingQueue<String> queue;
    private final Thread writer;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong writeFailures = new AtomicLong();
    private FileChannel channel;
    private volatile boolean closed;

    public FifoNotifier(Path fifo) {
        this(fifo, DEFAULT_CAPACITY);
    }

    FifoNotifier(Path fifo, int capacity) {
        this.fifo = Objects.requireNonNull(fifo, "fifo");
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.writer = new Thread(this::drain, "vigil-notify-fifo");
        writer.setDaemon(true);
        writer.start();
    }

    /** The line written for {@code c}, without its newline. */
    public static String line(StateChange c) {
        return c.kind() + " \"" + c.name() + "\" " + c.state() + " " + c.priority();
    }

    /** Queues the line for {@code c}; drops it (counted) when the queue is full or the notifier closed. */
    public void notify(StateChange c) {
        notifyLine(line(c));
    }

    /**
     * Queues {@code line} (without its newline), e.g. a checker's {@code RS ...} line written to the
     * same FIFO as the VRRP lines; drops it (counted) when the queue is full or the notifier closed.
     */
    public void notifyLine(String line) {
        if (closed || !queue.offer(line + "\n")) {
            long n = dropped.incrementAndGet();
            if (n == 1 || n % 100 == 0) {
                LOG.warn("notify FIFO {}: {} line(s) dropped so far (no reader or writer stuck)", fifo, n);
            }
        }
    }

    /** Lines dropped because the queue was full or the notifier closed. */
    public long dropped() {
        return dropped.get();
    }

    /** Lines lost because writing them failed. */
    public long writeFailures() {
        return writeFailures.get();
    }

    private void drain() {
        try {
            while (!closed || !queue.isEmpty()) {
                String line = queue.poll(100, TimeUnit.MILLISECONDS);
                if (line != null) {
                    write(line);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeChannel();
        }
    }

    private void write(String line) {
        ByteBuffer buf = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
        try {
            if (channel == null) {
                channel = open();
            }
            while (buf.hasRemaining()) {
                channel.write(buf);
            }
        } catch (IOException e) {
            writeFailures.incrementAndGet();
            LOG.warn("notify FIFO {}: write failed: {}", fifo, e.toString());
            closeChannel();
        }
    }

    @SuppressWarnings("resource") // the channel owns the file descriptor and is closed with it
    private FileChannel open() throws IOException {
        if (!Files.exists(fifo) || Files.isRegularFile(fifo)) {
            return FileChannel.open(fifo, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
        }
        return new RandomAccessFile(fifo.toFile(), "rw").getChannel();
    }

    private void closeChannel() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                LOG.debug("notify FIFO {}: close failed", fifo, e);
            }
            channel = null;
        }
    }

    /**
     * Stops the notifier: queued lines are written for up to a second, then a write still blocked
     * (a full pipe nobody reads) is abandoned and the rest dropped.
     */
    @Override
    public void close() {
        closed = true;
        try {
            writer.join(1000);
            if (writer.isAlive()) {
                writer.interrupt();
                writer.join(2000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        dropped.addAndGet(queue.size());
        queue.clear();
    }
}
