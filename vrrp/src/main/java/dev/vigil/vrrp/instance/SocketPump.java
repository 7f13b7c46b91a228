package dev.vigil.vrrp.instance;

import dev.vigil.kernel.vrrp.ReceivedPacket;
import dev.vigil.kernel.vrrp.VrrpSocket;
import dev.vigil.kernel.vrrp.VrrpSocketClosedException;
import dev.vigil.vrrp.time.Scheduler;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A thread that waits on one VRRP socket and hands each packet to the event loop, with the loop
 * clock's time it was received at. Blocking receives stay off the loop; the loop never waits for
 * the network. Ends when the socket closes.
 */
public final class SocketPump implements AutoCloseable {
    /** Takes a packet on the loop; {@code receivedNanos} is when the pump got it, on the loop's clock. */
    @FunctionalInterface
    public interface Handler {
        void accept(ReceivedPacket packet, long receivedNanos);
    }

    private static final Logger LOG = LoggerFactory.getLogger(SocketPump.class);

    private final VrrpSocket socket;
    private final Thread thread;

    /** Starts pumping packets of {@code socket} into {@code handler}, run on {@code loop}. */
    public SocketPump(String name, VrrpSocket socket, Scheduler loop, Handler handler) {
        this.socket = socket;
        this.thread = new Thread(() -> run(loop, handler), "vrrp-rx-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    private void run(Scheduler loop, Handler handler) {
        while (!socket.isClosed()) {
            try {
                Optional<ReceivedPacket> p = socket.receive(Duration.ofSeconds(1));
                if (p.isPresent()) {
                    ReceivedPacket packet = p.get();
                    long at = loop.nanoTime();
                    loop.execute(() -> handler.accept(packet, at));
                }
            } catch (VrrpSocketClosedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("receive on {} failed: {}", socket.options().interfaceLabel(), e.getMessage());
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Closes the socket and waits for the thread to end. */
    @Override
    public void close() {
        socket.close();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
