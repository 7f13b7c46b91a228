package dev.vigil.vrrp.fsm;

/** The two timers of RFC 5798 section 6.2; a machine has at most one of each pending. */
public enum TimerKind {
    /** Adver_Timer: fires to send an ADVERTISEMENT while Master. */
    ADVER,
    /** Master_Down_Timer: fires when a Backup has heard no ADVERTISEMENT for Master_Down_Interval. */
    MASTER_DOWN
}
