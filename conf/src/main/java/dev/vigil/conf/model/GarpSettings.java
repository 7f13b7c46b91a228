package dev.vigil.conf.model;

import dev.vigil.conf.SourcePosition;

import java.time.Duration;

/** Gratuitous ARP / unsolicited NA settings of an instance; unset ones take the global vrrp_garp_* values. */
public record GarpSettings(
        @Doc("Delay of the second burst after becoming master, seconds.") Duration garpMasterDelay,
        @Range(min = 0, max = 255) @Doc("Messages in each burst.") Integer garpMasterRepeat,
        @Doc("Interval of periodic messages while master, seconds.") Duration garpMasterRefresh,
        @Range(min = 1, max = 255) @Doc("Messages at each refresh.") Integer garpMasterRefreshRepeat,
        @Doc("Delay after a lower priority advert, seconds.") Duration garpLowerPrioDelay,
        @Range(min = 0, max = 255) @Doc("Messages after a lower priority advert.") Integer garpLowerPrioRepeat,
        SourcePosition position) {
}
