package dev.vigil.vrrp.fsm;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;

/** Builds {@link MachineConfig}s for tests, keepalived's defaults unless changed. */
final class Configs {
    private String name = "VI_1";
    private int version = 2;
    private int priority = 100;
    private int interval = 100;
    private boolean preempt = true;
    private Duration preemptDelay = Duration.ZERO;
    private boolean startAsMaster;
    private boolean lowerPrioNoAdvert;
    private boolean higherPrioSendAdvert;
    private String address = "10.0.0.1";

    static Configs vrrp() {
        return new Configs();
    }

    Configs name(String v) { name = v; return this; }
    Configs version(int v) { version = v; return this; }
    Configs priority(int v) { priority = v; return this; }
    Configs interval(int centis) { interval = centis; return this; }
    Configs nopreempt() { preempt = false; return this; }
    Configs preemptDelay(Duration v) { preemptDelay = v; return this; }
    Configs startAsMaster() { startAsMaster = true; return this; }
    Configs lowerPrioNoAdvert() { lowerPrioNoAdvert = true; return this; }
    Configs higherPrioSendAdvert() { higherPrioSendAdvert = true; return this; }
    Configs address(String v) { address = v; return this; }

    MachineConfig build() {
        return new MachineConfig(name, version, priority, interval, preempt, preemptDelay, startAsMaster,
                lowerPrioNoAdvert, higherPrioSendAdvert, ip(address));
    }

    static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }
}
