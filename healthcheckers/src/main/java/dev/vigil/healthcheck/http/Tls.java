package dev.vigil.healthcheck.http;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;

import java.io.UncheckedIOException;
import java.io.IOException;
import javax.net.ssl.SSLException;

/** Client TLS contexts for SSL_GET. */
final class Tls {
    private Tls() {
    }

    /** Trusts every certificate unless a CA file is set, as keepalived does. */
    static SslContext clientContext(TlsSettings tls) {
        // Host names are checked only when asked for (verify_hostname sets it on the engine).
        SslContextBuilder b = SslContextBuilder.forClient().endpointIdentificationAlgorithm(null);
        if (tls.caFile().isPresent()) {
            b.trustManager(tls.caFile().get().toFile());
        } else {
            b.trustManager(InsecureTrustManagerFactory.INSTANCE);
        }
        try {
            return b.build();
        } catch (SSLException e) {
            throw new UncheckedIOException(new IOException("cannot set up TLS: " + e.getMessage(), e));
        }
    }
}
