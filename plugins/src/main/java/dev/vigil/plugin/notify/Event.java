package dev.vigil.plugin.notify;

import java.time.Instant;

/** Something a notifier hears about. Every event has the node, a time and a sequence number. */
public sealed interface Event permits VrrpEvent, RealServerEvent, VirtualServerEvent {
    /** Increases by one for each event this node emits: gaps mean lost events. */
    long sequence();

    Instant time();

    /** The node's name (keepalived's {@code router_id}). */
    String node();
}
