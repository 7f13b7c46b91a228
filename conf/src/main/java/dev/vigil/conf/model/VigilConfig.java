package dev.vigil.conf.model;

import dev.vigil.conf.SourcePosition;

import java.util.List;
import java.util.Objects;

/** A whole configuration: what the daemon runs, read from YAML or from a keepalived.conf. */
public record VigilConfig(
        @Default("{}") @Doc("Settings for the whole daemon.") GlobalDefs globalDefs,
        @Named @Doc(value = "Scripts run periodically whose result VRRP instances track.", keepalived = "vrrp_script NAME { ... }")
        List<VrrpScript> vrrpScript,
        @Named @Key(aliases = "vrrp_track_file") @Doc(value = "Files whose number VRRP instances track.", keepalived = "track_file NAME { ... } (or vrrp_track_file)")
        List<TrackFile> trackFile,
        @Named @Key(aliases = "vrrp_track_process") @Doc(value = "Processes whose presence VRRP instances track.", keepalived = "vrrp_track_process NAME { ... }")
        List<TrackProcess> trackProcess,
        @Named @Doc(value = "VRRP instances.", keepalived = "vrrp_instance NAME { ... }") List<VrrpInstance> vrrpInstance,
        @Named @Doc(value = "Groups of instances that change state together.", keepalived = "vrrp_sync_group NAME { ... }")
        List<VrrpSyncGroup> vrrpSyncGroup,
        @Named @Doc(value = "Sets of addresses and fwmarks served by one virtual server definition.", keepalived = "virtual_server_group NAME { ... }")
        List<VirtualServerGroup> virtualServerGroup,
        @Doc(value = "IPVS virtual servers.", keepalived = "virtual_server IP PORT | fwmark N | group NAME { ... }")
        List<VirtualServer> virtualServer,
        @Doc("Addresses set at start and kept whatever the VRRP state.") List<VirtualAddress> staticIpaddress,
        @Doc("Routes set at start and kept whatever the VRRP state.") List<Route> staticRoutes,
        @Doc("Policy routing rules set at start and kept whatever the VRRP state.") List<Rule> staticRules,
        @Doc(value = "Notification channels provided by plugins (each a section with a type).", keepalived = "(none)")
        List<Section> notifiers,
        @Default("{}") @Doc(value = "Where plugins are loaded from and their settings.", keepalived = "(none)") PluginSettings plugins,
        SourcePosition position) {

    public VigilConfig {
        Objects.requireNonNull(globalDefs, "globalDefs");
        vrrpScript = List.copyOf(vrrpScript);
        trackFile = List.copyOf(trackFile);
        trackProcess = List.copyOf(trackProcess);
        vrrpInstance = List.copyOf(vrrpInstance);
        vrrpSyncGroup = List.copyOf(vrrpSyncGroup);
        virtualServerGroup = List.copyOf(virtualServerGroup);
        virtualServer = List.copyOf(virtualServer);
        staticIpaddress = List.copyOf(staticIpaddress);
        staticRoutes = List.copyOf(staticRoutes);
        staticRules = List.copyOf(staticRules);
        notifiers = List.copyOf(notifiers);
        Objects.requireNonNull(plugins, "plugins");
        Objects.requireNonNull(position, "position");
    }
}
