package dev.vigil.healthcheck.http;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsServer;
import dev.vigil.healthcheck.Checks;
import dev.vigil.plugin.check.CheckResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;

import static org.assertj.core.api.Assertions.assertThat;

/** SSL_GET against an HTTPS server with a self-signed certificate made by keytool. */
class SslCheckTest {
    @TempDir
    static Path dir;
    Checks checks;
    HttpsServer server;
    final AtomicReference<String> sni = new AtomicReference<>("none");

    @BeforeAll
    static void certificates() throws Exception {
        keyStore("server", "CN=real1.example.test");
        keyStore("other", "CN=other.example.test");
        exportPem("server");
        exportPem("other");
    }

    @BeforeEach
    void start() throws Exception {
        checks = new Checks(dir);
        Path serverStore = dir.resolve("server.p12");
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(serverStore)) {
            ks.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        server = HttpsServer.create(Checks.loopback(0), 50);
        server.setHttpsConfigurator(new HttpsConfigurator(ctx));
        server.createContext("/", ex -> {
            var names = ((ExtendedSSLSession) ((HttpsExchange) ex).getSSLSession()).getRequestedServerNames();
            sni.set(names.isEmpty() ? "none" : ((SNIHostName) names.get(0)).getAsciiName());
            byte[] b = "secure".getBytes();
            ex.sendResponseHeaders(200, b.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(b);
            }
        });
        server.start();
    }

    private static Path keyStore(String name, String dname) throws Exception {
        Path store = dir.resolve(name + ".p12");
        keytool("-genkeypair", "-alias", name, "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", dname, "-ext", "SAN=dns:" + dname.substring(3), "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", "changeit", "-keypass", "changeit");
        return store;
    }

    private static void exportPem(String name) throws Exception {
        keytool("-exportcert", "-rfc", "-alias", name, "-keystore", dir.resolve(name + ".p12").toString(),
                "-storepass", "changeit", "-file", dir.resolve(name + ".pem").toString());
    }

    private static void keytool(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }

    @AfterEach
    void stop() throws IOException {
        server.stop(0);
        checks.close();
    }

    private CheckResult check(Map<String, Object> settings) throws Exception {
        settings.put("url", HttpCheckTest.url(Map.of("path", "/", "regex", "secure")));
        return checks.run(new SslGetFactory(), settings, server.getAddress().getPort());
    }

    @Test
    void trustsAnyCertificateByDefault() throws Exception {
        CheckResult r = check(new java.util.HashMap<>());
        assertThat(r.healthy()).as(r.message()).isTrue();
        assertThat(sni.get()).isEqualTo("none");
    }

    @Test
    void verifiesAgainstACaFile() throws Exception {
        CheckResult good = check(new java.util.HashMap<>(Map.of("ca_file", dir.resolve("server.pem").toString())));
        assertThat(good.healthy()).as(good.message()).isTrue();
        CheckResult bad = check(new java.util.HashMap<>(Map.of("ca_file", dir.resolve("other.pem").toString())));
        assertThat(bad.healthy()).isFalse();
        assertThat(bad.message()).startsWith("TLS handshake failed");
    }

    @Test
    void sendsSniAndVerifiesTheHostName() throws Exception {
        CheckResult r = check(new java.util.HashMap<>(Map.of("enable_sni", "true", "virtualhost", "real1.example.test")));
        assertThat(r.healthy()).as(r.message()).isTrue();
        assertThat(sni.get()).isEqualTo("real1.example.test");
        CheckResult named = check(new java.util.HashMap<>(Map.of("sni", "real1.example.test",
                "ca_file", dir.resolve("server.pem").toString(), "verify_hostname", "true")));
        assertThat(named.healthy()).as(named.message()).isTrue();
        CheckResult wrongName = check(new java.util.HashMap<>(Map.of("sni", "elsewhere.example.test",
                "ca_file", dir.resolve("server.pem").toString(), "verify_hostname", "true")));
        assertThat(wrongName.healthy()).isFalse();
    }
}
