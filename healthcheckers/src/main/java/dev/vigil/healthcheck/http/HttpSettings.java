package dev.vigil.healthcheck.http;

import io.netty.handler.codec.http.HttpVersion;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One HTTP_GET or SSL_GET section.
 *
 * @param urls        the URLs, each checked on its own connection; all must pass
 * @param protocol    {@code 1.0}, {@code 1.0C} (1.0 with {@code Connection: close}) or {@code 1.1}
 * @param virtualhost the Host header when a URL sets none; the address when empty
 * @param tls         TLS settings, present for SSL_GET
 */
public record HttpSettings(List<UrlCheck> urls, String protocol, Optional<String> virtualhost,
                           Optional<TlsSettings> tls) {
    public HttpSettings {
        urls = List.copyOf(urls);
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(virtualhost, "virtualhost");
        Objects.requireNonNull(tls, "tls");
    }

    HttpVersion version() {
        return protocol.equals("1.1") ? HttpVersion.HTTP_1_1 : HttpVersion.HTTP_1_0;
    }

    /** Whether requests say {@code Connection: close} (1.0C and 1.1). */
    boolean connectionClose() {
        return !protocol.equals("1.0");
    }
}
