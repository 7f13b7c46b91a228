package dev.vigil.notifiers;

import org.pf4j.Plugin;

/** The plugin's life cycle: nothing is shared between notifiers, so there is nothing to stop here. */
public final class NotifiersPlugin extends Plugin {
}
