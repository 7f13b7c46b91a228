package dev.vigil.vrrp.notify;

import dev.vigil.vrrp.script.CommandLine;

/**
 * The notify commands of an instance or sync group, each a command line (split as a shell would,
 * without a shell) or {@code null} when not configured.
 *
 * @param master           {@code notify_master}
 * @param backup           {@code notify_backup}
 * @param fault            {@code notify_fault}
 * @param stop             {@code notify_stop}
 * @param any              {@code notify}: run on every state change with four arguments appended
 * @param masterRxLowerPri {@code notify_master_rx_lower_pri}
 */
public record NotifyCommands(String master, String backup, String fault, String stop, String any,
                             String masterRxLowerPri) {
    /** No commands. */
    public static final NotifyCommands NONE = new NotifyCommands(null, null, null, null, null, null);

    /** @throws IllegalArgumentException when a command line has an unterminated quote or is empty */
    public NotifyCommands {
        for (String c : new String[] {master, backup, fault, stop, any, masterRxLowerPri}) {
            if (c != null && CommandLine.split(c).isEmpty()) {
                throw new IllegalArgumentException("empty notify command");
            }
        }
    }
}
