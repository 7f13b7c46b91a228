package dev.vigil.daemon.bench;

import dev.vigil.daemon.lab.KeepalivedProcess;
import dev.vigil.daemon.lab.LabProcess;
import dev.vigil.daemon.lab.NetLab;
import dev.vigil.daemon.lab.VigilProcess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A VRRP implementation the benchmark starts in a lab node from keepalived.conf text. */
public enum Contender {
    /** {@code vigil run -f keepalived.conf}. */
    VIGIL {
        @Override
        LabProcess start(NetLab lab, String node, String tag, String config) {
            Path file = lab.dir().resolve(tag + ".conf");
            try {
                Files.writeString(file, config);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return VigilProcess.start(lab, node, tag, file);
        }
    },
    /** keepalived 2.2.7 ({@code --vrrp --dont-fork}). */
    KEEPALIVED {
        @Override
        LabProcess start(NetLab lab, String node, String tag, String config) {
            return KeepalivedProcess.start(lab, node, tag, config);
        }
    };

    /** Starts this implementation in {@code node}; {@code tag} names its files; the lab stops it. */
    abstract LabProcess start(NetLab lab, String node, String tag, String config);

    /** The name printed in the table. */
    String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
