package dev.vigil.healthcheck;

import dev.vigil.healthcheck.dns.DnsCheckFactory;
import dev.vigil.healthcheck.file.FileCheckFactory;
import dev.vigil.healthcheck.http.HttpGetFactory;
import dev.vigil.healthcheck.http.SslGetFactory;
import dev.vigil.healthcheck.misc.MiscCheckFactory;
import dev.vigil.healthcheck.ping.PingCheckFactory;
import dev.vigil.healthcheck.smtp.SmtpCheckFactory;
import dev.vigil.healthcheck.tcp.TcpCheckFactory;
import dev.vigil.healthcheck.udp.UdpCheckFactory;
import dev.vigil.plugin.ConfigProblem;
import dev.vigil.plugin.Location;
import dev.vigil.plugin.Section;
import dev.vigil.plugin.check.HealthCheckerFactory;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Validation of every factory's section, and the PF4J index of extensions. */
class FactoriesTest {
    static List<String> messages(HealthCheckerFactory f, Map<String, ?> settings) {
        return f.validate(Section.of(f.type(), settings)).stream().map(ConfigProblem::message).toList();
    }

    @Test
    void hostKeysAreAcceptedAndUnknownKeysReportedWithAHint() {
        Map<String, Object> s = new LinkedHashMap<>();
        CheckerFactory.HOST_KEYS.forEach(k -> s.put(k, "1"));
        assertThat(messages(new TcpCheckFactory(), s)).isEmpty();
        Section typo = new Section("TCP_CHECK", Location.UNKNOWN, Map.of("conect_timeout",
                new Section.Setting("conect_timeout", "3", new Location("k.conf", 7, 0))));
        List<ConfigProblem> problems = new TcpCheckFactory().validate(typo);
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).toString())
                .isEqualTo("k.conf:7: unknown key 'conect_timeout' in TCP_CHECK (did you mean 'connect_timeout'?)");
    }

    @Test
    void httpSections() {
        assertThat(messages(new HttpGetFactory(), Map.of())).containsExactly("HTTP_GET needs at least one 'url { path ... }' block");
        assertThat(messages(new HttpGetFactory(), Map.of("url", Section.of("url", Map.of("path", "/",
                "status_code", "200 299-201", "digest", "abc", "regex", "(", "regex_options", "caseless bogus")),
                "http_protocol", "2")))
                .containsExactlyInAnyOrder("http_protocol must be 1.0, 1.0C or 1.1, not '2'",
                        "status_code: range '299-201' ends before it starts",
                        "digest must be 32 hex digits (an MD5), not 'abc'",
                        "regex option 'bogus' is not supported (caseless, multiline, dotall, extended, ucp, utf are)",
                        "regex does not compile: Unclosed group at index 1");
        assertThat(messages(new HttpGetFactory(), Map.of("url", Section.of("url", Map.of())))).containsExactly("url needs 'path'");
        assertThat(messages(new HttpGetFactory(), Map.of("url", Section.of("url", Map.of("path", "/")), "enable_sni", "true")))
                .containsExactly("unknown key 'enable_sni' in HTTP_GET");
        assertThat(messages(new SslGetFactory(), Map.of("url", Section.of("url", Map.of("path", "/")),
                "enable_sni", "true", "verify_hostname", "yes")))
                .containsExactly("verify_hostname needs 'ca_file': without it every certificate is trusted");
    }

    @Test
    void otherSections() {
        assertThat(messages(new DnsCheckFactory(), Map.of("query_type", "PTR")))
                .containsExactly("query_type must be one of A, NS, CNAME, SOA, MX, TXT, AAAA, not 'PTR'");
        assertThat(messages(new DnsCheckFactory(), Map.of("query_type", "aaaa", "name", "example.test"))).isEmpty();
        assertThat(messages(new UdpCheckFactory(), Map.of("payload", "12 zz", "require_reply", "0x12")))
                .containsExactly("payload: 'z' is not a hex digit");
        assertThat(messages(new UdpCheckFactory(), Map.of("min_reply_length", "9", "max_reply_length", "3")))
                .containsExactly("max_reply_length 3 is below min_reply_length 9");
        assertThat(messages(new MiscCheckFactory(), Map.of("misc_timeout", "-1")))
                .containsExactlyInAnyOrder("MISC_CHECK needs 'misc_path'",
                        "'misc_timeout' must be a positive number of seconds, not '-1'");
        assertThat(messages(new MiscCheckFactory(), Map.of("misc_path", "/bin/true", "user", "a b c")))
                .containsExactly("user takes a user name and an optional group name");
        assertThat(messages(new FileCheckFactory(), Map.of("track_file", "relative", "dynamic", "true")))
                .containsExactlyInAnyOrder("'relative' is not an absolute path",
                        "FILE_CHECK 'dynamic' is not supported: check results carry absolute weights");
        assertThat(messages(new SmtpCheckFactory(), Map.of("helo_name", "\"two words\"")))
                .containsExactly("helo_name must be one word, not 'two words'");
        assertThat(messages(new PingCheckFactory(), Map.of("connect_timeout", "2"))).isEmpty();
        assertThat(new TcpCheckFactory().validate(Section.of("HTTP_GET", Map.of())).get(0).message())
                .isEqualTo("TCP_CHECK cannot read a HTTP_GET section");
    }

    @Test
    void theExtensionIndexListsEveryFactory() throws Exception {
        String idx;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("META-INF/extensions.idx")) {
            assertThat(in).isNotNull();
            idx = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<HealthCheckerFactory> all = List.of(new TcpCheckFactory(), new HttpGetFactory(), new SslGetFactory(),
                new SmtpCheckFactory(), new DnsCheckFactory(), new UdpCheckFactory(), new PingCheckFactory(),
                new MiscCheckFactory(), new FileCheckFactory());
        for (HealthCheckerFactory f : all) {
            assertThat(idx).contains(f.getClass().getName());
        }
        assertThat(all.stream().map(HealthCheckerFactory::type)).containsExactly("TCP_CHECK", "HTTP_GET", "SSL_GET",
                "SMTP_CHECK", "DNS_CHECK", "UDP_CHECK", "PING_CHECK", "MISC_CHECK", "FILE_CHECK");
    }
}
