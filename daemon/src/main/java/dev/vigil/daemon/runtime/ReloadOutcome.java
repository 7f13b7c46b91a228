package dev.vigil.daemon.runtime;

import java.util.List;

/**
 * What a reload did.
 *
 * @param ok       true when the new configuration is in effect
 * @param messages what changed when {@code ok}, why not otherwise (FILE:LINE:COL lines for a bad file)
 */
public record ReloadOutcome(boolean ok, List<String> messages) {
    public ReloadOutcome {
        messages = List.copyOf(messages);
    }

    /** The configuration was applied. */
    public static ReloadOutcome applied(List<String> messages) {
        return new ReloadOutcome(true, messages);
    }

    /** The configuration was refused; {@code reasons} say why. */
    public static ReloadOutcome refused(List<String> reasons) {
        return new ReloadOutcome(false, reasons);
    }
}
