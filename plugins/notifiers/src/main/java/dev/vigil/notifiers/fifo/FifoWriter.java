package dev.vigil.notifiers.fifo;

import dev.vigil.notifiers.EventKinds;
import dev.vigil.notifiers.KeepalivedText;
import dev.vigil.plugin.notify.Event;
import dev.vigil.plugin.notify.Notifier;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes keepalived's notify FIFO line for each event, newline-terminated. A FIFO is opened
 * read-write, so opening never waits for a reader and lines written while none is there wait in
 * the pipe; a regular file (or a path that does not exist) is appended to. A failed write closes
 * the file, fails the delivery and the next event opens it again.
 */
final class FifoWriter implements Notifier {
    private final Path path;
    private final EventKinds events;
    private FileChannel channel;

    FifoWriter(Path path, EventKinds events) {
        this.path = path;
        this.events = events;
    }

    @Override
    public synchronized void deliver(Event event) throws IOException {
        if (!events.accepts(event)) {
            return;
        }
        ByteBuffer buf = ByteBuffer.wrap((KeepalivedText.fifoLine(event) + "\n").getBytes(StandardCharsets.UTF_8));
        try {
            if (channel == null) {
                channel = open();
            }
            while (buf.hasRemaining()) {
                channel.write(buf);
            }
        } catch (IOException e) {
            close();
            throw new IOException(path + ": " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("resource") // the channel owns the descriptor and is closed with it
    private FileChannel open() throws IOException {
        if (!Files.exists(path) || Files.isRegularFile(path)) {
            return FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        }
        return new RandomAccessFile(path.toFile(), "rw").getChannel();
    }

    @Override
    public synchronized void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing more to do: the descriptor is released either way
            }
            channel = null;
        }
    }
}
