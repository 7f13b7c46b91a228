package dev.vigil.vrrp.instance;

/**
 * Which configuration changes a running instance takes without restarting, as keepalived does on
 * reload: addresses, routes and rules (swapped while master), priority (between 1 and 254: it
 * becomes the base of tracking), GARP and notify settings, tracking, and accept mode (the engine
 * updates its packet filter). Anything else (interface,
 * VRID, version, family, interval, authentication, unicast peers...) restarts the instance.
 */
public final class InstanceUpdates {
    private InstanceUpdates() {
    }

    /** True when {@code next} can replace {@code prev} with {@link InstanceRunner#update}. */
    public static boolean inPlace(InstanceSpec prev, InstanceSpec next) {
        if (prev.priority() != next.priority() && (prev.priority() == 255 || next.priority() == 255)) {
            return false;
        }
        InstanceSpec normalized = next.withPriority(prev.priority())
                .withAddresses(prev.vips(), prev.routes(), prev.rules());
        normalized = new InstanceSpec(normalized.name(), normalized.interfaceName(), normalized.interfaceIndex(),
                normalized.family(), normalized.version(), normalized.vrid(), normalized.priority(),
                normalized.advertIntervalCentis(), normalized.preempt(), normalized.preemptDelay(),
                normalized.startAsMaster(), normalized.authType(), normalized.authPass(), normalized.vips(),
                normalized.routes(), normalized.rules(), normalized.sourceAddress(), normalized.unicastPeers(),
                normalized.unicastTtl(), normalized.checkUnicastSrc(), prev.garp(), normalized.skipCheckAdvAddr(),
                normalized.lowerPrioNoAdvert(), normalized.higherPrioSendAdvert(), normalized.strict(),
                normalized.trackPrimary(), prev.tracked(), prev.notifyCommands(), prev.notifyTimeout(), normalized.vmac(),
                normalized.peerTtls(), prev.accept(), normalized.vipBackend());
        return normalized.equals(prev);
    }
}
