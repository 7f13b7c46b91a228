package dev.vigil.daemon.plugin;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What happened to one notifier's events: delivered, failed (the notifier threw), timed out (the
 * delivery outlasted its limit), dropped (the queue was full or closed). Kept by notifier name
 * across reloads, so the counters only grow.
 */
final class NotifierCounters {
    final AtomicLong delivered = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    final AtomicLong timedOut = new AtomicLong();
    final AtomicLong dropped = new AtomicLong();
}
