package dev.vigil.healthcheck.http;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * SSL_GET's TLS settings. Like keepalived, any certificate is trusted unless {@code ca_file} is
 * given.
 *
 * @param sni            send Server Name Indication ({@code enable_sni}, or {@code sni NAME})
 * @param sniName        the name to send; the virtual host when empty
 * @param caFile         PEM certificates to verify the server's chain against; trust all when empty
 * @param verifyHostname check the certificate names the server ({@code verify_hostname})
 */
public record TlsSettings(boolean sni, Optional<String> sniName, Optional<Path> caFile, boolean verifyHostname) {
    public TlsSettings {
        Objects.requireNonNull(sniName, "sniName");
        Objects.requireNonNull(caFile, "caFile");
    }
}
