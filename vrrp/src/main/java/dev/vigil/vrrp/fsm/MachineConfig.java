package dev.vigil.vrrp.fsm;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * What one virtual router's state machine needs from the configuration.
 *
 * @param name                 instance name, for reasons and logs ({@code VI_1})
 * @param version              VRRP version, 2 (RFC 3768) or 3 (RFC 5798)
 * @param priority             configured priority 1..255; 255 is the address owner (RFC 5798 5.2.4)
 * @param advertIntervalCentis Advertisement_Interval in centiseconds: 1..4095 for v3 (RFC 5798 5.2.7),
 *                             whole seconds 1..255 (so 100..25500) for v2 (RFC 3768 5.3.7)
 * @param preempt              Preempt_Mode (RFC 5798 6.1); keepalived's {@code nopreempt} clears it
 * @param preemptDelay         keepalived's {@code preempt_delay}: added to the master down timer at
 *                             start-up and when a lower priority master is first seen; zero for none
 * @param startAsMaster        keepalived's {@code state MASTER}: the initial preference
 * @param lowerPrioNoAdvert    keepalived's {@code lower_prio_no_advert}: a Master discards a lower
 *                             priority advert silently, as the RFC says
 * @param higherPrioSendAdvert keepalived's {@code higher_prio_send_advert}: a Master sends one advert
 *                             before yielding to a higher priority one
 * @param localAddress         this node's primary address, for the equal priority tie-break (RFC 5798 6.4.3)
 */
public record MachineConfig(String name, int version, int priority, int advertIntervalCentis,
        boolean preempt, Duration preemptDelay, boolean startAsMaster, boolean lowerPrioNoAdvert,
        boolean higherPrioSendAdvert, InetAddress localAddress) {

    /** RFC 5798 section 5.2.4: the priority of the router that owns the virtual addresses. */
    public static final int OWNER_PRIORITY = 255;

    public MachineConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(preemptDelay, "preemptDelay");
        Objects.requireNonNull(localAddress, "localAddress");
        if (version != 2 && version != 3) {
            throw new IllegalArgumentException("version must be 2 or 3, not " + version);
        }
        if (priority < 1 || priority > OWNER_PRIORITY) {
            throw new IllegalArgumentException("priority must be 1..255, not " + priority);
        }
        checkInterval(version, advertIntervalCentis);
        if (preemptDelay.isNegative()) {
            throw new IllegalArgumentException("preemptDelay must not be negative: " + preemptDelay);
        }
    }

    /** A configuration with keepalived's defaults: preempt on, no delay, start as BACKUP, lower_prio adverts answered. */
    public static MachineConfig of(String name, int version, int priority, int advertIntervalCentis,
            InetAddress localAddress) {
        return new MachineConfig(name, version, priority, advertIntervalCentis, true, Duration.ZERO,
                false, false, false, localAddress);
    }

    /** True for the address owner (priority 255), which never changes priority and starts as Master. */
    public boolean addressOwner() {
        return priority == OWNER_PRIORITY;
    }

    /** Advertisement_Interval as a duration. */
    public Duration advertInterval() {
        return Duration.ofMillis(10L * advertIntervalCentis);
    }

    /**
     * Preempt_Mode as applied: keepalived documents that {@code nopreempt} does not work with an
     * initial state of MASTER, so {@code startAsMaster} keeps preemption on.
     */
    public boolean effectivePreempt() {
        return preempt || startAsMaster;
    }

    /** {@code preempt_delay} as applied: none with nopreempt, and none with an initial state of MASTER (man page). */
    public Duration effectivePreemptDelay() {
        return preempt && !startAsMaster ? preemptDelay : Duration.ZERO;
    }

    private static void checkInterval(int version, int centis) {
        if (version == 3 && (centis < 1 || centis > 4095)) {
            throw new IllegalArgumentException("VRRPv3 advert interval must be 1..4095 centiseconds, not " + centis);
        }
        if (version == 2 && (centis < 100 || centis > 25500 || centis % 100 != 0)) {
            throw new IllegalArgumentException("VRRPv2 advert interval must be whole seconds 1..255, not "
                    + centis + " centiseconds");
        }
    }
}
