package dev.vigil.conf;

/** How serious a configuration diagnostic is. */
public enum Severity {
    /** The configuration cannot be used. */
    ERROR,
    /** Accepted, but probably not what was meant (keepalived warns about the same). */
    WARNING,
    /** A keepalived setting Vigil does not run: reported, then left out of the model. */
    UNSUPPORTED
}
