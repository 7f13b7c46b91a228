package dev.vigil.lvs.engine;

/** Hears health transitions for notifiers; called on the loop, must not block. */
public interface LvsEvents {
    LvsEvents NONE = new LvsEvents() {
    };

    default void realServer(String virtualServer, String realServer, boolean up, String reason) {
    }

    default void quorum(String virtualServer, boolean up, int liveWeight) {
    }
}
