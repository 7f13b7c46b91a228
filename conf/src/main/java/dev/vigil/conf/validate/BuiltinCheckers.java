package dev.vigil.conf.validate;

import java.util.List;

/**
 * Validators of keepalived's checker types, so a keepalived.conf validates fully without plugins.
 * Keys are keepalived's; DNS_CHECK's {@code type} is {@code query_type} (the section's own
 * {@code type} names the checker).
 */
public final class BuiltinCheckers {
    private BuiltinCheckers() {
    }

    /** TCP_CHECK, HTTP_GET, SSL_GET, SMTP_CHECK, DNS_CHECK, MISC_CHECK, UDP_CHECK, PING_CHECK, FILE_CHECK. */
    public static List<SectionValidator> all() {
        return List.of(
                connection("TCP_CHECK").build(),
                http(connection("HTTP_GET")).build(),
                http(connection("SSL_GET")).bool("enable_sni").build(),
                connection("SMTP_CHECK").string("helo_name").list("host", connectionOnly("host")).build(),
                connection("DNS_CHECK").oneOf("query_type", "A", "NS", "CNAME", "SOA", "MX", "TXT", "AAAA")
                        .string("name").build(),
                timing(SectionSchema.builder(SectionKind.CHECKER, "MISC_CHECK")).string("misc_path")
                        .required("misc_path").seconds("misc_timeout").bool("misc_dynamic").string("user").build(),
                connection("UDP_CHECK").string("payload").string("require_reply")
                        .integer("min_reply_length", 0, 65535).integer("max_reply_length", 0, 65535).build(),
                connection("PING_CHECK").build(),
                SectionSchema.builder(SectionKind.CHECKER, "FILE_CHECK").string("track_file").required("track_file")
                        .bool("dynamic").integer("weight", -2147483647, 2147483647).bool("reverse").build());
    }

    private static SectionSchema.Builder connection(String type) {
        return timing(connectionKeys(SectionSchema.builder(SectionKind.CHECKER, type)));
    }

    private static SectionSchema connectionOnly(String type) {
        return connectionKeys(SectionSchema.builder(SectionKind.CHECKER, type)).build();
    }

    private static SectionSchema.Builder connectionKeys(SectionSchema.Builder b) {
        return b.address("connect_ip").integer("connect_port", 0, 65535).address("bindto").string("bind_if")
                .integer("bind_port", 0, 65535).integer("fwmark", 0, 4294967295L);
    }

    private static SectionSchema.Builder timing(SectionSchema.Builder b) {
        return b.bool("alpha").seconds("connect_timeout").integer("retry", 0, 2147483647)
                .seconds("delay_before_retry").seconds("warmup").seconds("delay_loop").bool("log_all_failures");
    }

    private static SectionSchema.Builder http(SectionSchema.Builder b) {
        SectionSchema url = SectionSchema.builder(SectionKind.CHECKER, "url").string("path").required("path")
                .string("digest").string("status_code").string("virtualhost").string("regex").bool("regex_no_match")
                .string("regex_options").string("regex_stack").integer("regex_min_offset", 0, 2147483647)
                .integer("regex_max_offset", 0, 2147483647).build();
        return b.oneOf("http_protocol", "1.0", "1.0C", "1.1").bool("fast_recovery").string("virtualhost")
                .list("url", url).required("url");
    }
}
