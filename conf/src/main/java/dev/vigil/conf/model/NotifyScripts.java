package dev.vigil.conf.model;

import dev.vigil.conf.SourcePosition;

/** Scripts run on state changes of an instance or a sync group, and e-mail alerts (written flat). */
public record NotifyScripts(
        @Doc(value = "Run on becoming MASTER.", keepalived = "notify_master SCRIPT") String notifyMaster,
        @Doc("Run on becoming BACKUP.") String notifyBackup,
        @Doc("Run on entering FAULT.") String notifyFault,
        @Doc("Run when the instance stops.") String notifyStop,
        @Doc("Run on every change with GROUP|INSTANCE, name, state and priority appended.") @Key("notify") String notifyAny,
        @Doc("Run when a master receives a lower priority advert.") String notifyMasterRxLowerPri,
        @Doc(value = "Send e-mail alerts on changes; global smtp_alert_vrrp when unset.", keepalived = "smtp_alert [BOOL]") Boolean smtpAlert,
        SourcePosition position) {
}
