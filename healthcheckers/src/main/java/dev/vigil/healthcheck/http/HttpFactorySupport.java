package dev.vigil.healthcheck.http;

import dev.vigil.plugin.ConfigProblem;
import dev.vigil.plugin.Section;
import dev.vigil.plugin.SectionReader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reading the keys HTTP_GET and SSL_GET share, and SSL_GET's TLS keys. */
final class HttpFactorySupport {
    private static final Set<String> PROTOCOLS = Set.of("1.0", "1.0C", "1.1");

    private HttpFactorySupport() {
    }

    static HttpSettings read(SectionReader r, List<ConfigProblem> nested, Optional<TlsSettings> tls) {
        String protocol = r.string("http_protocol", "1.0");
        if (!PROTOCOLS.contains(protocol)) {
            r.problem("http_protocol", "http_protocol must be 1.0, 1.0C or 1.1, not '" + protocol + "'");
        }
        r.bool("fast_recovery", false); // every URL is checked in each attempt: recovery is always fast
        Optional<String> vhost = r.string("virtualhost");
        List<Section> urlSections = r.sections("url");
        if (urlSections.isEmpty()) {
            r.problem("url", r.section().type() + " needs at least one 'url { path ... }' block");
        }
        List<UrlCheck> urls = new ArrayList<>();
        for (Section url : urlSections) {
            urls.add(UrlCheck.read(url, nested));
        }
        return new HttpSettings(urls, PROTOCOLS.contains(protocol) ? protocol : "1.0", vhost, tls);
    }

    static TlsSettings tls(SectionReader r) {
        Optional<String> sniName = r.string("sni");
        boolean sni = r.bool("enable_sni", false) || sniName.isPresent();
        Optional<Path> ca = r.string("ca_file").map(Path::of);
        boolean verifyHostname = r.bool("verify_hostname", false);
        if (verifyHostname && ca.isEmpty()) {
            r.problem("verify_hostname", "verify_hostname needs 'ca_file': without it every certificate is trusted");
        }
        return new TlsSettings(sni, sniName, ca, verifyHostname);
    }
}
