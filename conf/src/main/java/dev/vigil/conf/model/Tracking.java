package dev.vigil.conf.model;

import dev.vigil.conf.SourcePosition;

import java.util.List;

/** What an instance or a sync group tracks (written flat in its map). */
public record Tracking(
        @Doc(value = "Interfaces tracked.", keepalived = "track_interface { IF [weight N [reverse]] ... }") List<TrackInterface> trackInterface,
        @Doc(value = "vrrp_scripts tracked.", keepalived = "track_script { NAME [weight N [reverse]] ... }") List<TrackRef> trackScript,
        @Doc(value = "track_files tracked.", keepalived = "track_file { NAME [weight N [reverse]] ... }") List<TrackRef> trackFile,
        @Doc(value = "track_processes tracked.", keepalived = "track_process { NAME [weight N [reverse]] ... }") List<TrackRef> trackProcess,
        SourcePosition position) {

    public Tracking {
        trackInterface = List.copyOf(trackInterface);
        trackScript = List.copyOf(trackScript);
        trackFile = List.copyOf(trackFile);
        trackProcess = List.copyOf(trackProcess);
    }
}
